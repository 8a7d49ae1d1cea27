package dev.handoff.conversation.control;

import dev.handoff.conversation.entity.Conversation;
import java.util.Optional;

/**
 * What the conversation tells the queue of handed-over chats, inside the calling boundary's transaction
 * and at the point where it happens: a chat handed over waits for a person, its customer wrote again, it
 * ended. A port: routing implements it ({@code routing.boundary.RoutingService}), so the conversation does
 * not depend on routing (ADR 0063).
 */
public interface HandoffQueue {

    /** Queues a handed-over conversation and offers it to the best agent with room; that agent's username, if one. */
    Optional<String> route(Conversation conversation);

    /** The customer wrote in an assigned chat: its owner is expected to answer. */
    void customerWrote(String conversationId);

    /** Closes the pending offers of a conversation just taken ({@code winner}) or closed ({@code null}). */
    void settleOffers(String conversationId, String winner);

    /** The conversation ended: it leaves the queue, and its agent's seat is free. */
    void released(String conversationId);
}
