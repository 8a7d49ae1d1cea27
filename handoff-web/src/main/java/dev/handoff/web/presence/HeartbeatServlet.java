package dev.handoff.web.presence;

import dev.handoff.platform.NotFoundException;
import dev.handoff.routing.boundary.RoutingService;
import dev.handoff.identity.entity.Presence;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent's portal is alive: the browser posts {@code /agent/heartbeat} every 30 s while an agent
 * or supervisor page is open, with {@code active=1} when the agent typed, clicked or moved the mouse
 * since the last one. Every heartbeat keeps the agent's presence for another
 * {@code handoff.presence.ttl-seconds} (stored in the database); an active one also brings an agent
 * set away automatically back online. On the chat page the beat comes every 20 s and names the open
 * chat ({@code chat=<id>}) while the agent works on it or has it in the focused tab: that is the
 * owner's activity on the chat, so the reply clock restarts, and the answer is
 * {@code {"replyDueAt": <epoch ms or null>}} for the page's warning.
 */
@WebServlet("/agent/heartbeat")
public class HeartbeatServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(HeartbeatServlet.class.getName());

    @Inject
    AgentSessions sessions;

    @Inject
    RoutingService routing;

    @Inject
    Clock clock;

    @Inject
    dev.handoff.web.push.ChatWatchers watchers;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getRemoteUser();
        if (user == null) {
            response.sendError(401);
            return;
        }
        String chat = request.getParameter("chat");
        try {
            routing.heartbeat(user);
            HttpSession session = request.getSession(false);
            // typing, clicking, moving the mouse; a beat that only says the chat is open in the focused tab is not presence activity
            boolean active = "1".equals(request.getParameter("active")) || "true".equals(request.getParameter("active"));
            if (active && session != null && session.getAttribute(PresenceSessionListener.AGENT_ATTRIBUTE) != null
                    && sessions.active(user, clock.instant()) && routing.presenceOf(user) == Presence.AWAY) {
                routing.setPresence(user, Presence.ONLINE);
            }
        } catch (NotFoundException e) {
            // a supervisor without an agent profile: nothing to keep alive
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Heartbeat of " + user + " not stored; the next one tries again", e);
        }
        if (chat == null || chat.isBlank() || chat.length() > 64) {
            response.setStatus(204);
            return;
        }
        routing.ownerActive(chat, user);
        watchers.renew(chat, user);
        String due = routing.replyDueAt(chat).map(at -> String.valueOf(at.toEpochMilli())).orElse("null");
        response.setStatus(200);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("{\"replyDueAt\":" + due + "}");
    }
}
