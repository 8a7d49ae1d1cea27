package dev.handoff.web.presence;

import dev.handoff.routing.boundary.RoutingService;
import dev.handoff.routing.entity.Presence;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;

/**
 * The agent's browser reports activity (typing, clicking, moving the mouse) about once a minute:
 * {@code POST /agent/heartbeat}. An agent set away automatically comes back online.
 */
@WebServlet("/agent/heartbeat")
public class HeartbeatServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    AgentSessions sessions;

    @Inject
    RoutingService routing;

    @Inject
    Clock clock;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getRemoteUser();
        if (user == null) {
            response.sendError(401);
            return;
        }
        if (request.getSession(false) != null && request.getSession(false).getAttribute(PresenceSessionListener.AGENT_ATTRIBUTE) != null
                && sessions.active(user, clock.instant()) && routing.presenceOf(user) == Presence.AWAY) {
            routing.setPresence(user, Presence.ONLINE);
        }
        response.setStatus(204);
    }
}
