package dev.handoff.web.presence;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;

/** Follows agents' portal sessions: a renamed session stays the same session; a destroyed one may set the agent offline. */
@WebListener
public class PresenceSessionListener implements HttpSessionListener, HttpSessionIdListener {

    public static final String AGENT_ATTRIBUTE = "handoff.agent";

    @Inject
    AgentSessions sessions;

    @Inject
    SessionEnd sessionEnd;

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        sessions.renamed(oldSessionId, event.getSession().getId());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        if (event.getSession().getAttribute(AGENT_ATTRIBUTE) instanceof String username) {
            sessionEnd.ended(username, event.getSession().getId());
        }
    }
}
