package dev.handoff.conversation.control;

import java.util.Optional;

/**
 * Whether anybody can take a chat handed over now, and if not why, so the customer is told honestly.
 * A port: routing implements it ({@code routing.boundary.Availability}), so the conversation does not
 * depend on routing (ADR 0063).
 */
public interface HandoffAvailability {

    /** Every team with an agent for the skill is outside its opening hours. */
    String CLOSED = "closed";
    /** No enabled agent (of the pilot group, if one is set) is online. */
    String NOBODY_ONLINE = "nobody-online";
    /** The queue is at the routing policy's cap. */
    String QUEUE_FULL = "queue-full";

    /** Why nobody can take a handoff now ({@link #CLOSED}, …), and when closed, when the first team that could take it opens again. */
    record Unavailable(String reason, String reopens) {}

    /** Empty when someone can take a chat needing {@code skill} now. */
    Optional<Unavailable> unavailability(String skill);
}
