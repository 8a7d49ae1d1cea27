package dev.handoff.bench.reference;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The simulated agents' door into Handoff. Agents act through the portal (Faces pages), which a
 * load driver cannot drive at speed; this resource calls the same boundary methods the portal's
 * backing beans call ({@code UserService.create}, {@code RoutingService.setPresence},
 * {@code AgentDeskService.accept/reply/resolve}), looked up in the same server by their portable
 * global JNDI names. Handoff's classes belong to another application, so the calls go by
 * reflection. Bench only: never deploy this WAR beside a production Handoff.
 */
@Path("agents")
public class AgentsResource {

    /** Handoff's application name, which Payara Micro takes from the WAR's file name. */
    private static final String APP = "java:global/" + System.getProperty("bench.handoff.app", "handoff") + "/";

    @POST
    @Path("setup")
    public Response setup(@QueryParam("count") int count, @QueryParam("capacity") int capacity) throws Exception {
        Object users = lookup("UserService");
        Object routing = lookup("RoutingService");
        Method create = method(users, "create", 6);
        Method presence = method(routing, "setPresence", 2);
        Object agentRole = enumValue(create.getParameterTypes()[2], "AGENT");
        Object online = enumValue(presence.getParameterTypes()[1], "ONLINE");
        for (int i = 1; i <= count; i++) {
            String username = "bench" + i;
            try {
                create.invoke(users, username, "Bench Agent " + i, agentRole, "bench-password-1".toCharArray(),
                        Map.of("general", 5, "billing", 5, "technical", 5), capacity);
            } catch (InvocationTargetException e) {
                // already there from an earlier call: fine
            }
            presence.invoke(routing, username, online);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("{agent}/accept/{conversation}")
    public Response accept(@PathParam("agent") String agent, @PathParam("conversation") String conversation) {
        return call("AgentDeskService", "accept", conversation, agent);
    }

    @POST
    @Path("{agent}/reply/{conversation}")
    @Consumes(MediaType.TEXT_PLAIN)
    public Response reply(@PathParam("agent") String agent, @PathParam("conversation") String conversation, String text) {
        return call("AgentDeskService", "reply", conversation, agent, text);
    }

    @POST
    @Path("{agent}/resolve/{conversation}")
    public Response resolve(@PathParam("agent") String agent, @PathParam("conversation") String conversation) {
        return call("AgentDeskService", "resolve", conversation, agent, "resolved");
    }

    private static Response call(String bean, String name, Object... args) {
        try {
            Object target = lookup(bean);
            method(target, name, args.length).invoke(target, args);
            return Response.noContent().build();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            while (cause.getCause() != null && cause.getClass().getName().endsWith("EJBException")) {
                cause = cause.getCause();
            }
            boolean conflict = cause.getClass().getSimpleName().contains("Conflict");
            return Response.status(conflict ? 409 : 500).type(MediaType.TEXT_PLAIN)
                    .entity(cause.getClass().getSimpleName() + ": " + cause.getMessage()).build();
        } catch (ReflectiveOperationException | NamingException e) {
            return Response.status(500).type(MediaType.TEXT_PLAIN).entity(e.toString()).build();
        }
    }

    /** Beans with more than one view (a local port besides their own class, ADR 0063): their own class's name. */
    private static final java.util.Map<String, String> CLASSES = java.util.Map.of(
            "RoutingService", "dev.handoff.routing.boundary.RoutingService");

    /**
     * The bean's no-interface view: {@code java:global/<app>/<Bean>} while the bean has one view, else the
     * portable {@code <Bean>!<its own class>} name.
     */
    private static Object lookup(String bean) throws NamingException {
        String own = CLASSES.get(bean);
        return new InitialContext().lookup(APP + bean + (own == null ? "" : "!" + own));
    }

    private static Method method(Object target, String name, int arity) throws NoSuchMethodException {
        return Arrays.stream(target.getClass().getMethods())
                .filter(m -> m.getName().equals(name) && m.getParameterCount() == arity)
                .findFirst()
                .orElseThrow(() -> new NoSuchMethodException(name + "/" + arity));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        return Enum.valueOf((Class<? extends Enum>) type, name);
    }
}
