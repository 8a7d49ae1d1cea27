package dev.handoff.platform.events;

import java.time.Instant;

/** A customer left while waiting for a person (after the grace period); {@code waitedSeconds} is how long they waited. */
public record Abandoned(String conversationId, String skill, long waitedSeconds, Instant at) implements DomainEvent {

    @Override
    public String type() {
        return "handoff.abandoned";
    }
}
