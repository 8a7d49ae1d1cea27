package dev.handoff.routing.entity;

import dev.handoff.conversation.entity.Conversation;
import dev.handoff.identity.entity.Agent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** A queued conversation proposed to one agent by the router. */
@Entity
@Table(name = "offer")
@NamedQuery(name = Offer.FIND_PENDING_BY_AGENT, query = "SELECT o FROM Offer o WHERE o.agent = :agent AND o.state = dev.handoff.routing.entity.OfferState.PENDING ORDER BY o.offeredAt")
@NamedQuery(name = Offer.FIND_PENDING_BY_CONVERSATION, query = "SELECT o FROM Offer o WHERE o.conversation.id = :conversationId AND o.state = dev.handoff.routing.entity.OfferState.PENDING")
@NamedQuery(name = Offer.FIND_BY_CONVERSATION, query = "SELECT o FROM Offer o WHERE o.conversation.id = :conversationId ORDER BY o.offeredAt")
@NamedQuery(name = Offer.FIND_PENDING_OLDER_THAN, query = "SELECT o FROM Offer o WHERE o.state = dev.handoff.routing.entity.OfferState.PENDING AND o.offeredAt < :cutoff")
@NamedQuery(name = Offer.COUNT_PENDING_BY_AGENT, query = "SELECT COUNT(o) FROM Offer o WHERE o.agent = :agent AND o.state = dev.handoff.routing.entity.OfferState.PENDING")
public class Offer {

    public static final String FIND_PENDING_BY_AGENT = "Offer.findPendingByAgent";
    public static final String FIND_PENDING_BY_CONVERSATION = "Offer.findPendingByConversation";
    public static final String FIND_BY_CONVERSATION = "Offer.findByConversation";
    public static final String FIND_PENDING_OLDER_THAN = "Offer.findPendingOlderThan";
    public static final String COUNT_PENDING_BY_AGENT = "Offer.countPendingByAgent";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "conversation_id", nullable = false)
    private Conversation conversation;

    @ManyToOne(optional = false)
    @JoinColumn(name = "agent_id", nullable = false)
    private Agent agent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OfferState state;

    @Column(name = "offered_at", nullable = false)
    private Instant offeredAt;

    @Column(name = "responded_at")
    private Instant respondedAt;

    @Version
    private long version;

    protected Offer() {}

    public Offer(Conversation conversation, Agent agent, Instant at) {
        this.conversation = Objects.requireNonNull(conversation);
        this.agent = Objects.requireNonNull(agent);
        this.state = OfferState.PENDING;
        this.offeredAt = Objects.requireNonNull(at);
    }

    public void close(OfferState outcome, Instant at) {
        if (outcome == OfferState.PENDING) {
            throw new IllegalArgumentException("an offer closes with an outcome");
        }
        if (state == OfferState.PENDING) {
            this.state = outcome;
            this.respondedAt = at;
        }
    }

    public Long getId() {
        return id;
    }

    public Conversation getConversation() {
        return conversation;
    }

    public Agent getAgent() {
        return agent;
    }

    public OfferState getState() {
        return state;
    }

    public Instant getOfferedAt() {
        return offeredAt;
    }

    public Instant getRespondedAt() {
        return respondedAt;
    }
}
