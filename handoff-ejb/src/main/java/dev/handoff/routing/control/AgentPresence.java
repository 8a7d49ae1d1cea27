package dev.handoff.routing.control;

/**
 * An agent's presence as the routing engine sees it. Only {@link #ONLINE} agents are offered work.
 * {@link #BUSY} keeps the offers already made; {@link #AWAY} and {@link #OFFLINE} hand them back.
 */
public enum AgentPresence {
    ONLINE,
    BUSY,
    AWAY,
    OFFLINE;

    boolean keepsOffers() {
        return this == ONLINE || this == BUSY;
    }
}
