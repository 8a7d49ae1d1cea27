package dev.handoff.platform.events;

import java.time.Instant;

/** The owning agent resolved a handed-over chat, with the resolution they wrote. */
public record Resolved(String conversationId, String agent, String resolution, Instant escalatedAt, Instant at) implements DomainEvent {

    @Override
    public String type() {
        return "conversation.resolved";
    }
}
