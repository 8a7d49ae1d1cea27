package dev.handoff.conversation.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An agent's desk: offers waiting for an answer, the chats they own, the head of the queue for their
 * skills ({@code queue}, at most {@code AgentDeskService.INBOX_QUEUE_ROWS}; {@code queueTotal} counts
 * them all), and chats colleagues consult them on. For the offer cards, read with the offers:
 * {@code previews}, the last {@link #PREVIEW} messages of each offered chat, and {@code offerEnds},
 * when each offer to this agent runs out (absent when the engine holds no such offer).
 */
public record InboxView(String presence, int capacity, List<ConversationView> offers, List<ConversationView> active,
        List<ConversationView> queue, int queueTotal, List<ConversationView> consults, Map<String, List<MessageView>> previews,
        Map<String, Instant> offerEnds) {

    /** How many of an offered chat's last messages its card shows. */
    public static final int PREVIEW = 6;
}
