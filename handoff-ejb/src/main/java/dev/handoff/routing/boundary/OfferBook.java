package dev.handoff.routing.boundary;

import dev.handoff.conversation.boundary.ConversationChanged;
import dev.handoff.conversation.boundary.MessagePosted;
import dev.handoff.conversation.entity.Conversation;
import dev.handoff.conversation.entity.ConversationState;
import dev.handoff.conversation.entity.Message;
import dev.handoff.platform.entity.Author;
import dev.handoff.platform.events.DomainEvent;
import dev.handoff.platform.events.OfferChanged;
import dev.handoff.platform.events.Transferred;
import dev.handoff.routing.control.AgentPresence;
import dev.handoff.routing.control.RouteOffer;
import dev.handoff.routing.control.RoutingChanges;
import dev.handoff.identity.entity.Agent;
import dev.handoff.routing.entity.Offer;
import dev.handoff.routing.entity.OfferState;
import dev.handoff.identity.entity.Presence;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Writes what the engine decided into the caller's transaction: an {@link Offer} row per offer made,
 * closed rows for offers withdrawn or expired, chats taken back from unresponsive owners; fires
 * {@link OfferChanged} / {@link ConversationChanged} for push. Also notes the handoffs touched, so
 * that if the transaction rolls back they are reconciled on the next tick (ADR 0012).
 */
@Dependent
public class OfferBook {

    private static final Logger LOG = Logger.getLogger(OfferBook.class.getName());
    /** What the customer reads when their agent did not reply in the policy's time. */
    public static final String UNANSWERED_NOTICE = "Sorry for the wait: your agent could not reply in time, so you are back"
            + " at the front of the queue and the next available agent will continue.";
    /** What the customer reads when their agent left (signed out, or gone too long). */
    public static final String LEFT_NOTICE = "Your agent had to leave; you are back in the queue and the next available"
            + " agent will continue.";
    private static final Object TOUCHED = OfferBook.class.getName() + ".touched";

    @PersistenceContext
    EntityManager em;

    @Inject
    RoutingDesk desk;

    @Resource
    TransactionSynchronizationRegistry registry;

    @Inject
    Event<OfferChanged> offerChanged;

    @Inject
    Event<ConversationChanged> conversationChanged;

    @Inject
    Event<MessagePosted> messagePosted;

    @Inject
    Event<DomainEvent> domainEvents;

    /** Persists the changes; returns the usernames of the agents offered something. */
    public Set<String> apply(RoutingChanges changes, Instant now) {
        if (desk.readCopy()) {
            return Set.of();
        }
        if (changes.offered().isEmpty() && changes.withdrawn().isEmpty() && changes.requeued().isEmpty()
                && changes.supervisorAlerts().isEmpty()) {
            return Set.of();
        }
        Set<Long> madeAndGone = new HashSet<>();
        changes.offered().forEach(o -> madeAndGone.add(o.id()));
        madeAndGone.retainAll(changes.withdrawn().stream().map(RouteOffer::id).toList());
        Set<String> ids = new HashSet<>();
        for (RouteOffer o : changes.withdrawn()) {
            ids.add(o.handoffId());
            if (!madeAndGone.contains(o.id())) {
                close(o.handoffId(), o.agentId(), o.expiresAt().isAfter(now) ? OfferState.WITHDRAWN : OfferState.EXPIRED, now);
            }
        }
        for (String id : changes.requeued()) {
            ids.add(id);
            Conversation c = em.find(Conversation.class, id);
            if (c != null && c.getState() == ConversationState.ASSIGNED) {
                String owner = c.getAssignedAgent().getUsername();
                backToQueue(c, UNANSWERED_NOTICE, now);
                LOG.info(() -> "Chat " + id + " went back to the queue: " + owner + " did not answer in time");
            }
        }
        Set<String> offeredTo = new HashSet<>();
        for (RouteOffer o : changes.offered()) {
            ids.add(o.handoffId());
            if (!madeAndGone.contains(o.id())) {
                persist(o).ifPresent(offeredTo::add);
            }
        }
        changes.supervisorAlerts().forEach(id -> LOG.warning(() -> "Chat " + id + ": the owning agent has not answered in time"));
        touched(ids, now);
        return offeredTo;
    }

    /**
     * Takes an assigned chat from its owner in the database and tells the customer why, in a system
     * message relayed like any other; the caller tells the engine.
     */
    public void backToQueue(Conversation c, String customerNotice, Instant now) {
        String owner = c.getAssignedAgent().getUsername();
        c.requeueFor(c.getRequiredSkill(), now);
        Message notice = c.append(Author.SYSTEM, "Handoff", customerNotice, now);
        em.persist(notice);
        domainEvents.fire(new Transferred(c.getId(), owner, null, c.getRequiredSkill(), null, now));
        conversationChanged.fire(new ConversationChanged(c.getId(), ConversationState.QUEUED, owner));
        messagePosted.fire(new MessagePosted(c.getId(), notice.getSeq(), Author.SYSTEM, null));
        offerChanged.fire(new OfferChanged(c.getId(), Set.of(owner)));
    }

    /** Records an offer the engine made as a PENDING row and nudges the agent. */
    public java.util.Optional<String> persist(RouteOffer o) {
        if (desk.readCopy()) {
            // A server that does not route keeps its engine as a read copy: its decisions are not written (ADR 0044).
            return java.util.Optional.empty();
        }
        Conversation c = em.find(Conversation.class, o.handoffId());
        Agent agent = em.find(Agent.class, o.agentId());
        touched(List.of(o.handoffId()), o.offeredAt());
        if (c == null || agent == null || c.getState() != ConversationState.QUEUED) {
            // The engine is behind the database: the next reconcile takes the offer back.
            desk.dirty().add(o.handoffId());
            return java.util.Optional.empty();
        }
        if (agent.presenceSeenSince(desk.presenceSeenSince(o.offeredAt())) == Presence.OFFLINE) {
            // A ghost: the engine still counts an agent whose heartbeat has lapsed (the presence timer
            // has not written them offline yet). Offline in the engine too; the handoff goes on to others.
            LOG.info(() -> agent.getUsername() + " has sent no heartbeat within the presence time-to-live: no offer, offline");
            apply(desk.engine().setPresence(agent.getId(), AgentPresence.OFFLINE, o.offeredAt()), o.offeredAt());
            return java.util.Optional.empty();
        }
        em.persist(new Offer(c, agent, o.offeredAt()));
        offerChanged.fire(new OfferChanged(c.getId(), Set.of(agent.getUsername())));
        return java.util.Optional.of(agent.getUsername());
    }

    /** Closes the pending row of this handoff's offer to this agent, if there is one. */
    public void close(String handoffId, long agentId, OfferState outcome, Instant now) {
        for (Offer row : pending(handoffId)) {
            if (row.getAgent().getId() == agentId) {
                row.close(outcome, now);
                offerChanged.fire(new OfferChanged(handoffId, Set.of(row.getAgent().getUsername())));
            }
        }
    }

    public List<Offer> pending(String handoffId) {
        return em.createNamedQuery(Offer.FIND_PENDING_BY_CONVERSATION, Offer.class)
                .setParameter("conversationId", handoffId)
                .getResultList();
    }

    /**
     * Notes handoffs whose engine state this transaction changed: a reconcile leaves them alone for a
     * moment, and if the transaction does not commit they are marked dirty for the next tick.
     */
    @SuppressWarnings("unchecked")
    public void touched(Collection<String> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        desk.touch(ids, now);
        if (registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return;
        }
        Set<String> inThisTx = (Set<String>) registry.getResource(TOUCHED);
        if (inThisTx == null) {
            Set<String> collected = new HashSet<>();
            Set<String> dirty = desk.dirty();
            registry.putResource(TOUCHED, collected);
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing: the engine already holds the decision
                }

                @Override
                public void afterCompletion(int status) {
                    if (status != Status.STATUS_COMMITTED) {
                        dirty.addAll(collected);
                    }
                }
            });
            inThisTx = collected;
        }
        inThisTx.addAll(ids);
    }

    /** Marks everything for reconciliation if this transaction does not commit (agent or policy changes). */
    public void touchedEverything(Instant now) {
        touched(List.of(RoutingDesk.EVERYTHING), now);
    }
}
