package dev.handoff.routing.boundary;

import dev.handoff.platform.RoutingSettings;
import dev.handoff.conversation.control.HandoffQueue;
import dev.handoff.conversation.entity.Conversation;
import dev.handoff.conversation.entity.ConversationState;
import dev.handoff.conversation.entity.Customer;
import dev.handoff.platform.ConflictException;
import dev.handoff.platform.ForbiddenException;
import dev.handoff.platform.NotFoundException;
import dev.handoff.platform.events.OfferChanged;
import dev.handoff.routing.control.AgentPresence;
import dev.handoff.routing.control.AgentProfile;
import dev.handoff.routing.control.HandoffRequest;
import dev.handoff.routing.control.HandoffState;
import dev.handoff.routing.control.MissedOffers;
import dev.handoff.routing.control.QueueSnapshot;
import dev.handoff.routing.control.RouteOffer;
import dev.handoff.routing.control.RouteResult;
import dev.handoff.routing.control.RoutingEngine;
import dev.handoff.routing.control.RoutingChanges;
import dev.handoff.routing.control.RoutingPolicy;
import dev.handoff.routing.control.RoutingPolicyJson;
import dev.handoff.routing.control.RoutingRequest;
import dev.handoff.identity.entity.Agent;
import dev.handoff.routing.entity.Offer;
import dev.handoff.routing.entity.OfferState;
import dev.handoff.identity.entity.Presence;
import dev.handoff.routing.entity.RoutingPolicyVersion;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Routing as the rest of Handoff sees it. Decisions come from the in-memory {@link RoutingEngine}
 * held by {@link RoutingDesk}; every offer it makes, withdraws or lets expire is written as an
 * {@link Offer} row in the caller's transaction ({@link OfferBook}), and push follows through
 * {@link OfferChanged}. The database stays the truth for ownership: the accept race is decided there
 * ({@code desk.boundary.AgentDeskService.accept}), and the engine is told afterwards. {@link #tick()} runs the
 * engine's clock and reconciles the engine with the database (ADR 0012).
 *
 * <p>The conversation reaches it only through its port {@link HandoffQueue} (route, customer wrote,
 * offers settled, released: ADR 0063); the bean keeps its no-interface view for everything else.
 */
@Stateless
@LocalBean
@Local(HandoffQueue.class)
public class RoutingService implements HandoffQueue {

    private static final Logger LOG = Logger.getLogger(RoutingService.class.getName());
    /** A reconcile leaves alone handoffs touched this recently: their transaction may still be open. */
    static final Duration GRACE = Duration.ofSeconds(5);
    /** How often the clock looks for owners gone too long. */
    static final Duration ABSENT_CHECK = Duration.ofSeconds(10);
    /**
     * Row-locking reconciles in one tick's transaction at most (ADR 0064): the rest stay dirty for the
     * next ticks. A sync that found thousands of handoffs the engine lacked reconciled them all in one
     * transaction, holding agent rows for minutes: heartbeats and accepts timed out behind it.
     */
    static final int RECONCILE_BATCH = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    RoutingDesk desk;

    @Inject
    OfferBook book;

    @Inject
    RoutingRequests requests;

    @Inject
    Clock clock;

    @Inject
    Event<OfferChanged> offerChanged;

    @Inject
    Event<dev.handoff.platform.events.PresenceChanged> presenceChanged;

    @Inject
    RoutingSettings routingSettings;

    @Inject
    @ConfigProperty(name = "handoff.routing.default-language", defaultValue = "en")
    String defaultLanguage;

    @Inject
    @ConfigProperty(name = "handoff.routing.full-sync-seconds", defaultValue = "30")
    long fullSyncSeconds;

    @Inject
    @ConfigProperty(name = "handoff.desk.absent-owner-seconds", defaultValue = "300")
    long absentOwnerSeconds;

    @Inject
    @ConfigProperty(name = "handoff.routing.missed-offers-away", defaultValue = "3")
    int missedOffersAway;

    @Inject
    @ConfigProperty(name = "handoff.routing.read-copy-sync-seconds", defaultValue = "5")
    long readCopySyncSeconds;

    /** How often a server without the engine reports an owner's activity in one chat to the engine's server. */
    static final Duration ACTIVITY_REPORTS = Duration.ofSeconds(5);

    /** Requests applied per drain at most; the rest wait for the next one (a tick or a nudge). */
    static final int DRAIN_BATCH = 500;

    /**
     * On a server that does not hold the routing engine (ADR 0044), or holds it but has not loaded it
     * from the database yet (ADR 0061: the first load runs on the routing timer, never on a request's
     * thread): writes a routing request for the engine in this transaction and returns true; the
     * caller then leaves the engine alone, and the drain applies the request once the engine is
     * loaded. On the engine's loaded server (and on a single server) returns false: the caller goes
     * on as before.
     */
    private boolean handedOver(RoutingRequest.Kind kind, String handoffId, Long agentId) {
        if (desk.acting() && desk.ready()) {
            return false;
        }
        Instant now = clock.instant();
        // The chat page reports its owner's activity with every keystroke burst: one request per chat in 5 s is enough.
        if (kind != RoutingRequest.Kind.OWNER_ACTIVE || desk.firstActivityReport(handoffId, now, ACTIVITY_REPORTS)) {
            requests.record(kind, handoffId, agentId, now);
        }
        return true;
    }

    /**
     * Queues one conversation in the engine (with the wait it predicts, stored once) and offers it to
     * the best agent with room; returns that agent's username. A conversation the engine already
     * holds is tried again.
     */
    public Optional<String> route(Conversation conversation) {
        if (conversation.getState() != ConversationState.QUEUED) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (handedOver(RoutingRequest.Kind.ROUTE, conversation.getId(), null)) {
            // The prediction from this server's read copy; the engine's server offers the handoff.
            if (conversation.getPredictedWaitSeconds() == null) {
                conversation.predictWait(desk.estimator().predict(desk.engine(), request(conversation, now), now).predictedSeconds());
            }
            return Optional.empty();
        }
        RoutingEngine engine = desk.engine();
        Optional<HandoffState> state = engine.state(conversation.getId());
        if (state.isPresent() && state.get() == HandoffState.OWNED) {
            // Back in the queue from its owner (transfer to a skill): queued again, keeping its age.
            book.touched(List.of(conversation.getId()), now);
            book.apply(engine.release(conversation.getId(), now), now);
            state = Optional.empty();
        }
        if (state.isPresent() && state.get() != HandoffState.WAITING) {
            return Optional.empty();
        }
        Optional<RouteOffer> offer = state.isPresent()
                ? engine.routeHandoff(conversation.getId(), now).offered()
                : enqueue(conversation, now, true);
        return offer.flatMap(book::persist);
    }

    /** Runs the engine's clock now (expired offers, overflow rings, pulls); returns the offers made. */
    public int routeWaiting() {
        Instant now = clock.instant();
        if (!desk.acting()) {
            return 0;
        }
        loadOnce(now);
        return book.apply(desk.engine().tick(now), now).size();
    }

    /** The agent (or an admin, or the presence timer) sets their presence; choosing one counts as a heartbeat. */
    public void setPresence(String username, Presence presence) {
        Agent agent = agentByUsername(username);
        Instant now = clock.instant();
        Instant seenBefore = agent.getPresenceSeenAt();
        agent.changePresence(presence, now);
        em.flush();
        desk.absences().seen(agent.getId(), presenceOf(agent, now), now);
        tellEngine(agent, now);
        presenceChanged.fire(new dev.handoff.platform.events.PresenceChanged(username, presence.name().toLowerCase(Locale.ROOT), now, seenBefore));
    }

    /**
     * The agent's portal is alive (a page, a browser ping): their presence lasts another
     * {@code handoff.presence.ttl-seconds}. A presence that had gone stale but was not yet written
     * offline counts again.
     */
    public void heartbeat(String username) {
        Agent agent = agentByUsername(username);
        Instant now = clock.instant();
        Presence before = agent.presenceSeenSince(desk.presenceSeenSince(now));
        // One column, without the version: a heartbeat never conflicts with a real change of the agent.
        em.createNamedQuery(Agent.SEEN).setParameter("id", agent.getId()).setParameter("at", now).executeUpdate();
        if (before == Presence.OFFLINE && agent.getPresence() != Presence.OFFLINE) {
            em.refresh(agent);
            tellEngine(agent, now);
        }
    }

    /** The presence that counts now: offline when the last heartbeat is older than the time-to-live. */
    public Presence presenceOf(String username) {
        return agentByUsername(username).presenceSeenSince(desk.presenceSeenSince(clock.instant()));
    }

    /**
     * The presence timer ({@link RoutingClock}): every agent not offline whose last heartbeat is
     * older than the time-to-live (or from before this start) is written offline, so their offers
     * move on and nobody counts them as there. Returns their usernames.
     */
    public List<String> expireStalePresence() {
        Instant now = clock.instant();
        List<Agent> stale = em.createNamedQuery(Agent.FIND_STALE_PRESENCE, Agent.class)
                .setParameter("seenSince", desk.presenceSeenSince(now))
                .getResultList();
        if (stale.isEmpty()) {
            return List.of();
        }
        for (Agent agent : stale) {
            agent.changePresence(Presence.OFFLINE);
        }
        em.flush();
        stale.forEach(agent -> tellEngine(agent, now));
        // the occupancy roll-up closes their interval at the last heartbeat + the time-to-live
        stale.forEach(agent -> presenceChanged.fire(new dev.handoff.platform.events.PresenceChanged(agent.getUsername(), "offline", now,
                agent.getPresenceSeenAt())));
        return stale.stream().map(Agent::getUsername).toList();
    }

    private void tellEngine(Agent agent, Instant now) {
        if (handedOver(RoutingRequest.Kind.AGENT, null, agent.getId())) {
            return;
        }
        know(agent, now);
        book.touchedEverything(now);
        book.apply(desk.engine().setPresence(agent.getId(), presenceOf(agent, now), now), now);
    }

    /** The agent passes on an offer: recorded as declined (it counts against nobody) and offered to the next agent. */
    public void decline(String conversationId, String username) {
        Agent agent = agentByUsername(username);
        Instant now = clock.instant();
        book.close(conversationId, agent.getId(), OfferState.DECLINED, now);
        if (handedOver(RoutingRequest.Kind.DECLINED, conversationId, agent.getId())) {
            return;
        }
        declinedInEngine(conversationId, agent.getId(), now);
    }

    /** The engine's part of a decline: the offer to this agent is declined there, the handoff offered on. */
    private void declinedInEngine(String conversationId, long agentId, Instant now) {
        Optional<RouteOffer> open = desk.engine().pendingOffer(conversationId);
        if (open.isPresent() && open.get().agentId() == agentId) {
            book.apply(desk.engine().decline(open.get().id(), now), now);
        } else {
            desk.dirty().add(conversationId);
        }
        book.touched(List.of(conversationId), now);
    }

    /** Closes every pending offer row of a conversation that has just been taken or closed. */
    public void settleOffers(String conversationId, String winner) {
        Instant now = clock.instant();
        Set<String> touched = new HashSet<>();
        for (Offer offer : book.pending(conversationId)) {
            offer.close(offer.getAgent().getUsername().equals(winner) ? OfferState.ACCEPTED : OfferState.WITHDRAWN, now);
            touched.add(offer.getAgent().getUsername());
        }
        if (!touched.isEmpty()) {
            // Rows only: the engine hears of the accept through accepted(), of a close through released().
            offerChanged.fire(new OfferChanged(conversationId, touched));
        }
    }

    /**
     * The agent won the accept (the database decided): the engine makes them the owner, and the
     * actual wait is stored next to the predicted one. Call after the accepting flush.
     */
    public void accepted(Conversation conversation, Agent agent) {
        Instant now = conversation.getAcceptedAt() == null ? clock.instant() : conversation.getAcceptedAt();
        conversation.recordActualWait(now);
        if (handedOver(RoutingRequest.Kind.ACCEPTED, conversation.getId(), agent.getId())) {
            return;
        }
        acceptedInEngine(conversation, agent, now);
    }

    /** The engine's part of an accept: the agent owns the chat there, and the time to accept is averaged. */
    private void acceptedInEngine(Conversation conversation, Agent agent, Instant now) {
        know(agent, now);
        RoutingEngine engine = desk.engine();
        String id = conversation.getId();
        book.touched(List.of(id), now);
        Optional<RouteOffer> open = engine.pendingOffer(id);
        if (open.isPresent() && open.get().agentId() == agent.getId()) {
            engine.accept(open.get().id(), now);
            desk.estimator().recordTimeToAccept(Duration.between(open.get().offeredAt(), now));
            return;
        }
        own(conversation, agent, now);
    }

    /** The owner passed the chat to another agent (the database checked their capacity). */
    public void transferred(Conversation conversation, Agent to) {
        Instant now = clock.instant();
        if (handedOver(RoutingRequest.Kind.TRANSFERRED, conversation.getId(), to.getId())) {
            return;
        }
        know(to, now);
        book.touched(List.of(conversation.getId()), now);
        own(conversation, to, now);
    }

    /** Makes the agent the engine's owner of the chat, whatever it was there (taken from the queue, transferred). */
    private void own(Conversation conversation, Agent agent, Instant now) {
        String id = conversation.getId();
        try {
            if (desk.engine().state(id).isEmpty()) {
                enqueue(conversation, now, false).ifPresent(book::persist);
            }
            RoutingChanges changes = desk.engine().assign(id, agent.getId(), now);
            // The engine reports the previous owner losing the chat as a requeue; in the database the
            // chat already belongs to the new owner, so that entry must not put it back in the queue.
            book.apply(new RoutingChanges(changes.offered(), changes.withdrawn(),
                    changes.requeued().stream().filter(r -> !r.equals(id)).toList(), changes.supervisorAlerts()), now);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "engine could not record " + agent.getUsername() + " owning " + id + "; reconciling", e);
            desk.dirty().add(id);
        }
    }

    /** The chat is resolved or closed: it leaves the engine, and its agent pulls the next waiting chat. */
    public void released(String conversationId) {
        Instant now = clock.instant();
        if (handedOver(RoutingRequest.Kind.RELEASED, conversationId, null)) {
            return;
        }
        Conversation c = em.find(Conversation.class, conversationId);
        if (c != null && c.getAcceptedAt() != null && c.getClosedAt() != null) {
            desk.estimator().recordHandleTime(Duration.between(c.getAcceptedAt(), c.getClosedAt()));
        }
        book.touched(List.of(conversationId), now);
        book.apply(desk.engine().release(conversationId, now), now);
    }

    /** The customer wrote in an assigned chat: full weight again, and the owner is expected to answer. */
    public void customerWrote(String conversationId) {
        Instant now = clock.instant();
        if (handedOver(RoutingRequest.Kind.CUSTOMER_WROTE, conversationId, null)) {
            return;
        }
        book.apply(desk.engine().customerActivity(conversationId, now), now);
    }

    /** The owner answered. */
    public void agentReplied(String conversationId) {
        if (handedOver(RoutingRequest.Kind.AGENT_REPLIED, conversationId, null)) {
            return;
        }
        desk.engine().agentActivity(conversationId, clock.instant());
    }

    /**
     * The owner is working on the chat (typing or reading it on the chat page, reported by the
     * browser's heartbeat): the customer's wait for a reply counts from now. Others' activity is ignored.
     */
    public void ownerActive(String conversationId, String username) {
        Conversation c = em.find(Conversation.class, conversationId);
        if (c != null && c.getState() == ConversationState.ASSIGNED && c.isOwnedBy(username)
                && !handedOver(RoutingRequest.Kind.OWNER_ACTIVE, conversationId, null)) {
            desk.engine().ownerActivity(conversationId, clock.instant());
        }
    }

    /** When the chat goes back to the queue unless its owner replies or shows activity first (the chat page warns). */
    public Optional<Instant> replyDueAt(String conversationId) {
        return desk.engine().replyDueAt(conversationId);
    }

    /** When the open offer of this chat to this agent expires, if there is one. */
    public Optional<Instant> offerExpiresAt(String conversationId, String username) {
        Optional<RouteOffer> open = desk.engine().pendingOffer(conversationId);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        return open.filter(o -> desk.engine().agentLoad(o.agentId()).map(l -> l.username().equals(username)).orElse(false))
                .map(RouteOffer::expiresAt);
    }

    /** Whether routed work may reach this agent: everybody, or only the pilot group once one is published. */
    public boolean inPilot(long agentId) {
        Set<Long> pilot = desk.engine().policy().pilotGroup();
        return pilot.isEmpty() || pilot.contains(agentId);
    }

    /** Refuses an agent outside the published pilot group (they neither receive nor take handed-off chats). */
    public void requirePilotMember(Agent agent) {
        if (!inPilot(agent.getId())) {
            throw new ForbiddenException("Handed-off chats go to the pilot group for now, and you are not in it");
        }
    }

    /** Refuses to give a chat to an agent who is offline, away or disabled: nobody would answer the customer. */
    public void requireReachable(Agent agent) {
        if (!agent.getUser().isEnabled()) {
            throw new ConflictException(agent.getUser().getDisplayName() + "'s account is disabled");
        }
        if (agent.getPresence() != Presence.ONLINE && agent.getPresence() != Presence.BUSY) {
            throw new ConflictException(agent.getUser().getDisplayName() + " is " + agent.getPresence().name().toLowerCase(Locale.ROOT)
                    + " and cannot take chats now; choose someone who is online");
        }
    }

    /**
     * Takes an assigned chat from its owner and puts it at the front of the queue, telling the customer
     * {@code customerNotice}; it is offered to the next agent at once (not back to the owner this round).
     */
    public void backToQueueFront(Conversation c, String customerNotice) {
        Instant now = clock.instant();
        String id = c.getId();
        book.touched(List.of(id), now);
        book.backToQueue(c, customerNotice, now);
        em.flush();
        if (handedOver(RoutingRequest.Kind.REQUEUED_FRONT, id, null)) {
            return;
        }
        requeuedFrontInEngine(id, now);
    }

    /** The engine's part of {@link #backToQueueFront}: the chat goes to the front of its queue there. */
    private void requeuedFrontInEngine(String id, Instant now) {
        if (desk.engine().state(id).isEmpty()) {
            desk.dirty().add(id);
            return;
        }
        book.apply(desk.engine().requeue(id, true, now), now);
    }

    /**
     * Chats whose owner has been offline or away for {@code gone} or longer go to the front of the
     * queue, and each customer is told ({@code handoff.desk.absent-owner-seconds}); returns how many.
     */
    public int reclaimFromAbsentOwners(Duration gone) {
        Instant now = clock.instant();
        loadOnce(now);
        List<Conversation> owned = em.createQuery("SELECT c FROM Conversation c WHERE c.state = dev.handoff.conversation.entity.ConversationState.ASSIGNED"
                        + " AND c.assignedAgent.presence IN (dev.handoff.identity.entity.Presence.OFFLINE, dev.handoff.identity.entity.Presence.AWAY)",
                        Conversation.class)
                .getResultList();
        owned.forEach(c -> desk.absences().seen(c.getAssignedAgent().getId(), presenceOf(c.getAssignedAgent(), now), now));
        List<Long> goneTooLong = desk.absences().goneLongerThan(gone, now, owned.stream().map(c -> c.getAssignedAgent().getId()).toList());
        int reclaimed = 0;
        for (Conversation c : owned) {
            if (goneTooLong.contains(c.getAssignedAgent().getId())) {
                String owner = c.getAssignedAgent().getUsername();
                LOG.info(() -> "Chat " + c.getId() + " went back to the queue: its owner " + owner + " has been gone too long");
                backToQueueFront(c, OfferBook.LEFT_NOTICE);
                reclaimed++;
            }
        }
        return reclaimed;
    }

    /** Agents whose last offers all expired unanswered ({@code handoff.routing.missed-offers-away} in a row) are set away. */
    private void awayAfterMissedOffers(RoutingChanges changes, Instant now) {
        if (missedOffersAway <= 0) {
            return;
        }
        Set<Long> missed = new HashSet<>();
        changes.withdrawn().stream().filter(o -> !o.expiresAt().isAfter(now)).forEach(o -> missed.add(o.agentId()));
        for (long agentId : missed) {
            Agent agent = em.find(Agent.class, agentId);
            if (agent == null || agent.getPresence() != Presence.ONLINE) {
                continue;
            }
            List<Boolean> expired = em.createQuery("SELECT o.state FROM Offer o WHERE o.agent.id = :agent ORDER BY o.offeredAt DESC, o.id DESC", OfferState.class)
                    .setParameter("agent", agentId)
                    .setMaxResults(missedOffersAway)
                    .getResultStream()
                    .map(state -> state == OfferState.EXPIRED)
                    .toList();
            if (MissedOffers.setAway(expired, missedOffersAway)) {
                LOG.info(() -> agent.getUsername() + " let " + missedOffersAway + " offers in a row expire and is set away");
                setPresence(agent.getUsername(), Presence.AWAY);
            }
        }
    }

    /** An admin changed the agent's skills, languages, tier, team, capacity or account. */
    public void agentChanged(long agentId) {
        Agent agent = em.find(Agent.class, agentId);
        if (agent != null && !handedOver(RoutingRequest.Kind.AGENT, null, agentId)) {
            Instant now = clock.instant();
            book.touchedEverything(now);
            know(agent, now);
            book.apply(desk.engine().setPresence(agent.getId(), presenceOf(agent, now), now), now);
        }
    }

    /** Replaces the engine's policy (already stored as version {@code version}) and routes under it. */
    public void applyPolicy(RoutingPolicy policy, int version) {
        Instant now = clock.instant();
        if (handedOver(RoutingRequest.Kind.POLICY, null, null)) {
            return;
        }
        book.touchedEverything(now);
        book.apply(desk.engine().setPolicy(policy, now), now);
        desk.policyApplied(version);
    }

    /**
     * The head of each skill's line (at most {@code perSkill}), the lines' lengths and every agent's load, from the
     * engine: empty on a server that has just started or taken routing over until the routing timer's first
     * load (a second or so); a supervisor's page never loads the engine itself.
     */
    public QueueSnapshot snapshot(int perSkill) {
        return desk.engine().snapshot(clock.instant(), perSkill);
    }

    /**
     * The clock ({@link RoutingClock}): expires offers, moves handoffs into their next ring, marks idle
     * chats, acts on unresponsive owners; then reconciles handoffs whose transaction rolled back, and
     * everything every {@code handoff.routing.full-sync-seconds}.
     */
    public void tick() {
        Instant now = clock.instant();
        if (!desk.acting()) {
            refreshReadCopy(now);
            return;
        }
        desk.ticked();
        if (loadOnce(now)) {
            return;
        }
        followPublishedPolicy(now);
        RoutingChanges ticked = desk.engine().tick(now);
        book.apply(ticked, now);
        awayAfterMissedOffers(ticked, now);
        if (absentOwnerSeconds > 0 && desk.absences().checkDue(now, ABSENT_CHECK)) {
            reclaimFromAbsentOwners(Duration.ofSeconds(absentOwnerSeconds));
        }
        Set<String> dirty = desk.dirty();
        if (dirty.remove(RoutingDesk.EVERYTHING) || desk.fullSyncDue(now, Duration.ofSeconds(fullSyncSeconds))) {
            fullSync(now);
            return;
        }
        int budget = RECONCILE_BATCH;
        for (String id : List.copyOf(dirty)) {
            if (budget == 0) {
                break;
            }
            if (!desk.busy(id, now, GRACE)) {
                dirty.remove(id);
                reconcile(id, now);
                budget--;
            }
        }
    }

    // ---------------------------------------------------------------- one engine per cluster (ADR 0044)

    /**
     * On the routing engine's server: applies the routing requests other servers wrote (oldest first,
     * at most {@link #DRAIN_BATCH}), each by reading the handoff or agent it names from the database,
     * and deletes them. Run at every tick and when another server nudges this one over the data grid.
     * Elsewhere, or while another drain of this server runs, does nothing. Returns how many it applied.
     */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.REQUIRES_NEW)
    public int drainRequests() {
        if (!desk.acting() || !desk.claimDrain()) {
            return 0;
        }
        requests.releaseDrainAfterTransaction();
        Instant now = clock.instant();
        loadOnce(now);
        List<RoutingRequest> batch = requests.next(DRAIN_BATCH);
        if (batch.isEmpty()) {
            return 0;
        }
        for (RoutingRequest r : RoutingRequest.toApply(batch)) {
            try {
                apply(r, now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not apply the routing request " + r + "; reconciling", e);
                desk.dirty().add(r.handoffId() == null ? RoutingDesk.EVERYTHING : r.handoffId());
            }
        }
        requests.delete(batch);
        desk.requestsDrained(batch.size());
        return batch.size();
    }

    /**
     * When draining keeps failing at the database (the drain's transaction rolls back, so the same
     * requests come back): deletes the oldest batch and reconciles everything with the database at
     * the next tick, which is what the requests amounted to. Returns how many were dropped.
     */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.REQUIRES_NEW)
    public int dropRequestsForFullSync() {
        if (!desk.acting()) {
            return 0;
        }
        List<RoutingRequest> batch = requests.next(DRAIN_BATCH);
        requests.delete(batch);
        desk.dirty().add(RoutingDesk.EVERYTHING);
        LOG.warning(() -> "Dropped " + batch.size() + " routing requests that could not be applied; the engine reconciles everything instead");
        return batch.size();
    }

    /** One request, read again from the database: what the direct path does on the engine's server. */
    private void apply(RoutingRequest r, Instant now) {
        String id = r.handoffId();
        switch (r.kind()) {
            case ROUTE -> {
                Conversation c = fresh(id);
                if (c != null && c.getState() == ConversationState.QUEUED) {
                    route(c);
                } else {
                    reconcile(id, now);
                }
            }
            case ACCEPTED, TRANSFERRED -> {
                Conversation c = fresh(id);
                Agent owner = c == null || c.getState() != ConversationState.ASSIGNED ? null : c.getAssignedAgent();
                if (owner == null || owner.getId().longValue() != r.agentId()) {
                    reconcile(id, now);
                } else if (r.kind() == RoutingRequest.Kind.ACCEPTED) {
                    acceptedInEngine(c, owner, c.getAcceptedAt() == null ? now : c.getAcceptedAt());
                } else {
                    know(owner, now);
                    book.touched(List.of(id), now);
                    own(c, owner, now);
                }
            }
            case DECLINED -> {
                declinedInEngine(id, r.agentId(), now);
                book.touched(List.of(id), now);
            }
            case RELEASED -> {
                Conversation c = fresh(id);
                if (c != null && (c.getState() == ConversationState.QUEUED || c.getState() == ConversationState.ASSIGNED)) {
                    reconcile(id, now); // open again since: the database says what it is now
                } else {
                    released(id);
                }
            }
            case REQUEUED_FRONT -> {
                Conversation c = fresh(id);
                if (c != null && c.getState() == ConversationState.QUEUED) {
                    book.touched(List.of(id), now);
                    requeuedFrontInEngine(id, now);
                } else {
                    reconcile(id, now);
                }
            }
            case CUSTOMER_WROTE -> customerWrote(id);
            case AGENT_REPLIED -> agentReplied(id);
            case OWNER_ACTIVE -> desk.engine().ownerActivity(id, now);
            case AGENT -> {
                Agent agent = em.find(Agent.class, r.agentId());
                if (agent != null) {
                    em.refresh(agent);
                    desk.absences().seen(agent.getId(), presenceOf(agent, now), now);
                    agentChanged(agent.getId());
                }
            }
            case POLICY -> followPublishedPolicy(now);
        }
    }

    private Conversation fresh(String id) {
        Conversation c = id == null ? null : em.find(Conversation.class, id);
        if (c != null) {
            em.refresh(c);
        }
        return c;
    }

    /**
     * On a server that does not route: its engine is a read copy for queue positions, wait estimates,
     * the supervisors' queue and offer expiries, compared with the database every
     * {@code handoff.routing.read-copy-sync-seconds} (5 s) and never acting: nothing it decides is
     * written, its clock does not run (ADR 0044).
     */
    private void refreshReadCopy(Instant now) {
        if (!desk.passiveSyncDue(now, Duration.ofSeconds(Math.max(1, readCopySyncSeconds)))) {
            return;
        }
        desk.asReadCopy(() -> {
            boolean first = desk.claimFirstLoad();
            long started = System.nanoTime();
            followPublishedPolicy(now);
            fullSync(now);
            desk.passiveSyncDone(now, clock.instant());
            if (first) {
                long millis = (System.nanoTime() - started) / 1_000_000;
                RoutingEngine engine = desk.engine();
                LOG.info(() -> String.format(Locale.ROOT, "Routing read copy loaded from the database in %,d ms: %,d agents, %,d open handoffs (%,d waiting)",
                        millis, engine.agentCount(), engine.handoffIds().size(), engine.waitingCount()));
            }
        });
    }

    // ---------------------------------------------------------------- engine ↔ database

    /**
     * Loads the database into the engine once after a start or a take-over; true if it did. Called by
     * the routing timer (its tick and its drain) only: requests that come first hand their work to
     * the drain ({@link #handedOver}, ADR 0061). A load that fails leaves nothing half-loaded: the
     * engine starts over and the next tick loads again.
     */
    private boolean loadOnce(Instant now) {
        if (!desk.acting() || !desk.claimFirstLoad()) {
            return false;
        }
        // Offers still pending from before (a restart, or another server's engine) are taken over by
        // the full sync: kept with their agent until their first expiry when that agent can still
        // hold them, otherwise closed as expired and offered on (ADR 0042).
        long started = System.nanoTime();
        try {
            fullSync(now);
        } catch (RuntimeException e) {
            desk.startOver();
            throw e;
        }
        desk.loadFinished();
        long millis = (System.nanoTime() - started) / 1_000_000;
        RoutingEngine engine = desk.engine();
        LOG.info(() -> String.format(Locale.ROOT, "Routing engine loaded from the database in %,d ms: %,d agents, %,d open handoffs (%,d waiting)",
                millis, engine.agentCount(), engine.handoffIds().size(), engine.waitingCount()));
        return true;
    }

    /**
     * Agents, policy and every open handoff, compared with the engine and corrected (the full sync the
     * clock runs every {@code handoff.routing.full-sync-seconds}). Set-based (issue 10): the agents
     * (with accounts and skills), the open handoffs and the pending offer rows are read in a fixed
     * number of queries and compared with the engine in memory; only handoffs that disagree go through
     * the exact, row-locking {@link #reconcile}. A steady desk costs the same whatever its size.
     */
    public void synchronizeAll() {
        if (desk.acting()) {
            fullSync(clock.instant());
        }
    }

    /**
     * A policy published on another server sharing this database goes live here at the next tick:
     * one query for the live version's number, the document read only when it changed (ADR 0038).
     */
    private void followPublishedPolicy(Instant now) {
        List<Integer> live = em.createNamedQuery(RoutingPolicyVersion.LIVE_NUMBER, Integer.class).setMaxResults(1).getResultList();
        int liveVersion = live.isEmpty() || live.get(0) == null ? 0 : live.get(0);
        if (liveVersion > desk.policyVersion()) {
            em.createNamedQuery(RoutingPolicyVersion.FIND_LIVE, RoutingPolicyVersion.class).setMaxResults(1).getResultStream()
                    .findFirst().ifPresent(v -> {
                        book.apply(desk.engine().setPolicy(RoutingPolicyJson.read(v.getDocument()), now), now);
                        desk.policyApplied(v.getVersionNo());
                    });
        }
    }

    private void fullSync(Instant now) {
        desk.fullSyncDone(now);
        desk.forget(now.minus(GRACE));
        List<RoutingPolicyVersion> live = em.createNamedQuery(RoutingPolicyVersion.FIND_LIVE, RoutingPolicyVersion.class)
                .setMaxResults(1).getResultList();
        int liveVersion = live.isEmpty() ? 0 : live.get(0).getVersionNo();
        if (liveVersion != desk.policyVersion()) {
            RoutingPolicy policy = live.isEmpty() ? desk.builtInPolicy() : RoutingPolicyJson.read(live.get(0).getDocument());
            book.apply(desk.engine().setPolicy(policy, now), now);
            desk.policyApplied(liveVersion);
        }
        for (Agent agent : em.createNamedQuery(Agent.FIND_ALL, Agent.class)
                .setHint("eclipselink.batch.type", "IN").setHint("eclipselink.batch", "a.user").setHint("eclipselink.batch", "a.skills")
                .getResultList()) {
            desk.absences().seen(agent.getId(), presenceOf(agent, now), now);
            know(agent, now);
            book.apply(desk.engine().setPresence(agent.getId(), presenceOf(agent, now), now), now);
        }
        boolean firstLoad = desk.engine().handoffIds().isEmpty();
        // What routing needs of every open handoff, as plain rows: no entity is built or cached, so a
        // desk of 300,000 waiting loads in seconds and the read copy's sync stays cheap (issue 16).
        Map<String, OpenHandoff> open = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT c.id, c.state, c.requiredSkill, c.priority, c.escalatedAt, cu.tier, cu.accountValue, a.id"
                        + " FROM Conversation c JOIN c.customer cu LEFT JOIN c.assignedAgent a"
                        + " WHERE c.state IN (dev.handoff.conversation.entity.ConversationState.QUEUED,"
                        + " dev.handoff.conversation.entity.ConversationState.ASSIGNED)", Object[].class).getResultList()) {
            OpenHandoff h = new OpenHandoff((String) row[0], (ConversationState) row[1], (String) row[2], ((Number) row[3]).intValue(),
                    (Instant) row[4], (String) row[5], (BigDecimal) row[6], (Long) row[7]);
            open.put(h.id(), h);
        }
        Map<String, List<Long>> offeredTo = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT o.conversation.id, o.agent.id FROM Offer o WHERE o.state = dev.handoff.routing.entity.OfferState.PENDING",
                Object[].class).getResultList()) {
            offeredTo.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((Long) row[1]);
        }
        // Owned chats first: on a first load (a start, a take-over) an agent's chats must count against
        // their capacity before an offer is taken over or anything waiting is offered to them (ADR 0044).
        // Then handoffs with an open offer row: an offer taken over keeps its agent's room, before other
        // waiting handoffs are pushed to them.
        Set<String> ids = new java.util.LinkedHashSet<>();
        open.values().stream().filter(h -> h.state() == ConversationState.ASSIGNED).forEach(h -> ids.add(h.id()));
        ids.addAll(offeredTo.keySet());
        // The engine and the busy handoffs asked once, not per handoff: each question is a call through
        // the desk's EJB proxy, which at 330,000 handoffs cost seconds of a take-over.
        RoutingEngine engine = desk.engine();
        Set<String> busy = desk.busy(now, GRACE);
        boolean readCopy = desk.readCopy();
        ids.addAll(engine.handoffIds());
        ids.addAll(open.keySet());
        int n = 0;
        // The engine's server reconciles a batch here and leaves the rest to the next ticks (ADR 0064); a read
        // copy has no ticks that drain the dirty set, and writes nothing, so it reconciles all.
        int budget = readCopy ? Integer.MAX_VALUE : RECONCILE_BATCH;
        int deferred = 0;
        for (String id : ids) {
            if (readCopy && (n++ & 4095) == 0 && desk.routingLeaseHeld()) {
                LOG.fine("The routing lease was gained during the read copy's sync: the sync stops, the take-over loads afresh");
                return;
            }
            if (busy.contains(id) || agrees(engine, id, open.get(id), offeredTo.getOrDefault(id, List.of()))) {
                continue;
            }
            OpenHandoff h = open.get(id);
            if (h != null && !offeredTo.containsKey(id) && engine.state(id).isEmpty()
                    && (h.agentId() == null || engine.agentLoad(h.agentId()).isPresent())
                    && (firstLoad || !desk.busy(id, clock.instant(), GRACE))) {
                // A handoff without an offer that the engine does not hold goes in as the sync read it, without the
                // row-by-row reconcile (one query per handoff: minutes at 300,000 waiting). On a first load (a
                // start, a take-over) nothing else has touched the engine; later (a rolled-back transaction, rows
                // written beside the application, a queue that was full) it goes in unless a transaction touched it
                // since the sync began, which the reconcile then settles from a fresh read (ADR 0064).
                load(engine, h, now);
            } else if (budget > 0) {
                budget--;
                reconcile(id, now);
            } else {
                desk.dirty().add(id);
                deferred++;
            }
        }
        if (deferred > 0) {
            int later = deferred;
            LOG.info(() -> String.format(Locale.ROOT, "Routing full sync: %,d handoffs disagree with the database beyond this"
                    + " transaction's %d; the next ticks reconcile them, %d at a time", later, RECONCILE_BATCH, RECONCILE_BATCH));
        }
    }

    /** What the full sync reads of an open handoff (no entity): enough to queue it or give it to its owner. */
    record OpenHandoff(String id, ConversationState state, String requiredSkill, int priority, Instant escalatedAt,
                       String tier, BigDecimal accountValue, Long agentId) {}

    /** Puts a waiting or owned handoff the engine does not hold into it, from the row read by the full sync; its owner is already known. */
    private void load(RoutingEngine engine, OpenHandoff h, Instant now) {
        try {
            RouteResult result = engine.enqueue(request(h.id(), h.requiredSkill(), h.priority(), h.tier(), h.accountValue(),
                    h.escalatedAt(), now), now);
            queueFull(result, h.id(), now);
            result.offered().ifPresent(book::persist);
            if (h.state() == ConversationState.ASSIGNED && h.agentId() != null) {
                book.apply(engine.assign(h.id(), h.agentId(), now), now);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not load handoff " + h.id() + " into the routing engine; reconciling", e);
            desk.dirty().add(h.id());
        }
    }

    /** Whether the engine already holds what the database says of this handoff (then there is nothing to correct). */
    private boolean agrees(RoutingEngine engine, String id, OpenHandoff h, List<Long> offerRows) {
        Optional<HandoffState> state = engine.state(id);
        if (h == null) {
            return state.isEmpty() && offerRows.isEmpty();
        }
        if (h.state() == ConversationState.ASSIGNED) {
            return h.agentId() != null && offerRows.isEmpty()
                    && engine.owner(id).filter(o -> o == h.agentId().longValue()).isPresent();
        }
        if (state.isEmpty()) {
            return false;
        }
        return switch (state.get()) {
            case WAITING -> offerRows.isEmpty();
            case OFFERED -> offerRows.size() == 1 && engine.pendingOffer(id).map(o -> o.agentId() == offerRows.get(0)).orElse(false);
            case OWNED -> false;
        };
    }

    /** Makes the engine agree with the database about one handoff: waiting, offered (with its row) or owned. */
    private void reconcile(String id, Instant now) {
        RoutingEngine engine = desk.engine();
        Conversation c = em.find(Conversation.class, id);
        if (c != null) {
            em.refresh(c);
        }
        ConversationState db = c == null ? null : c.getState();
        Optional<HandoffState> state = engine.state(id);
        try {
            if (db == ConversationState.QUEUED) {
                Optional<RouteOffer> open = engine.pendingOffer(id);
                boolean rowMatches = open.isPresent() && book.pending(id).stream()
                        .anyMatch(r -> r.getAgent().getId() == open.get().agentId());
                if (state.isPresent() && (state.get() == HandoffState.OWNED || (state.get() == HandoffState.OFFERED && !rowMatches))) {
                    book.apply(engine.release(id, now), now);
                    state = Optional.empty();
                }
                if (state.isEmpty()) {
                    takeOver(c, book.pending(id), now);
                }
            } else if (db == ConversationState.ASSIGNED) {
                Agent owner = c.getAssignedAgent();
                if (engine.owner(id).filter(o -> o == owner.getId().longValue()).isEmpty()) {
                    know(owner, now);
                    if (state.isEmpty()) {
                        enqueue(c, now, false).ifPresent(book::persist);
                    }
                    book.apply(engine.assign(id, owner.getId(), now), now);
                }
            } else if (state.isPresent()) {
                book.apply(engine.release(id, now), now);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not reconcile handoff " + id + " with the database", e);
        }
        Optional<RouteOffer> open = engine.pendingOffer(id);
        for (Offer row : desk.readCopy() ? List.<Offer>of() : book.pending(id)) {
            if (open.isEmpty() || row.getAgent().getId() != open.get().agentId()) {
                book.close(id, row.getAgent().getId(), OfferState.EXPIRED, now);
            }
        }
    }

    /**
     * Queues a waiting handoff the engine does not hold. An open offer row from an earlier engine is
     * taken over when its agent can still hold it (no new row: the row is the offer); otherwise the
     * old row is closed as expired and the handoff offered anew.
     */
    private void takeOver(Conversation c, List<Offer> openRows, Instant now) {
        if (openRows.size() != 1) {
            enqueue(c, now, false).ifPresent(book::persist);
            return;
        }
        Offer row = openRows.get(0);
        Optional<RouteOffer> offer = desk.engine().adopt(request(c, now), row.getAgent().getId(), row.getOfferedAt(), now).offered();
        if (offer.isPresent() && offer.get().agentId() == row.getAgent().getId() && offer.get().offeredAt().equals(row.getOfferedAt())) {
            return;
        }
        if (!desk.readCopy()) {
            book.close(c.getId(), row.getAgent().getId(), OfferState.EXPIRED, now);
        }
        offer.ifPresent(book::persist);
    }

    private Optional<RouteOffer> enqueue(Conversation c, Instant now, boolean predict) {
        HandoffRequest request = request(c, now);
        RouteResult result = desk.engine().enqueue(request, now);
        queueFull(result, c.getId(), now);
        if (predict && c.getPredictedWaitSeconds() == null) {
            c.predictWait(desk.estimator().predict(desk.engine(), request, now).predictedSeconds());
        }
        return result.offered();
    }

    /** A full queue turned the handoff away: a warning with a count, at most once a minute. */
    private void queueFull(RouteResult result, String id, Instant now) {
        if (result.outcome() == RouteResult.Outcome.QUEUE_FULL) {
            long turnedAway = desk.queueFull(now);
            if (turnedAway > 0) {
                LOG.warning(() -> "The routing queue is full (the policy's queueCap); " + turnedAway
                        + " handoff(s) since the last warning, " + id + " the latest, wait in the database until a full sync");
            }
        }
    }

    HandoffRequest request(Conversation c, Instant now) {
        return request(c.getId(), c.getRequiredSkill(), c.getPriority(), c.getCustomer().getTier(), c.getCustomer().getAccountValue(),
                c.getEscalatedAt(), now);
    }

    private HandoffRequest request(String id, String requiredSkill, int priority, String tier, BigDecimal accountValue,
                                   Instant escalatedAt, Instant now) {
        String skill = requiredSkill == null ? routingSettings.defaultSkill() : requiredSkill;
        int urgency = Math.max(0, Math.min(10, priority / 10));
        return new HandoffRequest(id, skill, defaultLanguage, urgency, accountTier(tier, accountValue), escalatedAt == null ? now : escalatedAt);
    }

    /** 0 (none) .. 5 from the customer's tier name and account value, whichever is higher. */
    static int accountTier(Customer customer) {
        return accountTier(customer.getTier(), customer.getAccountValue());
    }

    static int accountTier(String tierName, BigDecimal value) {
        String tier = tierName == null ? "" : tierName.toLowerCase(Locale.ROOT);
        int byName = switch (tier) {
            case "vip", "strategic" -> 5;
            case "enterprise" -> 4;
            case "business", "premium" -> 3;
            case "pro", "plus" -> 2;
            case "" , "free" -> 0;
            default -> 1;
        };
        int byValue = value == null ? 0
                : value.compareTo(BigDecimal.valueOf(100_000)) >= 0 ? 5
                : value.compareTo(BigDecimal.valueOf(25_000)) >= 0 ? 4
                : value.compareTo(BigDecimal.valueOf(5_000)) >= 0 ? 3
                : value.compareTo(BigDecimal.valueOf(1_000)) >= 0 ? 2 : value.signum() > 0 ? 1 : 0;
        return Math.max(byName, byValue);
    }

    /** Puts the agent's current profile into the engine (a new agent starts offline there). */
    private void know(Agent agent, Instant now) {
        AgentProfile profile = profile(agent);
        Optional<QueueSnapshot.AgentLoad> known = desk.engine().agentLoad(agent.getId());
        if (known.isEmpty() || !profile.equals(desk.knownProfile(agent.getId()))) {
            book.apply(desk.engine().upsertAgent(profile, now), now);
            desk.rememberProfile(profile);
        }
    }

    /** Every agent may take chats needing the default skill: at level 1 if they have not got it. */
    AgentProfile profile(Agent agent) {
        Map<String, Integer> skills = new HashMap<>(agent.getSkills());
        skills.putIfAbsent(routingSettings.defaultSkill(), 1);
        return new AgentProfile(agent.getId(), agent.getUsername(), skills, agent.getLanguages(), agent.getTier(),
                agent.getTeam(), agent.getMaxConcurrentChats());
    }

    /** What the engine routes by: offline when disabled or when the presence is stale (no heartbeat within the TTL). */
    private AgentPresence presenceOf(Agent agent, Instant now) {
        if (!agent.getUser().isEnabled()) {
            return AgentPresence.OFFLINE;
        }
        return switch (agent.presenceSeenSince(desk.presenceSeenSince(now))) {
            case ONLINE -> AgentPresence.ONLINE;
            case BUSY -> AgentPresence.BUSY;
            case AWAY -> AgentPresence.AWAY;
            case OFFLINE -> AgentPresence.OFFLINE;
        };
    }

    Agent agentByUsername(String username) {
        return em.createNamedQuery(Agent.FIND_BY_USERNAME, Agent.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException(username + " has no agent profile"));
    }
}
