package dev.handoff.routing.control;

import dev.handoff.routing.control.RoutingPolicy.Strategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The in-memory routing engine: agents, waiting handoffs, offers and owned chats, and every decision
 * about who is offered what. Plain Java; every instant comes in as a parameter.
 *
 * <h2>Events, not scans</h2>
 * Work moves on events. A new handoff is <em>pushed</em> to the best agent with room
 * ({@link #enqueue}); an agent who gains room (release, decline, idle chat, coming online, more
 * capacity) <em>pulls</em> the best waiting handoff they may take, repeatedly while room is left
 * ({@link #release}); {@link #tick} expires offers, moves handoffs into their next overflow ring, marks
 * idle chats and handles unresponsive owners, each of which pushes or pulls again. No decision
 * looks at all agents or all handoffs:
 * <ul>
 * <li><b>Agents</b> ({@link AgentIndex}) with room for one more offer are indexed by (skill,
 * language) and, within that, in one ordered set per (proficiency 1..5, tier 1..5). The set order is
 * the strategy's key: for {@link Strategy#SKILL_SCORE}
 * {@code load × (1 − load/capacity) − idlePerMinute × lastAssignedAt/60}, which orders agents
 * exactly as the idle-time term {@code idlePerMinute × (now − lastAssignedAt)/60} would at any
 * {@code now}, so the key never changes with time; for {@link Strategy#LEAST_BUSY} the load ratio;
 * for {@link Strategy#ROUND_ROBIN} the turn of the last offer. Proficiency and (for high priority
 * handoffs) seniority are constant within a set, so the best agent for a handoff is the best of the
 * first acceptable agent of at most 25 sets per skill: a few dozen {@code TreeSet} look-ups. Agents
 * without room, offline, or outside the pilot group are not in the index at all.
 * <li><b>Handoffs</b> ({@link WaitingQueues}) wait in one ordered set per (ring reached, skill,
 * language). Priority is an earlier virtual enqueue time: {@code effectiveTime = enqueuedAt −
 * points / agingPerMinute minutes}. As every handoff ages at the same rate, ordering by effective
 * time is the order by {@code points + agingPerMinute × minutes waited} at every instant: ageing
 * costs nothing and nobody starves (a handoff 10 points lower overtakes after 10 minutes at 1 point
 * a minute). A pull looks at the head of each bucket the agent qualifies for (rings × their skills ×
 * languages) and stops a bucket as soon as it is behind the best found.
 * <li><b>Rings</b> widen (the policy insists): each admits everyone the ring before it did. A handoff
 * moves to its next ring from a time-ordered schedule, so each handoff is touched once per ring. A
 * push tries rings from 0 up to the one reached and takes the first with a match; the offer records
 * that ring.
 * </ul>
 *
 * <h2>Rules kept</h2>
 * Exactly one pending offer or one owner per handoff. An agent's load (offers 1, chats 1, idle chats
 * the policy's idle weight) never exceeds capacity through an offer or assignment; when an idle chat
 * wakes up, the agent's newest offers are withdrawn until the load fits again. Declines and expired
 * offers exclude that agent for the rest of the round and never count against capacity; a round ends
 * when nobody else matches, and after {@value #ROUND_PAUSE_SECONDS} s the exclusions are forgotten.
 *
 * <h2>Threads</h2>
 * One lock around every operation: a decision costs microseconds, far below contention that would
 * matter at contact-centre rates, and the invariants span agents and handoffs together.
 */
public final class RoutingEngine {

    /** The skill and the language of index entries that match any skill or language. */
    public static final String ANY = "*";
    public static final int ROUND_PAUSE_SECONDS = 10;
    static final double EPS = 1e-9;

    // All state and every helper below are guarded by this engine's lock: helpers are only called from
    // its synchronized methods.
    private final RoutingState state;
    private final Dispatcher dispatcher;
    private final OfferLifecycle offerLifecycle;
    private final OwnershipLifecycle ownership;
    private final EngineClock clock;

    public RoutingEngine(RoutingPolicy policy) {
        this.state = new RoutingState(Objects.requireNonNull(policy, "policy"));
        this.dispatcher = new Dispatcher(state);
        this.offerLifecycle = new OfferLifecycle(state, dispatcher);
        this.ownership = new OwnershipLifecycle(state, dispatcher, offerLifecycle);
        this.clock = new EngineClock(state, dispatcher, offerLifecycle, ownership);
    }

    public synchronized RoutingPolicy policy() {
        return state.policy;
    }

    /** Replaces the policy and re-sorts everything under it (rare: costs a pass over all state). */
    public synchronized RoutingChanges setPolicy(RoutingPolicy newPolicy, Instant now) {
        Objects.requireNonNull(newPolicy, "policy");
        state.agents.values().forEach(state::detach);
        List<LiveHandoff> queued = new ArrayList<>(state.waiting.all());
        queued.forEach(state::fromWaiting);
        state.usePolicy(newPolicy);
        RoutingChanges.Builder changes = new RoutingChanges.Builder();
        for (LiveAgent a : state.agents.values()) {
            a.recomputeLoad(state.policy.idleChatWeight());
            state.attach(a);
        }
        queued.forEach(h -> {
            h.effectiveTime = state.effectiveTime(h.request, h.points);
            state.toWaiting(h, now);
        });
        queued.forEach(h -> dispatcher.push(h, now, changes));
        state.agents.values().forEach(a -> dispatcher.pull(a, now, changes));
        return changes.build();
    }

    // ---------------------------------------------------------------- agents

    /** Adds an agent (offline until {@link #setPresence}) or replaces their skills, languages, tier, team, capacity. */
    public synchronized RoutingChanges upsertAgent(AgentProfile profile, Instant now) {
        RoutingChanges.Builder changes = new RoutingChanges.Builder();
        LiveAgent a = state.agents.get(profile.id());
        if (a == null) {
            state.agents.put(profile.id(), new LiveAgent(profile, now));
            return changes.build();
        }
        state.detach(a);
        a.profile = profile;
        a.recomputeLoad(state.policy.idleChatWeight());
        state.attach(a);
        offerLifecycle.makeRoom(a, now, changes);
        dispatcher.pull(a, now, changes);
        return changes.build();
    }

    /**
     * Changes presence. Going {@link AgentPresence#AWAY} or {@link AgentPresence#OFFLINE} withdraws
     * the agent's pending offers and routes them elsewhere; coming {@link AgentPresence#ONLINE}
     * pulls waiting work at once (and counts as the start of the agent's idle time).
     */
    public synchronized RoutingChanges setPresence(long agentId, AgentPresence presence, Instant now) {
        LiveAgent a = state.agent(agentId);
        RoutingChanges.Builder changes = new RoutingChanges.Builder();
        AgentPresence old = a.presence;
        if (old == presence) {
            return changes.build();
        }
        List<LiveHandoff> withdrawn = new ArrayList<>();
        if (!presence.keepsOffers()) {
            for (RouteOffer o : List.copyOf(a.offers.values())) {
                LiveHandoff h = state.offers.get(o.id());
                offerLifecycle.withdraw(h, true, now);
                changes.withdrawn.add(o);
                withdrawn.add(h);
            }
        }
        state.detach(a);
        a.presence = presence;
        if (presence == AgentPresence.ONLINE && !old.keepsOffers() && a.lastAssignedAt.isBefore(now)) {
            a.lastAssignedAt = now;
        }
        state.attach(a);
        withdrawn.forEach(h -> dispatcher.push(h, now, changes));
        dispatcher.pull(a, now, changes);
        return changes.build();
    }

    // ---------------------------------------------------------------- handoffs

    /** Queues a handoff and offers it to the best matching agent with room, if any. */
    public synchronized RouteResult enqueue(HandoffRequest request, Instant now) {
        if (state.handoffs.containsKey(request.id())) {
            throw new IllegalArgumentException("handoff " + request.id() + " is already in the engine");
        }
        if (state.waiting.size() >= state.policy.queueCap()) {
            return new RouteResult(RouteResult.Outcome.QUEUE_FULL, null);
        }
        double points = state.policy.priority().points(request.urgency(), request.accountTier());
        LiveHandoff h = new LiveHandoff(request, state.nextSeq++, points);
        h.effectiveTime = state.effectiveTime(request, points);
        state.handoffs.put(request.id(), h);
        state.toWaiting(h, now);
        RouteOffer offer = dispatcher.push(h, now, new RoutingChanges.Builder());
        return new RouteResult(offer == null ? RouteResult.Outcome.NO_AGENT : RouteResult.Outcome.OFFERED, offer);
    }

    /**
     * Queues a handoff whose offer an earlier engine made and the database still holds open (this
     * server restarted, or took routing over from another): the same agent keeps the offer until its
     * original expiry when they are still online or busy, in the pilot group and have room; otherwise the
     * handoff is offered as {@link #enqueue} would. The result names the offer held, old or new.
     */
    public synchronized RouteResult adopt(HandoffRequest request, long agentId, Instant offeredAt, Instant now) {
        if (state.handoffs.containsKey(request.id())) {
            throw new IllegalArgumentException("handoff " + request.id() + " is already in the engine");
        }
        LiveAgent a = state.agents.get(agentId);
        Instant expiresAt = offeredAt.plusSeconds(state.policy.offerTimeoutSeconds());
        boolean keeps = a != null && a.presence.keepsOffers() && state.policy.inPilot(agentId)
                && a.profile.capacity() > 0 && a.hasRoomForOne() && expiresAt.isAfter(now);
        if (!keeps || state.waiting.size() >= state.policy.queueCap()) {
            return enqueue(request, now);
        }
        double points = state.policy.priority().points(request.urgency(), request.accountTier());
        LiveHandoff h = new LiveHandoff(request, state.nextSeq++, points);
        h.effectiveTime = state.effectiveTime(request, points);
        state.handoffs.put(request.id(), h);
        state.toWaiting(h, now);
        return new RouteResult(RouteResult.Outcome.OFFERED, dispatcher.offer(h, a, h.ring, offeredAt, expiresAt));
    }

    /** Tries again to offer one waiting handoff (moving it to the ring its wait has reached first). */
    public synchronized RouteResult routeHandoff(String handoffId, Instant now) {
        LiveHandoff h = state.handoffs.get(handoffId);
        if (h == null || h.state != HandoffState.WAITING) {
            return new RouteResult(RouteResult.Outcome.NOT_WAITING, null);
        }
        state.fromWaiting(h);
        state.toWaiting(h, now);
        RouteOffer offer = dispatcher.push(h, now, new RoutingChanges.Builder());
        return new RouteResult(offer == null ? RouteResult.Outcome.NO_AGENT : RouteResult.Outcome.OFFERED, offer);
    }

    /** The agent takes the offer: true if it was still open, and then they are the one owner. */
    public synchronized boolean accept(long offerId, Instant now) {
        LiveHandoff h = state.offers.get(offerId);
        if (h == null) {
            return false;
        }
        LiveAgent a = state.agents.get(h.offer.agentId());
        offerLifecycle.closeOffer(h);
        ownership.own(h, a, now);
        return true;
    }

    /** As {@link #accept(long, Instant)}, by handoff and agent. */
    public synchronized boolean accept(String handoffId, long agentId, Instant now) {
        LiveHandoff h = state.handoffs.get(handoffId);
        return h != null && h.state == HandoffState.OFFERED && h.offer.agentId() == agentId
                && accept(h.offer.id(), now);
    }

    /** The agent declines: the handoff goes to the next agent, and the decliner may pull other work. */
    public synchronized RoutingChanges decline(long offerId, Instant now) {
        LiveHandoff h = state.offers.get(offerId);
        if (h == null) {
            return RoutingChanges.NONE;
        }
        RoutingChanges.Builder changes = new RoutingChanges.Builder();
        offerLifecycle.decline(h, now, changes);
        return changes.build();
    }

    /** Expires open offers past their time and offers each handoff to the next agent. */
    public synchronized RoutingChanges expireOffers(Instant now) {
        RoutingChanges.Builder changes = new RoutingChanges.Builder();
        offerLifecycle.expire(now, changes);
        return changes.build();
    }

    /**
     * The handoff leaves the engine: resolved by its owner, or abandoned while waiting or offered.
     * The freed agent pulls the best waiting handoff at once.
     */
    public synchronized RoutingChanges release(String handoffId, Instant now) {
        return ownership.release(handoffId, now);
    }

    /**
     * Puts a handoff back in the queue, at the front if asked; its current agent (offer or owner) is
     * excluded for this round. For transfers and supervisors. Nothing happens for a handoff the
     * engine does not know (released meanwhile).
     */
    public synchronized RoutingChanges requeue(String handoffId, boolean front, Instant now) {
        return ownership.requeue(handoffId, front, now);
    }

    /**
     * A supervisor gives the handoff to this agent, whatever its state. The agent's newest pending
     * offers are withdrawn if that is what it takes to make room.
     *
     * @throws IllegalStateException if the agent's chats alone leave no room
     */
    public synchronized RoutingChanges assign(String handoffId, long agentId, Instant now) {
        return ownership.assign(handoffId, agentId, now);
    }

    /** The customer wrote: the chat is active again (full weight) and waits for the owner's reply. */
    public synchronized RoutingChanges customerActivity(String handoffId, Instant now) {
        return ownership.customerActivity(handoffId, now);
    }

    /** The owner answered: the customer no longer waits for them. */
    public synchronized void agentActivity(String handoffId, Instant now) {
        ownership.agentActivity(handoffId);
    }

    /**
     * The owner is working on the chat without having replied yet (typing, reading it on the chat
     * page): the customer's wait for them counts from now, so reading the context is not idling.
     */
    public synchronized void ownerActivity(String handoffId, Instant now) {
        ownership.ownerActivity(handoffId, now);
    }

    /**
     * When the chat goes back to the queue if its owner does not reply or show activity first; empty
     * when nobody waits for the owner or the policy never takes chats back.
     */
    public synchronized Optional<Instant> replyDueAt(String handoffId) {
        return ownership.replyDueAt(handoffId);
    }

    /**
     * The clock: moves handoffs into their next ring and starts new rounds, expires offers, marks
     * chats idle whose customer has been silent for the policy's time, and acts on owners who have
     * not answered. Call every second or so.
     */
    public synchronized RoutingChanges tick(Instant now) {
        RoutingChanges.Builder changes = new RoutingChanges.Builder();
        clock.tick(now, changes);
        return changes.build();
    }

    // ---------------------------------------------------------------- queries

    public synchronized Optional<HandoffState> state(String handoffId) {
        LiveHandoff h = state.handoffs.get(handoffId);
        return h == null ? Optional.empty() : Optional.of(h.state);
    }

    public synchronized Optional<RouteOffer> pendingOffer(String handoffId) {
        LiveHandoff h = state.handoffs.get(handoffId);
        return h == null || h.state != HandoffState.OFFERED ? Optional.empty() : Optional.of(h.offer);
    }

    public synchronized Optional<Long> owner(String handoffId) {
        LiveHandoff h = state.handoffs.get(handoffId);
        return h == null || h.state != HandoffState.OWNED ? Optional.empty() : Optional.of(h.owner.id());
    }

    /** 1-based place among waiting handoffs with the same primary skill; empty if not waiting. */
    public synchronized OptionalInt skillPosition(String handoffId) {
        LiveHandoff h = state.handoffs.get(handoffId);
        if (h == null || h.state != HandoffState.WAITING) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(state.waiting.skill(h.request.primarySkill()).headSet(h, false).size() + 1);
    }

    /**
     * {@link #skillPosition} of many handoffs at once: each skill's queue is walked once, so a screen
     * of n waiting rows costs O(n), not O(n²) under the engine's lock. Handoffs not waiting are left out.
     */
    public synchronized java.util.Map<String, Integer> skillPositions(java.util.Collection<String> handoffIds) {
        java.util.Map<String, java.util.Set<String>> wantedBySkill = new java.util.HashMap<>();
        for (String id : handoffIds) {
            LiveHandoff h = state.handoffs.get(id);
            if (h != null && h.state == HandoffState.WAITING) {
                wantedBySkill.computeIfAbsent(h.request.primarySkill(), k -> new java.util.HashSet<>()).add(id);
            }
        }
        java.util.Map<String, Integer> positions = new java.util.HashMap<>();
        wantedBySkill.forEach((skill, wanted) -> {
            int position = 0;
            int found = 0;
            for (LiveHandoff h : state.waiting.skill(skill)) {
                position++;
                if (wanted.contains(h.id())) {
                    positions.put(h.id(), position);
                    if (++found == wanted.size()) {
                        break;
                    }
                }
            }
        });
        return positions;
    }

    public synchronized SkillLoad skillLoad(String skill) {
        double[] s = state.skillStats.getOrDefault(skill, new double[3]);
        return new SkillLoad(skill, (int) s[0], (int) s[1], Math.max(0, s[2]), state.waiting.skill(skill).size());
    }

    public synchronized Optional<QueueSnapshot.AgentLoad> agentLoad(long agentId) {
        LiveAgent a = state.agents.get(agentId);
        return a == null ? Optional.empty() : Optional.of(load(a));
    }

    /** Every handoff the engine holds (waiting, offered or owned), for reconciling with the database. */
    public synchronized Set<String> handoffIds() {
        return Set.copyOf(state.handoffs.keySet());
    }

    public synchronized int agentCount() {
        return state.agents.size();
    }

    public synchronized int waitingCount() {
        return state.waiting.size();
    }

    /**
     * The supervisor's view: the first {@code perSkill} of each skill's line, the lines' lengths, the oldest
     * wait and every agent's load. Under the engine's lock it reads the heads, not every waiting handoff.
     */
    public synchronized QueueSnapshot snapshot(Instant now, int perSkill) {
        Map<String, List<QueueSnapshot.Entry>> heads = new LinkedHashMap<>();
        Map<String, Integer> totals = new HashMap<>();
        state.waiting.bySkill().entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .sorted(Map.Entry.comparingByValue(Comparator.comparing(java.util.TreeSet::first, WaitingQueues.ORDER)))
                .forEach(line -> {
                    List<QueueSnapshot.Entry> head = new ArrayList<>();
                    for (LiveHandoff h : line.getValue()) {
                        if (head.size() == perSkill) {
                            break;
                        }
                        head.add(new QueueSnapshot.Entry(h.id(), line.getKey(), h.request.language(), h.points,
                                h.request.enqueuedAt(), h.ring, head.size() + 1));
                    }
                    heads.put(line.getKey(), List.copyOf(head));
                    totals.put(line.getKey(), line.getValue().size());
                });
        Instant oldest = null;
        for (LiveHandoff h : state.waiting.all()) {
            if (oldest == null || h.request.enqueuedAt().isBefore(oldest)) {
                oldest = h.request.enqueuedAt();
            }
        }
        List<QueueSnapshot.AgentLoad> loads = state.agents.values().stream().map(RoutingEngine::load)
                .sorted(Comparator.comparingLong(QueueSnapshot.AgentLoad::agentId)).toList();
        return new QueueSnapshot(now, heads, totals, oldest, loads);
    }

    private static QueueSnapshot.AgentLoad load(LiveAgent a) {
        return new QueueSnapshot.AgentLoad(a.id(), a.profile.username(), a.presence, a.profile.capacity(), a.load,
                a.chats.size(), a.idleChats, a.offers.size(), a.lastAssignedAt);
    }
}
