package dev.handoff.platform.events;

import java.time.Instant;

/**
 * An agent took a waiting chat (by accepting an offer, taking it from the queue, or being assigned
 * by a supervisor, then {@code assignedBy} names the supervisor). {@code escalatedAt} lets readers
 * compute time-to-agent without another query.
 */
public record Accepted(String conversationId, String agent, String assignedBy, Instant escalatedAt, Instant at) implements DomainEvent {

    @Override
    public String type() {
        return "handoff.accepted";
    }
}
