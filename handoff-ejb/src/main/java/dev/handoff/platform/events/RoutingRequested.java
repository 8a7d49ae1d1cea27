package dev.handoff.platform.events;

/**
 * This server wrote routing requests for the routing engine's server (ADR 0044); observed after commit
 * to nudge that server over the data grid. Fired at most once per transaction.
 */
public record RoutingRequested() {}
