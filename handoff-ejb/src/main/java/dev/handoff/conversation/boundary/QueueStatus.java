package dev.handoff.conversation.boundary;

/**
 * Where a conversation stands for the customer, as the widget's status line and the API's SSE event
 * {@code queue} carry it: state, place in line and estimated wait while queued (with the text the
 * customer reads), how long they have waited, and why nobody can take it now (if so).
 */
public record QueueStatus(String conversationId, String state, String topic, Integer position, Long estimatedWaitSeconds,
        long waitedSeconds, String text, String unavailable) {}
