package dev.handoff.web.push;

import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Holds the portal's push channels. In an EAR the events come from the EJB module, and an observer
 * created on that side gets no Faces push contexts injected; a listener of the web module always
 * does, so it obtains them once at start-up and every observer uses these. It also starts the
 * relay of pushes to and from the other servers of a cluster ({@link GridRelay}).
 */
@WebListener
public class PushChannels implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(PushChannels.class.getName());

    private static volatile PushContext inbox;
    private static volatile PushContext queue;
    /** Who has opened the queue page: the users a queue nudge goes to (at most every supervisor and admin). */
    private static final Set<String> QUEUE_WATCHERS = ConcurrentHashMap.newKeySet();

    @Inject
    @Push(channel = "inbox")
    PushContext inboxChannel;

    @Inject
    @Push(channel = "queue")
    PushContext queueChannel;

    @Inject
    GridRelay relay;

    @Inject
    RoutingNudges nudges;

    @Inject
    GridDepartures departures;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        inbox = inboxChannel;
        queue = queueChannel;
        try {
            relay.start(InitialContext.doLookup("java:comp/DefaultManagedExecutorService"));
            nudges.start(InitialContext.doLookup("java:comp/DefaultManagedExecutorService"));
            departures.start(InitialContext.doLookup("java:comp/DefaultManagedExecutorService"));
        } catch (NamingException e) {
            LOG.log(Level.WARNING, "No managed executor: pushes from other servers are not delivered here", e);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        relay.stop();
        nudges.stop();
        departures.stop();
        inbox = null;
        queue = null;
    }

    /** The user-scoped channel of agents' inboxes and chats; null until the web module has started. */
    static PushContext inbox() {
        return inbox;
    }

    /** The user-scoped channel of the supervisors' queue view. */
    static PushContext queue() {
        return queue;
    }

    static void watchQueue(String user) {
        QUEUE_WATCHERS.add(user);
    }

    static Set<String> queueWatchers() {
        return QUEUE_WATCHERS;
    }
}
