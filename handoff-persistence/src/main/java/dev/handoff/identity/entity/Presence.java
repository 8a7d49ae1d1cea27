package dev.handoff.identity.entity;

/**
 * Whether an agent can be offered new work. Only {@link #ONLINE} agents receive offers; a
 * {@link #BUSY} agent keeps the offers already made and gets no new ones (in a call, in a meeting).
 */
public enum Presence {
    ONLINE,
    BUSY,
    AWAY,
    OFFLINE
}
