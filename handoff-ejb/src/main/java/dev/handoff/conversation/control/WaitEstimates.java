package dev.handoff.conversation.control;

import dev.handoff.conversation.entity.Conversation;
import java.util.List;
import java.util.Map;

/**
 * Where a waiting conversation stands in its queue and how long it will wait, for its view and for the
 * customer. A port: routing implements it ({@code routing.control.QueueEstimator}), so the conversation
 * does not depend on routing (ADR 0063). Runs inside the caller's transaction.
 */
public interface WaitEstimates {

    /** Place in the queue (1 = next) and the expected wait in seconds. */
    record Estimate(int position, long waitSeconds) {}

    Estimate estimate(Conversation conversation);

    /** The estimates of many queued conversations, by id, with one pass over the queues. */
    Map<String, Estimate> estimates(List<Conversation> conversations);
}
