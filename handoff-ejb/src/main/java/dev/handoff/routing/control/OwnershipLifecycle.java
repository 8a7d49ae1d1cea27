package dev.handoff.routing.control;

import static dev.handoff.routing.control.RoutingEngine.EPS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Owned chats from start to end: taking ownership, releasing, requeueing and supervisor assignment,
 * customer and owner activity, idle chats, and owners who do not answer. Only called under the
 * {@link RoutingEngine}'s lock.
 */
final class OwnershipLifecycle {

    private final RoutingState state;
    private final Dispatcher dispatcher;
    private final OfferLifecycle offers;

    OwnershipLifecycle(RoutingState state, Dispatcher dispatcher, OfferLifecycle offers) {
        this.state = state;
        this.dispatcher = dispatcher;
        this.offers = offers;
    }

    /** See {@link RoutingEngine#release}. */
    RoutingChanges release(String handoffId, Instant now) {
        LiveHandoff h = state.handoffs.remove(handoffId);
        RoutingChanges.Builder changes = new RoutingChanges.Builder();
        if (h == null) {
            return changes.build();
        }
        LiveAgent freed = null;
        switch (h.state) {
            case WAITING -> state.fromWaiting(h);
            case OFFERED -> {
                freed = state.agents.get(h.offer.agentId());
                changes.withdrawn.add(h.offer);
                offers.closeOffer(h);
                state.reload(freed);
            }
            case OWNED -> {
                freed = h.owner;
                endChat(h);
            }
        }
        if (freed != null) {
            dispatcher.pull(freed, now, changes);
        }
        return changes.build();
    }

    /** See {@link RoutingEngine#requeue}. */
    RoutingChanges requeue(String handoffId, boolean front, Instant now) {
        LiveHandoff h = state.handoffs.get(handoffId);
        if (h == null) {
            return RoutingChanges.NONE;
        }
        RoutingChanges.Builder changes = new RoutingChanges.Builder();
        LiveAgent previous = takeBack(h, now, changes);
        if (front) {
            state.fromWaiting(h);
            h.effectiveTime = state.frontTime();
            state.toWaiting(h, now);
        }
        dispatcher.push(h, now, changes);
        if (previous != null) {
            dispatcher.pull(previous, now, changes);
        }
        return changes.build();
    }

    /** See {@link RoutingEngine#assign}. */
    RoutingChanges assign(String handoffId, long agentId, Instant now) {
        LiveHandoff h = state.handoff(handoffId);
        LiveAgent a = state.agent(agentId);
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
            offers.closeOffer(h);
            own(h, a, now);
            return changes.build();
        }
        LiveAgent previous = takeBack(h, now, changes);
        state.fromWaiting(h);
        while (!a.hasRoomForOne()) {
            offers.withdrawNewest(a, now, changes);
        }
        state.detach(a);
        h.state = HandoffState.OFFERED; // transient: own() expects a handoff out of the queue
        own(h, a, now);
        changes.withdrawn.forEach(o -> {
            LiveHandoff other = state.handoffs.get(o.handoffId());
            if (other != null && other.state == HandoffState.WAITING) {
                dispatcher.push(other, now, changes);
            }
        });
        if (previous != null) {
            dispatcher.pull(previous, now, changes);
        }
        return changes.build();
    }

    /** See {@link RoutingEngine#customerActivity}. */
    RoutingChanges customerActivity(String handoffId, Instant now) {
        LiveHandoff h = state.handoffs.get(handoffId);
        RoutingChanges.Builder changes = new RoutingChanges.Builder();
        if (h == null || h.state != HandoffState.OWNED) {
            return changes.build();
        }
        state.activeChats.remove(h);
        h.lastCustomerAt = now;
        state.activeChats.add(h);
        if (h.awaitingSince == null) {
            h.awaitingSince = now;
            state.awaitingOwner.add(h);
        }
        if (h.idle) {
            LiveAgent a = h.owner;
            state.detach(a);
            h.idle = false;
            a.recomputeLoad(state.policy.idleChatWeight());
            state.attach(a);
            offers.makeRoom(a, now, changes);
        }
        return changes.build();
    }

    /** See {@link RoutingEngine#agentActivity}. */
    void agentActivity(String handoffId) {
        LiveHandoff h = state.handoffs.get(handoffId);
        if (h != null && h.state == HandoffState.OWNED && h.awaitingSince != null) {
            state.awaitingOwner.remove(h);
            h.awaitingSince = null;
        }
    }

    /** See {@link RoutingEngine#ownerActivity}. */
    void ownerActivity(String handoffId, Instant now) {
        LiveHandoff h = state.handoffs.get(handoffId);
        if (h != null && h.state == HandoffState.OWNED && h.awaitingSince != null && h.awaitingSince.isBefore(now)) {
            state.awaitingOwner.remove(h);
            h.awaitingSince = now;
            state.awaitingOwner.add(h);
        }
    }

    /** See {@link RoutingEngine#replyDueAt}. */
    java.util.Optional<Instant> replyDueAt(String handoffId) {
        LiveHandoff h = state.handoffs.get(handoffId);
        if (h == null || h.state != HandoffState.OWNED || h.awaitingSince == null) {
            return java.util.Optional.empty();
        }
        RoutingPolicy.OwnerReply rule = ruleFor(h);
        if (rule.off() || rule.action() != RoutingPolicy.UnresponsiveAction.REQUEUE_FRONT) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(h.awaitingSince.plusSeconds(rule.seconds()));
    }

    /** The owner's team's rule, or the policy's default one. */
    private RoutingPolicy.OwnerReply ruleFor(LiveHandoff h) {
        return state.policy.ownerReply(h.owner.profile.team());
    }

    /** The agent owns the handoff (which is out of the queue and has no open offer). */
    void own(LiveHandoff h, LiveAgent a, Instant now) {
        state.detach(a);
        h.state = HandoffState.OWNED;
        h.owner = a;
        h.idle = false;
        h.excluded.clear();
        h.retryAt = null;
        h.lastCustomerAt = now;
        h.awaitingSince = now;
        state.activeChats.add(h);
        state.awaitingOwner.add(h);
        a.chats.put(h.id(), h);
        a.lastAssignedAt = now;
        a.recomputeLoad(state.policy.idleChatWeight());
        if (a.overCapacity()) {
            throw new IllegalStateException("assignment put agent " + a.id() + " over capacity");
        }
        state.attach(a);
    }

    private void endChat(LiveHandoff h) {
        state.activeChats.remove(h);
        if (h.awaitingSince != null) {
            state.awaitingOwner.remove(h);
            h.awaitingSince = null;
        }
        LiveAgent a = h.owner;
        state.detach(a);
        a.chats.remove(h.id());
        a.recomputeLoad(state.policy.idleChatWeight());
        state.attach(a);
        h.owner = null;
        h.idle = false;
    }

    /** Offered or owned → waiting, excluding that agent; returns the agent who had it. */
    private LiveAgent takeBack(LiveHandoff h, Instant now, RoutingChanges.Builder changes) {
        switch (h.state) {
            case OFFERED -> {
                LiveAgent a = state.agents.get(h.offer.agentId());
                changes.withdrawn.add(h.offer);
                offers.withdraw(h, true, now);
                return a;
            }
            case OWNED -> {
                LiveAgent a = h.owner;
                endChat(h);
                h.excluded.add(a.id());
                state.toWaiting(h, now);
                changes.requeued.add(h.id());
                return a;
            }
            default -> {
                return null;
            }
        }
    }

    /** Chats whose customer has been silent for the policy's time weigh less; their owners pull. */
    void markIdle(Instant now, RoutingChanges.Builder changes) {
        RoutingPolicy policy = state.policy;
        if (policy.idleChatWeight() >= 1) {
            return;
        }
        Instant silentSince = now.minusSeconds(policy.idleAfterSeconds());
        Set<LiveAgent> freed = new HashSet<>();
        while (!state.activeChats.isEmpty() && !state.activeChats.first().lastCustomerAt.isAfter(silentSince)) {
            LiveHandoff h = state.activeChats.pollFirst();
            LiveAgent a = h.owner;
            state.detach(a);
            h.idle = true;
            a.recomputeLoad(policy.idleChatWeight());
            state.attach(a);
            freed.add(a);
        }
        freed.forEach(a -> dispatcher.pull(a, now, changes));
    }

    /**
     * Owners who have not answered in their team's time (or the policy's): a supervisor alert, or the
     * chat is requeued in front. {@code awaitingOwner} is ordered by when the customer began to wait,
     * and teams' times differ, so the walk goes as far as the shortest time reaches and skips chats
     * whose own team's time has not run out yet.
     */
    void unresponsive(Instant now, RoutingChanges.Builder changes) {
        int shortest = state.policy.shortestOwnerReplySeconds();
        if (shortest == 0) {
            return;
        }
        Instant reach = now.minusSeconds(shortest);
        List<LiveHandoff> due = new ArrayList<>();
        for (LiveHandoff h : state.awaitingOwner) {
            if (h.awaitingSince.isAfter(reach)) {
                break;
            }
            RoutingPolicy.OwnerReply rule = ruleFor(h);
            if (!rule.off() && !h.awaitingSince.plusSeconds(rule.seconds()).isAfter(now)) {
                due.add(h);
            }
        }
        for (LiveHandoff h : due) {
            state.awaitingOwner.remove(h);
            if (ruleFor(h).action() == RoutingPolicy.UnresponsiveAction.SUPERVISOR) {
                // Stays awaiting (not re-alerted) until the owner answers.
                changes.alerts.add(h.id());
                continue;
            }
            h.awaitingSince = null;
            LiveAgent owner = h.owner;
            endChat(h);
            h.excluded.add(owner.id());
            h.effectiveTime = state.frontTime();
            state.toWaiting(h, now);
            changes.requeued.add(h.id());
            dispatcher.push(h, now, changes);
            dispatcher.pull(owner, now, changes);
        }
    }
}
