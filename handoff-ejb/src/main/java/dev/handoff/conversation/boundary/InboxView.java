package dev.handoff.conversation.boundary;

import java.util.List;

/** An agent's desk: offers waiting for an answer, the chats they own, the queue for their skills, and chats colleagues consult them on. */
public record InboxView(String presence, int capacity, List<ConversationView> offers, List<ConversationView> active,
        List<ConversationView> queue, List<ConversationView> consults) {}
