package dev.handoff.web.presence;

import dev.handoff.conversation.boundary.ConversationService;
import dev.handoff.platform.NotFoundException;
import dev.handoff.routing.boundary.RoutingService;
import dev.handoff.web.push.Typing;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The owner of a chat is typing in its composer: the chat page posts {@code /agent/typing} with
 * {@code chat=<id>} at most every 3 s while keys are pressed. The bot platform reads it as
 * {@code agentTyping}; it also counts as the owner working on the chat (the reply clock restarts).
 * Anyone but the owner is ignored (204 either way).
 */
@WebServlet("/agent/typing")
public class TypingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Typing typing;

    @Inject
    ConversationService conversations;

    @Inject
    RoutingService routing;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getRemoteUser();
        String chat = request.getParameter("chat");
        if (user == null) {
            response.sendError(401);
            return;
        }
        if (chat != null && !chat.isBlank() && chat.length() <= 64) {
            try {
                if (user.equals(conversations.get(chat).assignedAgent())) {
                    typing.agentTyping(chat);
                    routing.ownerActive(chat, user);
                }
            } catch (NotFoundException e) {
                // nothing to tell anyone
            }
        }
        response.setStatus(204);
    }
}
