package dev.handoff.web.presence;

import dev.handoff.conversation.boundary.AgentDeskService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The owner of a chat is typing a reply: the chat page posts {@code /agent/typing?chat=<id>} at most
 * every 4 s while the agent types, and the customer sees "… is typing" (widget, bot API SSE event
 * {@code typing}). Only the chat's owner is passed on.
 */
@WebServlet("/agent/typing")
public class TypingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(TypingServlet.class.getName());

    @Inject
    AgentDeskService desk;

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
        try {
            desk.typing(chat.strip(), user);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Typing of " + user + " on " + chat + " not passed on", e);
        }
        response.setStatus(204);
    }
}
