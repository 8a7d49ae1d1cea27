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
 * {@code POST /agent/heartbeat}. An agent set away automatically comes back online. On the chat page
 * the beat names the open chat ({@code chat=<id>}, every 20 s while the agent works on it or has it in
 * the focused tab): that is the owner's activity on the chat, so the reply clock restarts, and the
 * answer is {@code {"replyDueAt": <epoch ms or null>}} for the page's warning.
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
        String chat = request.getParameter("chat");
        // Typing, clicking, moving the mouse; a beat that only says the chat is open in the focused tab is not presence activity.
        boolean active = chat == null || "true".equals(request.getParameter("active"));
        if (active && request.getSession(false) != null && request.getSession(false).getAttribute(PresenceSessionListener.AGENT_ATTRIBUTE) != null
                && sessions.active(user, clock.instant()) && routing.presenceOf(user) == Presence.AWAY) {
            routing.setPresence(user, Presence.ONLINE);
        }
        if (chat == null || chat.isBlank() || chat.length() > 64) {
            response.setStatus(204);
            return;
        }
        routing.ownerActive(chat, user);
        String due = routing.replyDueAt(chat).map(at -> String.valueOf(at.toEpochMilli())).orElse("null");
        response.setStatus(200);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("{\"replyDueAt\":" + due + "}");
    }
}
