package dev.handoff.history.boundary;

import java.time.Instant;

/** One conversation in a history list: who, when, how it went, who had it last. */
public record HistoryRow(String id, String customerExternalId, String customerName, String state, Instant createdAt,
        Instant escalatedAt, Instant closedAt, String agent, String agentName, String reason, String resolution, int messageCount) {

    public String customerDisplayName() {
        return customerName != null && !customerName.isBlank() ? customerName : customerExternalId;
    }
}
