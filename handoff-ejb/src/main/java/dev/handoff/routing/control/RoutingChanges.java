package dev.handoff.routing.control;

import java.util.ArrayList;
import java.util.List;

/**
 * What one engine operation changed, for the caller to persist and push to agents.
 *
 * @param offered new offers, in the order made
 * @param withdrawn offers taken back without an answer (expired, agent went away, room needed)
 * @param requeued handoffs taken from their owner and queued again (unresponsive owner, requeue, reassignment)
 * @param supervisorAlerts handoffs whose owner has not answered within the policy's time
 */
public record RoutingChanges(List<RouteOffer> offered, List<RouteOffer> withdrawn, List<String> requeued,
        List<String> supervisorAlerts) {

    static final RoutingChanges NONE = new RoutingChanges(List.of(), List.of(), List.of(), List.of());

    public RoutingChanges {
        offered = List.copyOf(offered);
        withdrawn = List.copyOf(withdrawn);
        requeued = List.copyOf(requeued);
        supervisorAlerts = List.copyOf(supervisorAlerts);
    }

    /** Collects changes during one locked operation. */
    static final class Builder {
        final List<RouteOffer> offered = new ArrayList<>();
        final List<RouteOffer> withdrawn = new ArrayList<>();
        final List<String> requeued = new ArrayList<>();
        final List<String> alerts = new ArrayList<>();

        RoutingChanges build() {
            if (offered.isEmpty() && withdrawn.isEmpty() && requeued.isEmpty() && alerts.isEmpty()) {
                return NONE;
            }
            return new RoutingChanges(offered, withdrawn, requeued, alerts);
        }
    }
}
