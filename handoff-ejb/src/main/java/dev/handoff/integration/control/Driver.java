package dev.handoff.integration.control;

import dev.handoff.integration.entity.ConnectorKind;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;

/** Delivers outbox rows to one kind of system. Drivers are stateless; one instance per kind. */
public interface Driver {

    Outcome deliver(Delivery delivery, DeliveryContext context);

    /** The driver for a kind, or null when this version has none (the rows wait). */
    static Driver of(ConnectorKind kind) {
        return switch (kind) {
            case WEBHOOK -> WebhookDriver.INSTANCE;
            case SLACK -> SlackDriver.INSTANCE;
            case ZENDESK -> ZendeskDriver.INSTANCE;
            case FRESHDESK -> FreshdeskDriver.INSTANCE;
            case TEAMS -> TeamsDriver.INSTANCE;
            case HUBSPOT -> HubSpotDriver.INSTANCE;
        };
    }

    /** The domain events each kind of connector is sent; a webhook's {@code events} setting narrows its set. */
    static boolean wants(ConnectorKind kind, String eventType, JsonObject settings) {
        if (of(kind) == null) {
            return false;
        }
        return switch (kind) {
            case WEBHOOK -> webhookWants(eventType, settings);
            case SLACK -> Set.of("handoff.escalated", "handoff.accepted", "conversation.closed").contains(eventType);
            case ZENDESK, FRESHDESK -> Set.of("handoff.escalated", "handoff.follow-up-requested", "conversation.resolved").contains(eventType);
            case TEAMS -> "handoff.escalated".equals(eventType);
            case HUBSPOT -> "conversation.resolved".equals(eventType);
        };
    }

    private static boolean webhookWants(String eventType, JsonObject settings) {
        JsonValue events = settings.get("events");
        if (!(events instanceof JsonArray list) || list.isEmpty()) {
            return true;
        }
        return list.stream().anyMatch(v -> v instanceof JsonString s && (s.getString().equals(eventType) || s.getString().equals("*")));
    }
}
