package dev.handoff.routing.control;

import java.util.Optional;

/** What became of an attempt to route one handoff. */
public record RouteResult(Outcome outcome, RouteOffer offer) {

    public enum Outcome {
        /** Offered to an agent: see {@link #offer()}. */
        OFFERED,
        /** Queued, but no agent matches its rings with room right now. */
        NO_AGENT,
        /** Not queued: the queue holds {@link RoutingPolicy#queueCap()} handoffs already. */
        QUEUE_FULL,
        /** The handoff is not waiting (unknown, offered or owned). */
        NOT_WAITING
    }

    public Optional<RouteOffer> offered() {
        return Optional.ofNullable(offer);
    }
}
