package dev.handoff.conversation.boundary;

import java.util.List;

/** An agent's desk: offers waiting for an answer, and the chats they own. */
public record InboxView(String presence, int capacity, List<ConversationView> offers, List<ConversationView> active,
        List<ConversationView> queue) {}
