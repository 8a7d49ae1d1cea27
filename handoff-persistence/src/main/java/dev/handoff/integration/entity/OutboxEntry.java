package dev.handoff.integration.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One call a connector owes: written in the transaction of the change that caused it, delivered
 * later by the worker. {@code eventId} is the same for every connector an event fans out to, and is
 * the idempotency key sent to vendors that dedupe. Claims and outcomes are written by conditional
 * bulk updates (see {@code OutboxStore}); this entity is only created and read.
 */
@Entity
@Table(name = "integration_outbox")
public class OutboxEntry {

    public static final int MAX_PAYLOAD = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "connector_id", nullable = false)
    private Long connectorId;

    @Column(name = "event_id", nullable = false, length = 36)
    private String eventId;

    @Column(name = "event_type", nullable = false, length = 40)
    private String eventType;

    @Column(name = "conversation_id", length = 36)
    private String conversationId;

    @Column(nullable = false, length = MAX_PAYLOAD)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private OutboxStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claimed_by", length = 40)
    private String claimedBy;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "last_error", length = 500)
    private String lastError;

    protected OutboxEntry() {}

    public OutboxEntry(Long connectorId, String eventId, String eventType, String conversationId, String payload, Instant now) {
        this.connectorId = Objects.requireNonNull(connectorId);
        this.eventId = Objects.requireNonNull(eventId);
        this.eventType = Objects.requireNonNull(eventType);
        this.conversationId = conversationId;
        if (payload.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("outbox payload longer than " + MAX_PAYLOAD + " characters");
        }
        this.payload = payload;
        this.status = OutboxStatus.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getConnectorId() {
        return connectorId;
    }

    public String getEventId() {
        return eventId;
    }

    public String getEventType() {
        return eventType;
    }

    public String getConversationId() {
        return conversationId;
    }

    public String getPayload() {
        return payload;
    }

    public OutboxStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getClaimedBy() {
        return claimedBy;
    }

    public Instant getClaimedUntil() {
        return claimedUntil;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public Integer getLastStatus() {
        return lastStatus;
    }

    public String getLastError() {
        return lastError;
    }
}
