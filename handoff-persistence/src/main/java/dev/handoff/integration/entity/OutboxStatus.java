package dev.handoff.integration.entity;

/** Where an outbox row stands. */
public enum OutboxStatus {
    /** Waiting for its next attempt ({@code next_attempt_at}). */
    PENDING,
    /** Claimed by a worker until {@code claimed_until}; a lapsed claim may be taken over. */
    SENDING,
    DELIVERED,
    /** Gave up after the configured number of attempts, or refused for good; an admin may replay it. */
    DEAD
}
