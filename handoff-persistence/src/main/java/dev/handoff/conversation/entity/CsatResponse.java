package dev.handoff.conversation.entity;

import dev.handoff.platform.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The customer's rating of a finished conversation (1 to 5, optional comment); one per conversation. */
@Entity
@Table(name = "csat_response")
public class CsatResponse {

    public static final int MAX_COMMENT = 1000;

    @Id
    @Column(name = "conversation_id", length = 36)
    private String conversationId;

    @Column(nullable = false)
    private int rating;

    @Column(length = MAX_COMMENT)
    private String comment;

    @Column(length = 64)
    private String agent;

    @Column(nullable = false)
    private boolean escalated;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CsatResponse() {}

    public CsatResponse(String conversationId, int rating, String comment, String agent, boolean escalated, Instant at) {
        if (rating < 1 || rating > 5) {
            throw new InvalidInputException("rating", "rating is a whole number from 1 to 5");
        }
        String c = comment == null || comment.isBlank() ? null : comment.strip();
        if (c != null && c.length() > MAX_COMMENT) {
            throw new InvalidInputException("comment", "comment is at most " + MAX_COMMENT + " characters");
        }
        this.conversationId = conversationId;
        this.rating = rating;
        this.comment = c;
        this.agent = agent;
        this.escalated = escalated;
        this.createdAt = at;
    }

    public String getConversationId() {
        return conversationId;
    }

    public int getRating() {
        return rating;
    }

    public String getComment() {
        return comment;
    }

    public String getAgent() {
        return agent;
    }

    public boolean isEscalated() {
        return escalated;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
