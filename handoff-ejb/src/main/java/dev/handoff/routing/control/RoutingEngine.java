package dev.handoff.routing.control;

import dev.handoff.routing.control.RoutingPolicy.Match;
import dev.handoff.routing.control.RoutingPolicy.Ring;
import dev.handoff.routing.control.RoutingPolicy.Strategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

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

    private static final Comparator<LiveHandoff> BY_EVAL = Comparator
            .comparing((LiveHandoff h) -> h.evalAt).thenComparingLong(h -> h.seq);
    private static final Comparator<LiveHandoff> BY_EXPIRY = Comparator
            .comparing((LiveHandoff h) -> h.offer.expiresAt()).thenComparingLong(h -> h.offer.id());
    private static final Comparator<LiveHandoff> BY_CUSTOMER = Comparator
            .comparing((LiveHandoff h) -> h.lastCustomerAt).thenComparingLong(h -> h.seq);
    private static final Comparator<LiveHandoff> BY_AWAITING = Comparator
            .comparing((LiveHandoff h) -> h.awaitingSince).thenComparingLong(h -> h.seq);

    private RoutingPolicy policy;
    /** handoff skill → other skills that may serve it in a RELATED ring. */
    private Map<String, Set<String>> servedBy = Map.of();
    /** agent skill → handoff skills it may serve in a RELATED ring. */
    private Map<String, Set<String>> serves = Map.of();

    private final Map<Long, LiveAgent> agents = new HashMap<>();
    private final Map<String, LiveHandoff> handoffs = new HashMap<>();
    private final Map<Long, LiveHandoff> offers = new HashMap<>();
    private final TreeSet<LiveHandoff> offersByExpiry = new TreeSet<>(BY_EXPIRY);
    private final TreeSet<LiveHandoff> schedule = new TreeSet<>(BY_EVAL);
    private final TreeSet<LiveHandoff> activeChats = new TreeSet<>(BY_CUSTOMER);
    private final TreeSet<LiveHandoff> awaitingOwner = new TreeSet<>(BY_AWAITING);
    private final AgentIndex agentIndex = new AgentIndex();
    private final WaitingQueues waiting = new WaitingQueues();
    /** skill → {agents, capacity, load} of routable agents. */
    private final Map<String, double[]> skillStats = new HashMap<>();
    private long nextOfferId = 1;
    private long nextSeq = 1;
    private long nextTurn = 1;
    private long nextFront = 1;

    public RoutingEngine(RoutingPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        relate();
    }

    public synchronized RoutingPolicy policy() {
        return policy;
    }

    /** Replaces the policy and re-sorts everything under it (rare: costs a pass over all state). */
    public synchronized RoutingChanges setPolicy(RoutingPolicy newPolicy, Instant now) {
        Objects.requireNonNull(newPolicy, "policy");
        agents.values().forEach(this::detach);
        List<LiveHandoff> queued = new ArrayList<>(waiting.all());
        queued.forEach(this::fromWaiting);
        policy = newPolicy;
        relate();
        RoutingChanges.Builder changes = new RoutingChanges.Builder();
        for (LiveAgent a : agents.values()) {
            a.recomputeLoad(policy.idleChatWeight());
            attach(a);
        }
        queued.forEach(h -> {
            h.effectiveTime = effectiveTime(h.request, h.points);
            toWaiting(h, now);
        });
        queued.forEach(h -> push(h, now, changes));
        agents.values().forEach(a -> pull(a, now, changes));
        return changes.build();
    }

    // ---------------------------------------------------------------- agents

    /** Adds an agent (offline until {@link #setPresence}) or replaces their skills, languages, tier, team, capacity. */
    public synchronized RoutingChanges upsertAgent(AgentProfile profile, Instant now) {
        RoutingChanges.Builder changes = new RoutingChanges.Builder();
        LiveAgent a = agents.get(profile.id());
        if (a == null) {
            agents.put(profile.id(), new LiveAgent(profile, now));
            return changes.build();
        }
        detach(a);
        a.profile = profile;
        a.recomputeLoad(policy.idleChatWeight());
        attach(a);
        makeRoom(a, now, changes);
        pull(a, now, changes);
        return changes.build();
    }

    /**
     * Changes presence. Going {@link AgentPresence#AWAY} or {@link AgentPresence#OFFLINE} withdraws
     * the agent's pending offers and routes them elsewhere; coming {@link AgentPresence#ONLINE}
     * pulls waiting work at once (and counts as the start of the agent's idle time).
     */
    public synchronized RoutingChanges setPresence(long agentId, AgentPresence presence, Instant now) {
        LiveAgent a = agent(agentId);
        RoutingChanges.Builder changes = new RoutingChanges.Builder();
        AgentPresence old = a.presence;
        if (old == presence) {
            return changes.build();
        }
        List<LiveHandoff> withdrawn = new ArrayList<>();
        if (!presence.keepsOffers()) {
            for (RouteOffer o : List.copyOf(a.offers.values())) {
                LiveHandoff h = offers.get(o.id());
                withdraw(h, true, now);
                changes.withdrawn.add(o);
                withdrawn.add(h);
            }
        }
        detach(a);
        a.presence = presence;
        if (presence == AgentPresence.ONLINE && !old.keepsOffers() && a.lastAssignedAt.isBefore(now)) {
            a.lastAssignedAt = now;
        }
        attach(a);
        withdrawn.forEach(h -> push(h, now, changes));
        pull(a, now, changes);
        return changes.build();
    }

    // ---------------------------------------------------------------- handoffs

    /** Queues a handoff and offers it to the best matching agent with room, if any. */
    public synchronized RouteResult enqueue(HandoffRequest request, Instant now) {
        if (handoffs.containsKey(request.id())) {
            throw new IllegalArgumentException("handoff " + request.id() + " is already in the engine");
        }
        if (waiting.size() >= policy.queueCap()) {
            return new RouteResult(RouteResult.Outcome.QUEUE_FULL, null);
        }
        double points = policy.priority().points(request.urgency(), request.accountTier());
        LiveHandoff h = new LiveHandoff(request, nextSeq++, points);
        h.effectiveTime = effectiveTime(request, points);
        handoffs.put(request.id(), h);
        toWaiting(h, now);
        RouteOffer offer = push(h, now, new RoutingChanges.Builder());
        return new RouteResult(offer == null ? RouteResult.Outcome.NO_AGENT : RouteResult.Outcome.OFFERED, offer);
    }

    /** Tries again to offer one waiting handoff (moving it to the ring its wait has reached first). */
    public synchronized RouteResult routeHandoff(String handoffId, Instant now) {
        LiveHandoff h = handoffs.get(handoffId);
        if (h == null || h.state != HandoffState.WAITING) {
            return new RouteResult(RouteResult.Outcome.NOT_WAITING, null);
        }
        fromWaiting(h);
        toWaiting(h, now);
        RouteOffer offer = push(h, now, new RoutingChanges.Builder());
        return new RouteResult(offer == null ? RouteResult.Outcome.NO_AGENT : RouteResult.Outcome.OFFERED, offer);
    }

    /** The agent takes the offer: true if it was still open, and then they are the one owner. */
    public synchronized boolean accept(long offerId, Instant now) {
        LiveHandoff h = offers.get(offerId);
        if (h == null) {
            return false;
        }
        LiveAgent a = agents.get(h.offer.agentId());
        closeOffer(h);
        own(h, a, now);
        return true;
    }

    /** As {@link #accept(long, Instant)}, by handoff and agent. */
    public synchronized boolean accept(String handoffId, long agentId, Instant now) {
        LiveHandoff h = handoffs.get(handoffId);
        return h != null && h.state == HandoffState.OFFERED && h.offer.agentId() == agentId
                && accept(h.offer.id(), now);
    }

    /** The agent declines: the handoff goes to the next agent, and the decliner may pull other work. */
    public synchronized RoutingChanges decline(long offerId, Instant now) {
        LiveHandoff h = offers.get(offerId);
        if (h == null) {
            return RoutingChanges.NONE;
        }
        LiveAgent a = agents.get(h.offer.agentId());
        RoutingChanges.Builder changes = new RoutingChanges.Builder();
        withdraw(h, true, now);
        push(h, now, changes);
        pull(a, now, changes);
        return changes.build();
    }

    /** Expires open offers past their time and offers each handoff to the next agent. */
    public synchronized RoutingChanges expireOffers(Instant now) {
        RoutingChanges.Builder changes = new RoutingChanges.Builder();
        expire(now, changes);
        return changes.build();
    }

    /**
     * The handoff leaves the engine: resolved by its owner, or abandoned while waiting or offered.
     * The freed agent pulls the best waiting handoff at once.
     */
    public synchronized RoutingChanges release(String handoffId, Instant now) {
        LiveHandoff h = handoffs.remove(handoffId);
        RoutingChanges.Builder changes = new RoutingChanges.Builder();
        if (h == null) {
            return changes.build();
        }
        LiveAgent freed = null;
        switch (h.state) {
            case WAITING -> fromWaiting(h);
            case OFFERED -> {
                freed = agents.get(h.offer.agentId());
                changes.withdrawn.add(h.offer);
                closeOffer(h);
                detach(freed);
                freed.recomputeLoad(policy.idleChatWeight());
                attach(freed);
            }
            case OWNED -> {
                freed = h.owner;
                endChat(h);
            }
        }
        if (freed != null) {
            pull(freed, now, changes);
        }
        return changes.build();
    }

    /**
     * Puts a handoff back in the queue, at the front if asked; its current agent (offer or owner) is
     * excluded for this round. For transfers and supervisors. Nothing happens for a handoff the
     * engine does not know (released meanwhile).
     */
    public synchronized RoutingChanges requeue(String handoffId, boolean front, Instant now) {
        LiveHandoff h = handoffs.get(handoffId);
        if (h == null) {
            return RoutingChanges.NONE;
        }
        RoutingChanges.Builder changes = new RoutingChanges.Builder();
        LiveAgent previous = takeBack(h, now, changes);
        if (front) {
            fromWaiting(h);
            h.effectiveTime = frontTime();
            toWaiting(h, now);
        }
        push(h, now, changes);
        if (previous != null) {
            pull(previous, now, changes);
        }
        return changes.build();
    }

    /**
     * A supervisor gives the handoff to this agent, whatever its state. The agent's newest pending
     * offers are withdrawn if that is what it takes to make room.
     *
     * @throws IllegalStateException if the agent's chats alone leave no room
     */
    public synchronized RoutingChanges assign(String handoffId, long agentId, Instant now) {
        LiveHandoff h = handoff(handoffId);
        LiveAgent a = agent(agentId);
        if (h.state == HandoffState.OWNED && h.owner == a) {
            return RoutingChanges.NONE;
        }
        boolean offeredToHim = h.state == HandoffState.OFFERED && h.offer.agentId() == agentId;
        double chatsLoad = a.load - a.offers.size() + (offeredToHim ? 1 : 0);
        if (chatsLoad + 1 > a.profile.capacity() + EPS) {
            throw new IllegalStateException("agent " + a.profile.username() + " has no room: chats weigh "
                    + chatsLoad + " of capacity " + a.profile.capacity());
        }
        RoutingChanges.Builder changes = new RoutingChanges.Builder();
        if (offeredToHim) {
            closeOffer(h);
            own(h, a, now);
            return changes.build();
        }
        LiveAgent previous = takeBack(h, now, changes);
        fromWaiting(h);
        while (!a.hasRoomForOne()) {
            withdrawNewest(a, now, changes);
        }
        detach(a);
        h.state = HandoffState.OFFERED; // transient: own() expects a handoff out of the queue
        own(h, a, now);
        changes.withdrawn.forEach(o -> {
            LiveHandoff other = handoffs.get(o.handoffId());
            if (other != null && other.state == HandoffState.WAITING) {
                push(other, now, changes);
            }
        });
        if (previous != null) {
            pull(previous, now, changes);
        }
        return changes.build();
    }

    /** The customer wrote: the chat is active again (full weight) and waits for the owner's reply. */
    public synchronized RoutingChanges customerActivity(String handoffId, Instant now) {
        LiveHandoff h = handoffs.get(handoffId);
        RoutingChanges.Builder changes = new RoutingChanges.Builder();
        if (h == null || h.state != HandoffState.OWNED) {
            return changes.build();
        }
        activeChats.remove(h);
        h.lastCustomerAt = now;
        activeChats.add(h);
        if (h.awaitingSince == null) {
            h.awaitingSince = now;
            awaitingOwner.add(h);
        }
        if (h.idle) {
            LiveAgent a = h.owner;
            detach(a);
            h.idle = false;
            a.recomputeLoad(policy.idleChatWeight());
            attach(a);
            makeRoom(a, now, changes);
        }
        return changes.build();
    }

    /** The owner answered: the customer no longer waits for them. */
    public synchronized void agentActivity(String handoffId, Instant now) {
        LiveHandoff h = handoffs.get(handoffId);
        if (h != null && h.state == HandoffState.OWNED && h.awaitingSince != null) {
            awaitingOwner.remove(h);
            h.awaitingSince = null;
        }
    }

    /**
     * The clock: moves handoffs into their next ring and starts new rounds, expires offers, marks
     * chats idle whose customer has been silent for the policy's time, and acts on owners who have
     * not answered. Call every second or so.
     */
    public synchronized RoutingChanges tick(Instant now) {
        RoutingChanges.Builder changes = new RoutingChanges.Builder();
        expire(now, changes);
        advance(now, changes);
        markIdle(now, changes);
        unresponsive(now, changes);
        return changes.build();
    }

    // ---------------------------------------------------------------- queries

    public synchronized Optional<HandoffState> state(String handoffId) {
        LiveHandoff h = handoffs.get(handoffId);
        return h == null ? Optional.empty() : Optional.of(h.state);
    }

    public synchronized Optional<RouteOffer> pendingOffer(String handoffId) {
        LiveHandoff h = handoffs.get(handoffId);
        return h == null || h.state != HandoffState.OFFERED ? Optional.empty() : Optional.of(h.offer);
    }

    public synchronized Optional<Long> owner(String handoffId) {
        LiveHandoff h = handoffs.get(handoffId);
        return h == null || h.state != HandoffState.OWNED ? Optional.empty() : Optional.of(h.owner.id());
    }

    /** 1-based place among waiting handoffs with the same primary skill; empty if not waiting. */
    public synchronized OptionalInt skillPosition(String handoffId) {
        LiveHandoff h = handoffs.get(handoffId);
        if (h == null || h.state != HandoffState.WAITING) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(waiting.skill(h.request.primarySkill()).headSet(h, false).size() + 1);
    }

    public synchronized SkillLoad skillLoad(String skill) {
        double[] s = skillStats.getOrDefault(skill, new double[3]);
        return new SkillLoad(skill, (int) s[0], (int) s[1], Math.max(0, s[2]), waiting.skill(skill).size());
    }

    public synchronized Optional<QueueSnapshot.AgentLoad> agentLoad(long agentId) {
        LiveAgent a = agents.get(agentId);
        return a == null ? Optional.empty() : Optional.of(load(a));
    }

    /** Every handoff the engine holds (waiting, offered or owned), for reconciling with the database. */
    public synchronized Set<String> handoffIds() {
        return Set.copyOf(handoffs.keySet());
    }

    public synchronized int waitingCount() {
        return waiting.size();
    }

    /** Everything at once, for the supervisor's view; costs a pass over all state. */
    public synchronized QueueSnapshot snapshot(Instant now) {
        List<QueueSnapshot.Entry> entries = new ArrayList<>();
        Map<String, List<String>> bySkill = new LinkedHashMap<>();
        Map<String, Integer> skillCounts = new HashMap<>();
        int position = 0;
        for (LiveHandoff h : waiting.all()) {
            String skill = h.request.primarySkill();
            int skillPosition = skillCounts.merge(skill, 1, Integer::sum);
            bySkill.computeIfAbsent(skill, k -> new ArrayList<>()).add(h.id());
            entries.add(new QueueSnapshot.Entry(h.id(), skill, h.request.language(), h.points,
                    h.request.enqueuedAt(), h.ring, ++position, skillPosition));
        }
        int offered = offers.size();
        int owned = handoffs.size() - offered - waiting.size();
        List<QueueSnapshot.AgentLoad> loads = agents.values().stream().map(this::load)
                .sorted(Comparator.comparingLong(QueueSnapshot.AgentLoad::agentId)).toList();
        return new QueueSnapshot(now, entries, bySkill, offered, owned, loads);
    }

    // ---------------------------------------------------------------- decisions

    /** The best agent for the handoff: rings from 0 up to the one reached, first ring with a match wins. */
    private RouteOffer push(LiveHandoff h, Instant now, RoutingChanges.Builder changes) {
        boolean high = h.points >= policy.priority().highPriorityPoints();
        String skill = h.request.primarySkill();
        for (int r = 0; r <= h.ring; r++) {
            Ring ring = policy.rings().get(r);
            String language = ring.sameLanguage() ? h.request.language() : ANY;
            Choice best = null;
            if (ring.match() == Match.ANY) {
                best = bestIn(agentIndex.get(ANY, language), 0, h, r, high, null);
            } else {
                best = bestIn(agentIndex.get(skill, language), ring.minProficiency(), h, r, high, null);
                if (ring.match() == Match.RELATED) {
                    for (String other : servedBy.getOrDefault(skill, Set.of())) {
                        best = bestIn(agentIndex.get(other, language), ring.minProficiency(), h, r, high, best);
                    }
                }
            }
            if (best != null) {
                RouteOffer offer = offer(h, best.agent, r, now);
                changes.offered.add(offer);
                return offer;
            }
        }
        if (!h.excluded.isEmpty() && h.retryAt == null) {
            // Everyone who matches has declined or let it expire: a new round after a pause.
            unschedule(h);
            h.retryAt = now.plusSeconds(ROUND_PAUSE_SECONDS);
            reschedule(h);
        }
        return null;
    }

    private record Choice(LiveAgent agent, double score) {}

    private Choice bestIn(TreeSet<LiveAgent>[] sets, int minLevel, LiveHandoff h, int ring, boolean high, Choice best) {
        if (sets == null) {
            return best;
        }
        RoutingPolicy.Weights w = policy.weights();
        boolean scored = policy.strategy() == Strategy.SKILL_SCORE;
        for (int level = RoutingPolicy.MAX_LEVEL; level >= minLevel; level--) {
            for (int tier = 1; tier <= RoutingPolicy.MAX_LEVEL; tier++) {
                TreeSet<LiveAgent> set = sets[level * AgentIndex.LEVELS + tier];
                if (set == null || set.isEmpty()) {
                    continue;
                }
                for (LiveAgent a : set) {
                    if (h.excluded.contains(a.id()) || !qualifies(a, h, ring)) {
                        continue;
                    }
                    double score = a.keyPrimary;
                    if (scored) {
                        score += w.proficiency() * level + (high ? w.seniority() * tier : 0);
                    }
                    if (best == null || score > best.score + EPS
                            || (Math.abs(score - best.score) <= EPS && AgentIndex.ORDER.compare(a, best.agent) < 0)) {
                        best = new Choice(a, score);
                    }
                    break;
                }
            }
        }
        return best;
    }

    /** Offers the best waiting handoffs this agent may take while they have room. */
    private void pull(LiveAgent a, Instant now, RoutingChanges.Builder changes) {
        while (a.indexed) {
            LiveHandoff best = null;
            for (int r = 0; r < policy.rings().size(); r++) {
                Ring ring = policy.rings().get(r);
                for (String language : ring.sameLanguage() ? a.profile.languages() : Set.of(ANY)) {
                    if (ring.match() == Match.ANY) {
                        best = firstFor(waiting.bucket(r, ANY, language), a, r, best);
                        continue;
                    }
                    for (Map.Entry<String, Integer> skill : a.profile.skills().entrySet()) {
                        if (skill.getValue() < ring.minProficiency()) {
                            continue;
                        }
                        best = firstFor(waiting.bucket(r, skill.getKey(), language), a, r, best);
                        if (ring.match() == Match.RELATED) {
                            for (String served : serves.getOrDefault(skill.getKey(), Set.of())) {
                                best = firstFor(waiting.bucket(r, served, language), a, r, best);
                            }
                        }
                    }
                }
            }
            if (best == null) {
                return;
            }
            int ring = 0;
            while (!qualifies(a, best, ring)) {
                ring++;
            }
            changes.offered.add(offer(best, a, ring, now));
        }
    }

    private LiveHandoff firstFor(TreeSet<LiveHandoff> bucket, LiveAgent a, int ring, LiveHandoff best) {
        if (bucket == null) {
            return best;
        }
        for (LiveHandoff h : bucket) {
            if (best != null && WaitingQueues.ORDER.compare(h, best) >= 0) {
                return best;
            }
            if (!h.excluded.contains(a.id()) && qualifies(a, h, ring)) {
                return h;
            }
        }
        return best;
    }

    /** Whether the ring admits this agent for this handoff: language and every required skill. */
    private boolean qualifies(LiveAgent a, LiveHandoff h, int r) {
        Ring ring = policy.rings().get(r);
        AgentProfile p = a.profile;
        if (ring.sameLanguage() && !p.languages().contains(h.request.language())) {
            return false;
        }
        if (ring.match() == Match.ANY) {
            return true;
        }
        for (String skill : h.request.skills()) {
            if (p.proficiency(skill) >= ring.minProficiency()) {
                continue;
            }
            if (ring.match() == Match.RELATED && servedBy.getOrDefault(skill, Set.of()).stream()
                    .anyMatch(other -> p.proficiency(other) >= ring.minProficiency())) {
                continue;
            }
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- state changes

    private RouteOffer offer(LiveHandoff h, LiveAgent a, int ring, Instant now) {
        fromWaiting(h);
        detach(a);
        RouteOffer offer = new RouteOffer(nextOfferId++, h.id(), a.id(), ring, now,
                now.plusSeconds(policy.offerTimeoutSeconds()));
        a.offers.put(offer.id(), offer);
        a.turn = nextTurn++;
        a.recomputeLoad(policy.idleChatWeight());
        if (a.overCapacity()) {
            throw new IllegalStateException("offer would put agent " + a.id() + " over capacity");
        }
        attach(a);
        h.state = HandoffState.OFFERED;
        h.offer = offer;
        offers.put(offer.id(), h);
        offersByExpiry.add(h);
        return offer;
    }

    /** Removes the open offer from the books (the agent's load is recomputed by the caller). */
    private void closeOffer(LiveHandoff h) {
        offersByExpiry.remove(h);
        offers.remove(h.offer.id());
        agents.get(h.offer.agentId()).offers.remove(h.offer.id());
        h.offer = null;
    }

    /** Takes an open offer back; the handoff waits again, the agent has the room back. */
    private void withdraw(LiveHandoff h, boolean exclude, Instant now) {
        LiveAgent a = agents.get(h.offer.agentId());
        closeOffer(h);
        detach(a);
        a.recomputeLoad(policy.idleChatWeight());
        attach(a);
        if (exclude) {
            h.excluded.add(a.id());
        }
        toWaiting(h, now);
    }

    private void withdrawNewest(LiveAgent a, Instant now, RoutingChanges.Builder changes) {
        RouteOffer newest = null;
        for (RouteOffer o : a.offers.values()) {
            newest = o;
        }
        changes.withdrawn.add(newest);
        withdraw(offers.get(newest.id()), false, now);
    }

    /** After the load grew (idle chat woke, capacity shrank): newest offers go back until it fits. */
    private void makeRoom(LiveAgent a, Instant now, RoutingChanges.Builder changes) {
        List<LiveHandoff> back = new ArrayList<>();
        while (a.overCapacity() && !a.offers.isEmpty()) {
            int before = changes.withdrawn.size();
            withdrawNewest(a, now, changes);
            back.add(handoffs.get(changes.withdrawn.get(before).handoffId()));
        }
        back.forEach(h -> push(h, now, changes));
    }

    private void own(LiveHandoff h, LiveAgent a, Instant now) {
        detach(a);
        h.state = HandoffState.OWNED;
        h.owner = a;
        h.idle = false;
        h.excluded.clear();
        h.retryAt = null;
        h.lastCustomerAt = now;
        h.awaitingSince = now;
        activeChats.add(h);
        awaitingOwner.add(h);
        a.chats.put(h.id(), h);
        a.lastAssignedAt = now;
        a.recomputeLoad(policy.idleChatWeight());
        if (a.overCapacity()) {
            throw new IllegalStateException("assignment put agent " + a.id() + " over capacity");
        }
        attach(a);
    }

    private void endChat(LiveHandoff h) {
        activeChats.remove(h);
        if (h.awaitingSince != null) {
            awaitingOwner.remove(h);
            h.awaitingSince = null;
        }
        LiveAgent a = h.owner;
        detach(a);
        a.chats.remove(h.id());
        a.recomputeLoad(policy.idleChatWeight());
        attach(a);
        h.owner = null;
        h.idle = false;
    }

    /** Offered or owned → waiting, excluding that agent; returns the agent who had it. */
    private LiveAgent takeBack(LiveHandoff h, Instant now, RoutingChanges.Builder changes) {
        switch (h.state) {
            case OFFERED -> {
                LiveAgent a = agents.get(h.offer.agentId());
                changes.withdrawn.add(h.offer);
                withdraw(h, true, now);
                return a;
            }
            case OWNED -> {
                LiveAgent a = h.owner;
                endChat(h);
                h.excluded.add(a.id());
                toWaiting(h, now);
                changes.requeued.add(h.id());
                return a;
            }
            default -> {
                return null;
            }
        }
    }

    private void expire(Instant now, RoutingChanges.Builder changes) {
        while (!offersByExpiry.isEmpty() && !offersByExpiry.first().offer.expiresAt().isAfter(now)) {
            LiveHandoff h = offersByExpiry.first();
            LiveAgent a = agents.get(h.offer.agentId());
            changes.withdrawn.add(h.offer);
            withdraw(h, true, now);
            push(h, now, changes);
            // The room is back: if the agent is really gone, their next offer expires too.
            pull(a, now, changes);
        }
    }

    private void advance(Instant now, RoutingChanges.Builder changes) {
        while (!schedule.isEmpty() && !schedule.first().evalAt.isAfter(now)) {
            LiveHandoff h = schedule.first();
            fromWaiting(h);
            if (h.retryAt != null && !h.retryAt.isAfter(now)) {
                h.excluded.clear();
                h.retryAt = null;
            }
            toWaiting(h, now);
            push(h, now, changes);
        }
    }

    private void markIdle(Instant now, RoutingChanges.Builder changes) {
        if (policy.idleChatWeight() >= 1) {
            return;
        }
        Instant silentSince = now.minusSeconds(policy.idleAfterSeconds());
        Set<LiveAgent> freed = new HashSet<>();
        while (!activeChats.isEmpty() && !activeChats.first().lastCustomerAt.isAfter(silentSince)) {
            LiveHandoff h = activeChats.pollFirst();
            LiveAgent a = h.owner;
            detach(a);
            h.idle = true;
            a.recomputeLoad(policy.idleChatWeight());
            attach(a);
            freed.add(a);
        }
        freed.forEach(a -> pull(a, now, changes));
    }

    private void unresponsive(Instant now, RoutingChanges.Builder changes) {
        if (policy.unresponsiveOwnerSeconds() == 0) {
            return;
        }
        Instant limit = now.minusSeconds(policy.unresponsiveOwnerSeconds());
        while (!awaitingOwner.isEmpty() && !awaitingOwner.first().awaitingSince.isAfter(limit)) {
            LiveHandoff h = awaitingOwner.pollFirst();
            if (policy.unresponsiveAction() == RoutingPolicy.UnresponsiveAction.SUPERVISOR) {
                // Stays awaiting (not re-alerted) until the owner answers.
                changes.alerts.add(h.id());
                continue;
            }
            h.awaitingSince = null;
            LiveAgent owner = h.owner;
            endChat(h);
            h.excluded.add(owner.id());
            h.effectiveTime = frontTime();
            toWaiting(h, now);
            changes.requeued.add(h.id());
            push(h, now, changes);
            pull(owner, now, changes);
        }
    }

    // ---------------------------------------------------------------- bookkeeping

    private void toWaiting(LiveHandoff h, Instant now) {
        h.state = HandoffState.WAITING;
        h.ring = ringAt(h.request.enqueuedAt(), now);
        Ring ring = policy.rings().get(h.ring);
        waiting.add(h, new WaitingQueues.Key(h.ring, ring.match() == Match.ANY ? ANY : h.request.primarySkill(),
                ring.sameLanguage() ? h.request.language() : ANY));
        reschedule(h);
    }

    private void fromWaiting(LiveHandoff h) {
        if (h.bucket != null) {
            waiting.remove(h);
        }
        unschedule(h);
    }

    private void reschedule(LiveHandoff h) {
        Instant next = null;
        if (h.ring + 1 < policy.rings().size()) {
            next = h.request.enqueuedAt().plusSeconds(policy.rings().get(h.ring + 1).afterSeconds());
        }
        if (h.retryAt != null && (next == null || h.retryAt.isBefore(next))) {
            next = h.retryAt;
        }
        h.evalAt = next;
        if (next != null) {
            schedule.add(h);
        }
    }

    private void unschedule(LiveHandoff h) {
        if (h.evalAt != null) {
            schedule.remove(h);
            h.evalAt = null;
        }
    }

    private int ringAt(Instant enqueuedAt, Instant now) {
        List<Ring> rings = policy.rings();
        int r = 0;
        while (r + 1 < rings.size() && !enqueuedAt.plusSeconds(rings.get(r + 1).afterSeconds()).isAfter(now)) {
            r++;
        }
        return r;
    }

    private double effectiveTime(HandoffRequest request, double points) {
        return seconds(request.enqueuedAt()) - policy.priority().headStartSeconds(points);
    }

    /** Ahead of everything waiting; front requeues keep their order among themselves. */
    private double frontTime() {
        return Math.min(waiting.frontTime(), -1e15) + nextFront++;
    }

    private static double seconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    /** Out of the index and the skill statistics, before any change to the agent's keys or profile. */
    private void detach(LiveAgent a) {
        if (a.indexed) {
            agentIndex.remove(a);
            a.indexed = false;
        }
        if (a.counted) {
            stats(a, -1);
            a.counted = false;
        }
    }

    /** Back in, with keys computed from the agent's current state. */
    private void attach(LiveAgent a) {
        boolean routable = a.presence == AgentPresence.ONLINE && policy.inPilot(a.id()) && a.profile.capacity() > 0;
        if (!routable) {
            return;
        }
        stats(a, 1);
        a.counted = true;
        if (a.hasRoomForOne()) {
            double assigned = seconds(a.lastAssignedAt);
            double ratio = a.load / a.profile.capacity();
            a.keySecondary = -assigned;
            a.keyPrimary = switch (policy.strategy()) {
                case SKILL_SCORE -> policy.weights().load() * (1 - ratio) - policy.weights().idlePerMinute() * assigned / 60;
                case LEAST_BUSY -> -ratio;
                case ROUND_ROBIN -> -a.turn;
            };
            agentIndex.add(a);
            a.indexed = true;
        }
    }

    private void stats(LiveAgent a, int sign) {
        for (String skill : a.profile.skills().keySet()) {
            double[] s = skillStats.computeIfAbsent(skill, k -> new double[3]);
            s[0] += sign;
            s[1] += sign * a.profile.capacity();
            s[2] += sign * a.load;
        }
    }

    private void relate() {
        Map<String, Set<String>> served = new HashMap<>();
        Map<String, Set<String>> serving = new HashMap<>();
        policy.relatedSkills().forEach((skill, others) -> {
            served.put(skill, others);
            others.forEach(o -> serving.computeIfAbsent(o, k -> new HashSet<>()).add(skill));
        });
        servedBy = served;
        serves = serving;
    }

    private QueueSnapshot.AgentLoad load(LiveAgent a) {
        return new QueueSnapshot.AgentLoad(a.id(), a.profile.username(), a.presence, a.profile.capacity(), a.load,
                a.chats.size(), a.idleChats, a.offers.size(), a.lastAssignedAt);
    }

    private LiveAgent agent(long id) {
        LiveAgent a = agents.get(id);
        if (a == null) {
            throw new IllegalArgumentException("no agent " + id + " in the routing engine");
        }
        return a;
    }

    private LiveHandoff handoff(String id) {
        LiveHandoff h = handoffs.get(id);
        if (h == null) {
            throw new IllegalArgumentException("no handoff " + id + " in the routing engine");
        }
        return h;
    }
}
