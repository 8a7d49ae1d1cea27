package dev.handoff.routing.control;

import java.time.Instant;

/**
 * An offer of a handoff to one agent, open until {@code expiresAt}.
 *
 * @param id unique per engine, increasing
 * @param ring the overflow ring (index into {@link RoutingPolicy#rings()}) in which the agent matched
 */
public record RouteOffer(long id, String handoffId, long agentId, int ring, Instant offeredAt, Instant expiresAt) {}
