package dev.handoff.routing.control;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** The engine's mutable state of one handoff from enqueue to release; guarded by the engine's lock. */
final class LiveHandoff {

    final HandoffRequest request;
    final long seq;
    final double points;
    HandoffState state = HandoffState.WAITING;

    /** Order in the queue, in epoch seconds: enqueue time minus the priority head start. Lower first. */
    double effectiveTime;
    /** The overflow ring reached while waiting. */
    int ring;
    /** Waiting: when the engine must look at it again (next ring, or a new round). */
    Instant evalAt;
    /** A new round starts then: exclusions are forgotten. */
    Instant retryAt;
    WaitingQueues.Key bucket;
    /** Agents who declined or let an offer expire in this round. */
    final Set<Long> excluded = new HashSet<>();

    RouteOffer offer;
    LiveAgent owner;
    boolean idle;
    Instant lastCustomerAt;
    /** When the customer started waiting for the owner's reply; null when the owner has answered. */
    Instant awaitingSince;

    LiveHandoff(HandoffRequest request, long seq, double points) {
        this.request = request;
        this.seq = seq;
        this.points = points;
    }

    String id() {
        return request.id();
    }
}
