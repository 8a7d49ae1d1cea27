package dev.handoff.routing.control;

import dev.handoff.routing.control.RoutingPolicy.Match;
import dev.handoff.routing.control.RoutingPolicy.Ring;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The routing engine's shared state (policy, agents, handoffs, offers and the time-ordered sets) and
 * its bookkeeping: which agent index entry, waiting bucket and schedule slot each agent and handoff is
 * in. Guarded by the {@link RoutingEngine}'s lock: only call it while holding that lock.
 */
final class RoutingState {

    private static final Comparator<LiveHandoff> BY_EVAL = Comparator
            .comparing((LiveHandoff h) -> h.evalAt).thenComparingLong(h -> h.seq);
    private static final Comparator<LiveHandoff> BY_EXPIRY = Comparator
            .comparing((LiveHandoff h) -> h.offer.expiresAt()).thenComparingLong(h -> h.offer.id());
    private static final Comparator<LiveHandoff> BY_CUSTOMER = Comparator
            .comparing((LiveHandoff h) -> h.lastCustomerAt).thenComparingLong(h -> h.seq);
    private static final Comparator<LiveHandoff> BY_AWAITING = Comparator
            .comparing((LiveHandoff h) -> h.awaitingSince).thenComparingLong(h -> h.seq);

    RoutingPolicy policy;
    /** handoff skill → other skills that may serve it in a RELATED ring. */
    Map<String, Set<String>> servedBy = Map.of();
    /** agent skill → handoff skills it may serve in a RELATED ring. */
    Map<String, Set<String>> serves = Map.of();

    final Map<Long, LiveAgent> agents = new HashMap<>();
    final Map<String, LiveHandoff> handoffs = new HashMap<>();
    final Map<Long, LiveHandoff> offers = new HashMap<>();
    final TreeSet<LiveHandoff> offersByExpiry = new TreeSet<>(BY_EXPIRY);
    final TreeSet<LiveHandoff> schedule = new TreeSet<>(BY_EVAL);
    final TreeSet<LiveHandoff> activeChats = new TreeSet<>(BY_CUSTOMER);
    final TreeSet<LiveHandoff> awaitingOwner = new TreeSet<>(BY_AWAITING);
    final AgentIndex agentIndex = new AgentIndex();
    final WaitingQueues waiting = new WaitingQueues();
    /** skill → {agents, capacity, load} of routable agents. */
    final Map<String, double[]> skillStats = new HashMap<>();
    long nextOfferId = 1;
    long nextSeq = 1;
    long nextTurn = 1;
    private long nextFront = 1;

    RoutingState(RoutingPolicy policy) {
        usePolicy(policy);
    }

    /** Takes the policy and derives the related-skill maps from it; the caller re-sorts everything else. */
    void usePolicy(RoutingPolicy newPolicy) {
        policy = Objects.requireNonNull(newPolicy, "policy");
        relate();
    }

    // ---------------------------------------------------------------- waiting and schedule

    void toWaiting(LiveHandoff h, Instant now) {
        h.state = HandoffState.WAITING;
        h.ring = ringAt(h.request.enqueuedAt(), now);
        Ring ring = policy.rings().get(h.ring);
        waiting.add(h, new WaitingQueues.Key(h.ring,
                ring.match() == Match.ANY ? RoutingEngine.ANY : h.request.primarySkill(),
                ring.sameLanguage() ? h.request.language() : RoutingEngine.ANY));
        reschedule(h);
    }

    void fromWaiting(LiveHandoff h) {
        if (h.bucket != null) {
            waiting.remove(h);
        }
        unschedule(h);
    }

    void reschedule(LiveHandoff h) {
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

    void unschedule(LiveHandoff h) {
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

    double effectiveTime(HandoffRequest request, double points) {
        return seconds(request.enqueuedAt()) - policy.priority().headStartSeconds(points);
    }

    /** Ahead of everything waiting; front requeues keep their order among themselves. */
    double frontTime() {
        return Math.min(waiting.frontTime(), -1e15) + nextFront++;
    }

    private static double seconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    // ---------------------------------------------------------------- agent index and statistics

    /** Out of the index and the skill statistics, before any change to the agent's keys or profile. */
    void detach(LiveAgent a) {
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
    void attach(LiveAgent a) {
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

    /** Recomputes the agent's load under the current policy, keeping index and statistics in step. */
    void reload(LiveAgent a) {
        detach(a);
        a.recomputeLoad(policy.idleChatWeight());
        attach(a);
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

    // ---------------------------------------------------------------- look-ups

    LiveAgent agent(long id) {
        LiveAgent a = agents.get(id);
        if (a == null) {
            throw new IllegalArgumentException("no agent " + id + " in the routing engine");
        }
        return a;
    }

    LiveHandoff handoff(String id) {
        LiveHandoff h = handoffs.get(id);
        if (h == null) {
            throw new IllegalArgumentException("no handoff " + id + " in the routing engine");
        }
        return h;
    }
}
