package dev.handoff.integration.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** What a connector made for a conversation: a ticket (id, link) or a Slack message (ts, channel in {@code extra}). */
@Entity
@Table(name = "integration_link")
@IdClass(ExternalLink.Key.class)
public class ExternalLink {

    @Id
    @Column(name = "connector_id")
    private Long connectorId;

    @Id
    @Column(name = "conversation_id", length = 36)
    private String conversationId;

    @Column(name = "external_id", nullable = false, length = 100)
    private String externalId;

    @Column(name = "external_url", length = 500)
    private String externalUrl;

    @Column(length = 200)
    private String extra;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ExternalLink() {}

    public ExternalLink(Long connectorId, String conversationId, String externalId, String externalUrl, String extra, Instant now) {
        this.connectorId = Objects.requireNonNull(connectorId);
        this.conversationId = Objects.requireNonNull(conversationId);
        this.externalId = Objects.requireNonNull(externalId);
        this.externalUrl = externalUrl;
        this.extra = extra;
        this.createdAt = now;
    }

    public Long getConnectorId() {
        return connectorId;
    }

    public String getConversationId() {
        return conversationId;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getExternalUrl() {
        return externalUrl;
    }

    public String getExtra() {
        return extra;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;
        private Long connectorId;
        private String conversationId;

        public Key() {}

        public Key(Long connectorId, String conversationId) {
            this.connectorId = connectorId;
            this.conversationId = conversationId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(connectorId, k.connectorId) && Objects.equals(conversationId, k.conversationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(connectorId, conversationId);
        }
    }
}
