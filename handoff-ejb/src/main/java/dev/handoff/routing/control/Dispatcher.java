package dev.handoff.routing.control;

import static dev.handoff.routing.control.RoutingEngine.ANY;
import static dev.handoff.routing.control.RoutingEngine.EPS;

import dev.handoff.routing.control.RoutingPolicy.Match;
import dev.handoff.routing.control.RoutingPolicy.Ring;
import dev.handoff.routing.control.RoutingPolicy.Strategy;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The routing decisions: pushes a handoff to the best agent with room, pulls the best waiting handoffs
 * for an agent with room, and makes the offer that records the decision (or pauses the round when
 * everyone who matches has declined). Only called under the {@link RoutingEngine}'s lock.
 */
final class Dispatcher {

    private final RoutingState state;

    Dispatcher(RoutingState state) {
        this.state = state;
    }

    /** The best agent for the handoff: rings from 0 up to the one reached, first ring with a match wins. */
    RouteOffer push(LiveHandoff h, Instant now, RoutingChanges.Builder changes) {
        RoutingPolicy policy = state.policy;
        AgentIndex agentIndex = state.agentIndex;
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
                    for (String other : state.servedBy.getOrDefault(skill, Set.of())) {
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
            state.unschedule(h);
            h.retryAt = now.plusSeconds(RoutingEngine.ROUND_PAUSE_SECONDS);
            state.reschedule(h);
        }
        return null;
    }

    private record Choice(LiveAgent agent, double score) {}

    private Choice bestIn(TreeSet<LiveAgent>[] sets, int minLevel, LiveHandoff h, int ring, boolean high, Choice best) {
        if (sets == null) {
            return best;
        }
        RoutingPolicy.Weights w = state.policy.weights();
        boolean scored = state.policy.strategy() == Strategy.SKILL_SCORE;
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
    void pull(LiveAgent a, Instant now, RoutingChanges.Builder changes) {
        RoutingPolicy policy = state.policy;
        WaitingQueues waiting = state.waiting;
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
                            for (String served : state.serves.getOrDefault(skill.getKey(), Set.of())) {
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
        Ring ring = state.policy.rings().get(r);
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
            if (ring.match() == Match.RELATED && state.servedBy.getOrDefault(skill, Set.of()).stream()
                    .anyMatch(other -> p.proficiency(other) >= ring.minProficiency())) {
                continue;
            }
            return false;
        }
        return true;
    }

    /** Opens the offer: the handoff leaves the queue, the agent carries it in their load. */
    private RouteOffer offer(LiveHandoff h, LiveAgent a, int ring, Instant now) {
        return offer(h, a, ring, now, now.plusSeconds(state.policy.offerTimeoutSeconds()));
    }

    /** Opens an offer with given times (a new one, or one taken over from an earlier engine). */
    RouteOffer offer(LiveHandoff h, LiveAgent a, int ring, Instant offeredAt, Instant expiresAt) {
        state.fromWaiting(h);
        state.detach(a);
        RouteOffer offer = new RouteOffer(state.nextOfferId++, h.id(), a.id(), ring, offeredAt, expiresAt);
        a.offers.put(offer.id(), offer);
        a.turn = state.nextTurn++;
        a.recomputeLoad(state.policy.idleChatWeight());
        if (a.overCapacity()) {
            throw new IllegalStateException("offer would put agent " + a.id() + " over capacity");
        }
        state.attach(a);
        h.state = HandoffState.OFFERED;
        h.offer = offer;
        state.offers.put(offer.id(), h);
        state.offersByExpiry.add(h);
        return offer;
    }
}
