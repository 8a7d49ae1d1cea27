package dev.handoff.integration.control;

import jakarta.json.JsonObject;
import java.time.Instant;

/** One outbox row being delivered: which event, for which conversation, the event's data, the attempt number (1 for the first). */
public record Delivery(long outboxId, String eventId, String eventType, String conversationId, JsonObject payload, int attempt,
        Instant createdAt, ConnectorConfig connector) {

    /** The event type of the test a connector's "send test" button queues. */
    public static final String TEST = "integration.test";
    /** A reply to a Slack user who clicked a button (through the click's response_url). */
    public static final String SLACK_RESPOND = "slack.respond";
}
