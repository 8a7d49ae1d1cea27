package dev.handoff.conversation.control;

import dev.handoff.conversation.entity.Conversation;
import java.time.Instant;

/**
 * Where a customer's request for a callback or an e-mail answer goes, inside the request's transaction.
 * A port: the desk implements it ({@code desk.boundary.FollowUpService}), so the conversation does not
 * depend on the desk (ADR 0047).
 */
public interface FollowUps {

    /** A follow-up task for the conversation: {@code channel} "phone" is a callback, anything else an e-mail answer. */
    void create(Conversation conversation, String channel, String contact, String preferredTime, Instant now);
}
