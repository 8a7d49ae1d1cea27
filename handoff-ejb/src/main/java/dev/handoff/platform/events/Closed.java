package dev.handoff.platform.events;

import java.time.Instant;

/**
 * The bot platform ended the conversation (the customer left, or the bot solved it); {@code state}
 * is what it was in before ({@code ACTIVE} for a bot-only chat, {@code QUEUED} for one that left the queue).
 */
public record Closed(String conversationId, String stateBefore, String agent, Instant at) implements DomainEvent {

    @Override
    public String type() {
        return "conversation.closed";
    }
}
