package dev.handoff.routing.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How open offers end other than by acceptance: closed, withdrawn (excluding the agent for the round
 * or not), declined, expired, or taken back newest first to make room. Only called under the
 * {@link RoutingEngine}'s lock.
 */
final class OfferLifecycle {

    private final RoutingState state;
    private final Dispatcher dispatcher;

    OfferLifecycle(RoutingState state, Dispatcher dispatcher) {
        this.state = state;
        this.dispatcher = dispatcher;
    }

    /** Removes the open offer from the books (the agent's load is recomputed by the caller). */
    void closeOffer(LiveHandoff h) {
        state.offersByExpiry.remove(h);
        state.offers.remove(h.offer.id());
        state.agents.get(h.offer.agentId()).offers.remove(h.offer.id());
        h.offer = null;
    }

    /** Takes an open offer back; the handoff waits again, the agent has the room back. */
    void withdraw(LiveHandoff h, boolean exclude, Instant now) {
        LiveAgent a = state.agents.get(h.offer.agentId());
        closeOffer(h);
        state.reload(a);
        if (exclude) {
            h.excluded.add(a.id());
        }
        state.toWaiting(h, now);
    }

    void withdrawNewest(LiveAgent a, Instant now, RoutingChanges.Builder changes) {
        RouteOffer newest = null;
        for (RouteOffer o : a.offers.values()) {
            newest = o;
        }
        changes.withdrawn.add(newest);
        withdraw(state.offers.get(newest.id()), false, now);
    }

    /** After the load grew (idle chat woke, capacity shrank): newest offers go back until it fits. */
    void makeRoom(LiveAgent a, Instant now, RoutingChanges.Builder changes) {
        List<LiveHandoff> back = new ArrayList<>();
        while (a.overCapacity() && !a.offers.isEmpty()) {
            int before = changes.withdrawn.size();
            withdrawNewest(a, now, changes);
            back.add(state.handoffs.get(changes.withdrawn.get(before).handoffId()));
        }
        back.forEach(h -> dispatcher.push(h, now, changes));
    }

    /** The agent declines: the handoff goes to the next agent, and the decliner may pull other work. */
    void decline(LiveHandoff h, Instant now, RoutingChanges.Builder changes) {
        LiveAgent a = state.agents.get(h.offer.agentId());
        withdraw(h, true, now);
        dispatcher.push(h, now, changes);
        dispatcher.pull(a, now, changes);
    }

    /** Expires open offers past their time and offers each handoff to the next agent. */
    void expire(Instant now, RoutingChanges.Builder changes) {
        while (!state.offersByExpiry.isEmpty() && !state.offersByExpiry.first().offer.expiresAt().isAfter(now)) {
            LiveHandoff h = state.offersByExpiry.first();
            LiveAgent a = state.agents.get(h.offer.agentId());
            changes.withdrawn.add(h.offer);
            withdraw(h, true, now);
            dispatcher.push(h, now, changes);
            // The room is back: if the agent is really gone, their next offer expires too.
            dispatcher.pull(a, now, changes);
        }
    }
}
