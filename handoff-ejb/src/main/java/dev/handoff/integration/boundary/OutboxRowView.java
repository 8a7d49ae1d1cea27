package dev.handoff.integration.boundary;

import java.time.Instant;

/** An outbox row as the health page lists it (dead letters, the undelivered queue). */
public record OutboxRowView(long id, long connectorId, String eventId, String eventType, String conversationId, String status, int attempts,
        Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, Integer lastStatus, String lastError) {}
