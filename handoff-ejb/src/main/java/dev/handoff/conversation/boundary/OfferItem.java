package dev.handoff.conversation.boundary;

import java.time.Instant;

/**
 * An offer waiting for the viewer, as the chat workspace lists it beside the chats it owns: who, why,
 * how long the customer has waited, and when the offer moves on to the next agent.
 *
 * @param expiresAt null when the routing engine no longer holds the offer (it is about to vanish)
 */
public record OfferItem(String conversationId, String customerName, String reason, String skill, Instant escalatedAt,
        Instant expiresAt) {

    /** The reason cut to a line for the list. */
    public String reasonLine() {
        String t = reason == null ? "" : reason.replace('\n', ' ').strip();
        return t.length() > 80 ? t.substring(0, 79) + "\u2026" : t;
    }
}
