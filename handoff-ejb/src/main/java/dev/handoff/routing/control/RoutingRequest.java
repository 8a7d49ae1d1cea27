package dev.handoff.routing.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A change of routing state made by a server that does not hold the routing engine (ADR 0044), written
 * to {@code routing_request} in the same transaction as the change itself. The engine's server applies
 * it by reading the handoff or agent named from the database, then deletes it.
 *
 * @param id        the row's id: requests are applied in this order
 * @param kind      what changed
 * @param handoffId the handoff (conversation) concerned, if any
 * @param agentId   the agent concerned, if any
 */
public record RoutingRequest(long id, Kind kind, String handoffId, Long agentId) {

    /** What the other server changed, and so what the engine must look at again. */
    public enum Kind {
        /** A handoff is waiting (escalated, transferred to a skill, put back): queue and offer it. */
        ROUTE,
        /** The agent won the accept in the database: the engine makes them the owner. */
        ACCEPTED,
        /** The agent passed on the offer (its row is closed): offer to the next agent. */
        DECLINED,
        /** The chat was given to another agent (transfer, escalation to a supervisor). */
        TRANSFERRED,
        /** The chat was resolved or closed: it leaves the engine, its agent pulls the next one. */
        RELEASED,
        /** The chat was taken from its owner to the front of the queue. */
        REQUEUED_FRONT,
        /** The customer wrote in an assigned chat. */
        CUSTOMER_WROTE,
        /** The owner answered. */
        AGENT_REPLIED,
        /** The owner is working on the chat (typing, reading). */
        OWNER_ACTIVE,
        /** The agent's presence, profile, capacity or account changed. */
        AGENT,
        /** A routing policy was published. */
        POLICY
    }

    public RoutingRequest {
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * The requests to apply, in order, each once: a request equal in kind, handoff and agent to an
     * earlier one in the same batch adds nothing, because each is applied from the database as it is
     * now, not from what it was when the request was written.
     */
    public static List<RoutingRequest> toApply(List<RoutingRequest> batch) {
        Set<List<Object>> seen = new LinkedHashSet<>();
        List<RoutingRequest> once = new ArrayList<>();
        for (RoutingRequest r : batch) {
            if (seen.add(java.util.Arrays.asList(r.kind(), r.handoffId(), r.agentId()))) {
                once.add(r);
            }
        }
        return once;
    }
}
