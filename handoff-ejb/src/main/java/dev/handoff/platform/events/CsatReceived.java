package dev.handoff.platform.events;

import java.time.Instant;

/**
 * The customer rated the conversation (1 to 5, with an optional comment). {@code agent} is the agent
 * who handled it, {@code null} when the bot resolved it alone; {@code escalated} tells the two apart
 * for "CSAT bot vs human" even when no agent ever joined.
 */
public record CsatReceived(String conversationId, String agent, boolean escalated, int rating, String comment, Instant at)
        implements DomainEvent {

    public CsatReceived {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("rating must be 1 to 5");
        }
    }

    @Override
    public String type() {
        return "csat.received";
    }
}
