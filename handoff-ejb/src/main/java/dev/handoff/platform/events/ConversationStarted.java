package dev.handoff.platform.events;

import java.time.Instant;

/** A bot platform (or the widget) opened a conversation for a customer. */
public record ConversationStarted(String conversationId, String customerExternalId, String channel, Instant at) implements DomainEvent {

    @Override
    public String type() {
        return "conversation.started";
    }
}
