package dev.handoff.routing.control;

/** Where a handoff the engine knows stands. Released handoffs are forgotten. */
public enum HandoffState {
    /** Queued, no offer out. */
    WAITING,
    /** Offered to one agent, who has not answered yet. */
    OFFERED,
    /** Accepted by, or assigned to, exactly one agent. */
    OWNED
}
