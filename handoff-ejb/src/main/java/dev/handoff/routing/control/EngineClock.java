package dev.handoff.routing.control;

import java.time.Instant;

/**
 * The scheduling clock behind {@link RoutingEngine#tick}: expires offers, moves waiting handoffs into
 * their next ring or a new round, marks idle chats and acts on unresponsive owners. Only called under
 * the {@link RoutingEngine}'s lock.
 */
final class EngineClock {

    private final RoutingState state;
    private final Dispatcher dispatcher;
    private final OfferLifecycle offers;
    private final OwnershipLifecycle ownership;

    EngineClock(RoutingState state, Dispatcher dispatcher, OfferLifecycle offers, OwnershipLifecycle ownership) {
        this.state = state;
        this.dispatcher = dispatcher;
        this.offers = offers;
        this.ownership = ownership;
    }

    void tick(Instant now, RoutingChanges.Builder changes) {
        offers.expire(now, changes);
        advance(now, changes);
        ownership.markIdle(now, changes);
        ownership.unresponsive(now, changes);
    }

    /** Handoffs due on the schedule: into the ring their wait has reached (and a new round if due), then pushed. */
    private void advance(Instant now, RoutingChanges.Builder changes) {
        while (!state.schedule.isEmpty() && !state.schedule.first().evalAt.isAfter(now)) {
            LiveHandoff h = state.schedule.first();
            state.fromWaiting(h);
            if (h.retryAt != null && !h.retryAt.isAfter(now)) {
                h.excluded.clear();
                h.retryAt = null;
            }
            state.toWaiting(h, now);
            dispatcher.push(h, now, changes);
        }
    }
}
