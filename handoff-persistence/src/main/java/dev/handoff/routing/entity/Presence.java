package dev.handoff.routing.entity;

/** Whether an agent can be offered new work. Only {@link #ONLINE} agents receive offers. */
public enum Presence {
    ONLINE,
    AWAY,
    OFFLINE
}
