package dev.handoff.conversation.boundary;

import java.util.List;

/**
 * An agent's desk: offers waiting for an answer, the chats they own, the head of the queue for their
 * skills ({@code queue}, at most {@link AgentDeskService#INBOX_QUEUE_ROWS}; {@code queueTotal} counts
 * them all), and chats colleagues consult them on.
 */
public record InboxView(String presence, int capacity, List<ConversationView> offers, List<ConversationView> active,
        List<ConversationView> queue, int queueTotal, List<ConversationView> consults) {}
