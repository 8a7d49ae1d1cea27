package dev.handoff.web.presence;

import dev.handoff.desk.boundary.AgentDeskService;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The owner of a chat is typing in its composer: the chat page posts {@code /agent/typing} with
 * {@code chat=<id>} at most every few seconds while keys are pressed. The customer sees "… is
 * typing" (widget, bot API SSE event {@code typing}), a bot platform that polls reads it as
 * {@code agentTyping}, and it counts as the owner working on the chat (the reply clock restarts).
 * Anyone but the owner is ignored (204 either way).
 */
@WebServlet("/agent/typing")
public class TypingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(TypingServlet.class.getName());

    @Inject
    Typing typing;

    @Inject
    AgentDeskService desk;

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
        if (chat == null || chat.isBlank() || chat.length() > 64) {
            response.sendError(400);
            return;
        }
        String id = chat.strip();
        try {
            if (user.equals(conversations.get(id).assignedAgent())) {
                desk.typing(id, user);
                typing.agentTyping(id);
                routing.ownerActive(id, user);
            }
        } catch (NotFoundException e) {
            // nothing to tell anyone
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Typing of " + user + " on " + id + " not passed on", e);
        }
        response.setStatus(204);
    }
}
