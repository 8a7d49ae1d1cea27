package dev.handoff.web.presence;

import dev.handoff.routing.boundary.RoutingService;
import dev.handoff.routing.entity.Presence;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/** When an agent's last portal session ends (sign-out or time-out), they go offline and their offers move on. */
@WebListener
public class PresenceSessionListener implements HttpSessionListener {

    public static final String AGENT_ATTRIBUTE = "handoff.agent";
    private static final Logger LOG = Logger.getLogger(PresenceSessionListener.class.getName());

    @Inject
    AgentSessions sessions;

    @Inject
    RoutingService routing;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        Object agent = event.getSession().getAttribute(AGENT_ATTRIBUTE);
        if (agent instanceof String username && sessions.closed(username, event.getSession().getId())) {
            try {
                if (routing.presenceOf(username) != Presence.OFFLINE) {
                    routing.setPresence(username, Presence.OFFLINE);
                    LOG.fine(() -> username + " signed out or timed out: offline");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not set " + username + " offline after their last session ended", e);
            }
        }
    }
}
