package dev.handoff.desk.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A service-level target a chat missed: which clock, the agent who owned it, when it was due and when it was seen. */
@Entity
@Table(name = "sla_breach")
@NamedQuery(name = SlaBreach.FIND_RECENT, query = "SELECT b FROM SlaBreach b ORDER BY b.detectedAt DESC, b.id DESC")
public class SlaBreach {

    public static final String FIND_RECENT = "SlaBreach.findRecent";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "conversation_id", nullable = false, length = 36)
    private String conversationId;

    @Column(nullable = false, length = 24)
    private String kind;

    @Column(nullable = false, length = 64)
    private String agent;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "detected_at", nullable = false)
    private Instant detectedAt;

    protected SlaBreach() {}

    public SlaBreach(String conversationId, String kind, String agent, Instant dueAt, Instant detectedAt) {
        this.conversationId = Objects.requireNonNull(conversationId);
        this.kind = Objects.requireNonNull(kind);
        this.agent = Objects.requireNonNull(agent);
        this.dueAt = Objects.requireNonNull(dueAt);
        this.detectedAt = Objects.requireNonNull(detectedAt);
    }

    public String getConversationId() {
        return conversationId;
    }

    public String getKind() {
        return kind;
    }

    public String getAgent() {
        return agent;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getDetectedAt() {
        return detectedAt;
    }
}
