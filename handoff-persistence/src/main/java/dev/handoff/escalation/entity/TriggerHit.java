package dev.handoff.escalation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** The record of why a conversation escalated: which trigger fired, on which message, on what evidence. */
@Entity
@Table(name = "trigger_hit")
@NamedQuery(name = TriggerHit.FIND_BY_CONVERSATION, query = "SELECT h FROM TriggerHit h WHERE h.conversationId = :conversationId ORDER BY h.id")
public class TriggerHit {

    public static final String FIND_BY_CONVERSATION = "TriggerHit.findByConversation";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The conversation's id, not the entity: escalation records hits without depending on the conversation component (ADR 0054). */
    @Column(name = "conversation_id", nullable = false, length = 36)
    private String conversationId;

    @Column(name = "message_seq", nullable = false)
    private int messageSeq;

    @Column(name = "trigger_name", nullable = false, length = 120)
    private String triggerName;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(length = 1000)
    private String evidence;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TriggerHit() {}

    public TriggerHit(String conversationId, int messageSeq, String triggerName, String reason, String evidence, Instant at) {
        this.conversationId = Objects.requireNonNull(conversationId);
        this.messageSeq = messageSeq;
        this.triggerName = Objects.requireNonNull(triggerName);
        this.reason = truncate(Objects.requireNonNull(reason));
        this.evidence = evidence == null ? null : truncate(evidence);
        this.createdAt = Objects.requireNonNull(at);
    }

    private static String truncate(String value) {
        return value.length() <= 1000 ? value : value.substring(0, 999) + "…";
    }

    public Long getId() {
        return id;
    }

    public String getConversationId() {
        return conversationId;
    }

    public int getMessageSeq() {
        return messageSeq;
    }

    public String getTriggerName() {
        return triggerName;
    }

    public String getReason() {
        return reason;
    }

    public String getEvidence() {
        return evidence;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
