package dev.handoff.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One domain event as stored in the journal ({@code domain_event}), written in the transaction that
 * made it happen. Rows are never updated; readers (metrics roll-ups, the outbox) keep their own
 * position by {@link #getId()}.
 */
@Entity
@Table(name = "domain_event")
public class JournalEntry {

    public static final int MAX_PAYLOAD = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 40)
    private String type;

    @Column(name = "conversation_id", nullable = false, length = 36)
    private String conversationId;

    @Column(length = 64)
    private String agent;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = MAX_PAYLOAD)
    private String payload;

    protected JournalEntry() {}

    public JournalEntry(String type, String conversationId, String agent, Instant occurredAt, String payload) {
        this.type = Objects.requireNonNull(type);
        this.conversationId = Objects.requireNonNull(conversationId);
        this.agent = agent;
        this.occurredAt = Objects.requireNonNull(occurredAt);
        if (payload.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("event payload longer than " + MAX_PAYLOAD + " characters");
        }
        this.payload = payload;
    }

    public Long getId() {
        return id;
    }

    public String getType() {
        return type;
    }

    public String getConversationId() {
        return conversationId;
    }

    public String getAgent() {
        return agent;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getPayload() {
        return payload;
    }
}
