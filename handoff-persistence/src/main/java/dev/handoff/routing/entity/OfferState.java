package dev.handoff.routing.entity;

/** An offer is pending until the agent accepts or declines, it times out, or someone else takes the chat. */
public enum OfferState {
    PENDING,
    ACCEPTED,
    DECLINED,
    EXPIRED,
    WITHDRAWN
}
