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

/** An agent's verdict that an escalation was not needed, recorded against one trigger that fired. */
@Entity
@Table(name = "escalation_feedback")
@NamedQuery(name = EscalationFeedback.FIND_BY_CONVERSATION, query = "SELECT f FROM EscalationFeedback f WHERE f.conversationId = :conversationId ORDER BY f.triggerName")
@NamedQuery(name = EscalationFeedback.COUNT_BY_TRIGGER, query = "SELECT f.triggerName, COUNT(f) FROM EscalationFeedback f GROUP BY f.triggerName")
public class EscalationFeedback {

    public static final String FIND_BY_CONVERSATION = "EscalationFeedback.findByConversation";
    public static final String COUNT_BY_TRIGGER = "EscalationFeedback.countByTrigger";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "conversation_id", nullable = false, length = 36)
    private String conversationId;

    @Column(name = "trigger_name", nullable = false, length = 120)
    private String triggerName;

    @Column(nullable = false, length = 64)
    private String agent;

    @Column(length = 1000)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected EscalationFeedback() {}

    public EscalationFeedback(String conversationId, String triggerName, String agent, String reason, Instant at) {
        this.conversationId = Objects.requireNonNull(conversationId);
        this.triggerName = Objects.requireNonNull(triggerName);
        this.agent = Objects.requireNonNull(agent);
        this.reason = reason == null || reason.isBlank() ? null : reason.strip().length() > 1000 ? reason.strip().substring(0, 1000) : reason.strip();
        this.createdAt = Objects.requireNonNull(at);
    }

    public String getConversationId() {
        return conversationId;
    }

    public String getTriggerName() {
        return triggerName;
    }

    public String getAgent() {
        return agent;
    }

    public String getReason() {
        return reason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
