package dev.handoff.platform.events;

import java.time.Instant;

/**
 * A waiting customer asked to be contacted instead ({@code channel} {@code phone} or {@code email},
 * the number or address in {@code contact}, an optional preferred time); the chat stays queued.
 */
public record FollowUpRequested(String conversationId, String channel, String contact, String preferredTime, Instant at) implements DomainEvent {

    @Override
    public String type() {
        return "handoff.follow-up-requested";
    }
}
