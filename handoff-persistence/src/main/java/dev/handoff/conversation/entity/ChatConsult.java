package dev.handoff.conversation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A colleague invited to look at a chat and leave notes, without taking it over. */
@Entity
@Table(name = "chat_consult")
@IdClass(ChatConsult.Key.class)
@NamedQuery(name = ChatConsult.FIND_BY_AGENT, query = "SELECT c FROM ChatConsult c WHERE c.agent = :agent ORDER BY c.createdAt DESC")
@NamedQuery(name = ChatConsult.FIND_BY_CONVERSATION, query = "SELECT c FROM ChatConsult c WHERE c.conversationId = :conversationId ORDER BY c.createdAt")
public class ChatConsult {

    public static final String FIND_BY_AGENT = "ChatConsult.findByAgent";
    public static final String FIND_BY_CONVERSATION = "ChatConsult.findByConversation";

    @Id
    @Column(name = "conversation_id", length = 36)
    private String conversationId;

    @Id
    @Column(length = 64)
    private String agent;

    @Column(name = "invited_by", nullable = false, length = 64)
    private String invitedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ChatConsult() {}

    public ChatConsult(String conversationId, String agent, String invitedBy, Instant at) {
        this.conversationId = Objects.requireNonNull(conversationId);
        this.agent = Objects.requireNonNull(agent);
        this.invitedBy = Objects.requireNonNull(invitedBy);
        this.createdAt = Objects.requireNonNull(at);
    }

    public String getConversationId() {
        return conversationId;
    }

    public String getAgent() {
        return agent;
    }

    public String getInvitedBy() {
        return invitedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The composite key (conversation, agent). */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;
        private String conversationId;
        private String agent;

        public Key() {}

        public Key(String conversationId, String agent) {
            this.conversationId = conversationId;
            this.agent = agent;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(conversationId, k.conversationId) && Objects.equals(agent, k.agent);
        }

        @Override
        public int hashCode() {
            return Objects.hash(conversationId, agent);
        }
    }
}
