package dev.handoff.web.presence;

import dev.handoff.routing.boundary.RoutingService;
import dev.handoff.identity.entity.Presence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** An agent's portal session ends (sign-out or time-out); the last one sets them offline so their offers move on. */
@ApplicationScoped
public class SessionEnd {

    private static final Logger LOG = Logger.getLogger(SessionEnd.class.getName());

    @Inject
    AgentSessions sessions;

    @Inject
    RoutingService routing;

    public void ended(String username, String sessionId) {
        if (sessions.closed(username, sessionId)) {
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
