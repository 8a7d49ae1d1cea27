package dev.handoff.integration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.conversation.boundary.ContextView;
import dev.handoff.conversation.boundary.ConversationView;
import dev.handoff.conversation.boundary.MessageView;
import dev.handoff.integration.entity.ConnectorKind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Freshdesk and Teams against a local server playing them (the documented request: method, path,
 * headers, auth, JSON; the documented answers, 429 with Retry-After and 5xx included). Zendesk,
 * Slack and webhooks are played the same way in IntegrationsApiIT, inside a running server.
 */
class DriversTest extends LocalVendor.Test {

    /** The last port of this IT's range (issue 14's 28731-28739), below the ephemeral range. */
    static final int PORT = Integer.getInteger("handoff.test.vendorPort", 28739);
    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    static final String CONVERSATION = "0b5a3c1e-2f4d-4e6a-8b7c-9d0e1f2a3b4c";

    record Seen(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    record Answer(int status, String body, Map<String, String> headers) {}

    @Override
    int port() {
        return PORT;
    }

    static ConversationView view(String email) {
        var customer = new ConversationView.CustomerView("cus-77", "Dana Smith", email, "enterprise", new BigDecimal("12000"), null, null, null,
                null, null, null, 0, null);
        var context = new ContextView("Charged twice for order #12345.", "extractive", null, List.of(), List.of(), NOW);
        return new ConversationView(CONVERSATION, "queued", "web", customer, "https://app.example.com/billing", "Billing", null, "billing", 90,
                "billing dispute: charged twice", List.of(), 1, 120L, null, null, 2, NOW, NOW, null, null, null, context, List.of(), null, null, null);
    }

    static DeliveryContext context(ConversationView view, Outcome.Link link) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        VendorHttp http = new VendorHttp(Duration.ofSeconds(2), Duration.ofSeconds(5), clock);
        return new DeliveryContext() {
            @Override
            public Optional<Snapshot> conversation(String id) {
                return Optional.of(new Snapshot(view, List.of(new MessageView(1, "customer", null, "I was charged twice <b>again</b>", null, null, null, NOW))));
            }

            @Override
            public Optional<Outcome.Link> link(String id) {
                return Optional.ofNullable(link);
            }

            @Override
            public VendorHttp http() {
                return http;
            }

            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public String publicUrl() {
                return "https://handoff.example.com/";
            }
        };
    }

    static Delivery delivery(ConnectorConfig c, String type, JsonObject payload) {
        return new Delivery(1, "e1f2a3b4-0000-4000-8000-000000000001", type, CONVERSATION, payload, 1, NOW, c);
    }

    @Test
    void freshdeskCreatesATicketWithTheApiKeyAndReadsItsId() throws Exception {
        String url = serve(s -> new Answer(201, "{\"id\":1042,\"subject\":\"Chat handoff\",\"status\":2,\"priority\":4,\"source\":7,"
                + "\"requester_id\":5001,\"created_at\":\"2026-12-03T10:00:00Z\"}", Map.of()));
        ConnectorConfig c = new ConnectorConfig(7, ConnectorKind.FRESHDESK, "Freshdesk", url, Json.createObjectBuilder().build(), Map.of("apiKey", "fd-key"));
        Outcome o = FreshdeskDriver.INSTANCE.deliver(delivery(c, "handoff.escalated", JsonObject.EMPTY_JSON_OBJECT), context(view("dana@example.com"), null));
        assertEquals(Outcome.Kind.DELIVERED, o.kind(), o.toString());
        assertEquals(new Outcome.Link("1042", url + "/a/tickets/1042", null), o.link());
        Seen post = seen.get(0);
        assertEquals("POST", post.method());
        assertEquals("/api/v2/tickets", post.path());
        assertEquals("Basic " + Base64.getEncoder().encodeToString("fd-key:X".getBytes(StandardCharsets.UTF_8)), post.header("Authorization"));
        assertEquals("application/json", post.header("Content-Type"));
        JsonObject t = post.json();
        assertEquals("dana@example.com", t.getString("email"));
        assertEquals(4, t.getInt("priority"), "urgent");
        assertEquals(2, t.getInt("status"), "open");
        assertEquals(7, t.getInt("source"), "chat");
        assertTrue(t.getString("description").contains("I was charged twice &lt;b&gt;again&lt;/b&gt;"), "HTML-escaped transcript: " + t.getString("description"));
        assertTrue(t.getString("description").contains("Reason: billing dispute: charged twice<br>"), t.getString("description"));
        assertTrue(t.getString("subject").startsWith("Chat handoff: Dana Smith"));
    }

    @Test
    void freshdeskWithoutAnEmailUsesTheExternalIdAndRateLimitsAreRetriedAfterRetryAfter() throws Exception {
        String url = serve(s -> new Answer(429, "{\"message\":\"You have exceeded the limit of requests per hour\"}", Map.of("Retry-After", "37")));
        ConnectorConfig c = new ConnectorConfig(7, ConnectorKind.FRESHDESK, "Freshdesk", url, Json.createObjectBuilder().build(), Map.of("apiKey", "fd-key"));
        Outcome o = FreshdeskDriver.INSTANCE.deliver(delivery(c, "handoff.escalated", JsonObject.EMPTY_JSON_OBJECT), context(view(null), null));
        assertEquals(Outcome.Kind.RETRY, o.kind());
        assertEquals(429, o.status());
        assertEquals(Duration.ofSeconds(37), o.retryAfter());
        assertEquals("cus-77", seen.get(0).json().getString("unique_external_id"));
        assertNull(seen.get(0).json().get("email"));
    }

    @Test
    void freshdeskResolvesTheTicketThenAddsAPrivateNote() throws Exception {
        String url = serve(s -> s.method().equals("PUT") ? new Answer(200, "{\"id\":1042,\"status\":4}", Map.of())
                : new Answer(201, "{\"id\":9,\"body\":\"note\",\"private\":true,\"ticket_id\":1042}", Map.of()));
        ConnectorConfig c = new ConnectorConfig(7, ConnectorKind.FRESHDESK, "Freshdesk", url, Json.createObjectBuilder().build(), Map.of("apiKey", "fd-key"));
        JsonObject resolved = Json.createObjectBuilder().add("agent", "dave").add("resolution", "Refunded <twice>").build();
        Outcome o = FreshdeskDriver.INSTANCE.deliver(delivery(c, "conversation.resolved", resolved), context(view(null), new Outcome.Link("1042", null, null)));
        assertTrue(o.ok(), o.toString());
        assertEquals("PUT", seen.get(0).method());
        assertEquals("/api/v2/tickets/1042", seen.get(0).path());
        assertEquals(4, seen.get(0).json().getInt("status"));
        assertEquals("POST", seen.get(1).method());
        assertEquals("/api/v2/tickets/1042/notes", seen.get(1).path());
        assertTrue(seen.get(1).json().getBoolean("private"));
        assertEquals("Resolved in Handoff by dave: Refunded &lt;twice&gt;", seen.get(1).json().getString("body"));
    }

    @Test
    void freshdeskServerErrorsAreRetriedAndBadRequestsRefused() throws Exception {
        String url = serve(s -> s.method().equals("GET") ? new Answer(503, "", Map.of())
                : new Answer(400, "{\"description\":\"Validation failed\",\"errors\":[{\"field\":\"email\",\"message\":\"It should be a valid email\",\"code\":\"invalid_value\"}]}", Map.of()));
        ConnectorConfig c = new ConnectorConfig(7, ConnectorKind.FRESHDESK, "Freshdesk", url, Json.createObjectBuilder().build(), Map.of("apiKey", "fd-key"));
        Outcome test = FreshdeskDriver.INSTANCE.deliver(delivery(c, Delivery.TEST, JsonObject.EMPTY_JSON_OBJECT), context(view(null), null));
        assertEquals(Outcome.Kind.RETRY, test.kind());
        assertEquals("/api/v2/agents/me", seen.get(0).path());
        Outcome create = FreshdeskDriver.INSTANCE.deliver(delivery(c, "handoff.escalated", JsonObject.EMPTY_JSON_OBJECT), context(view("x"), null));
        assertEquals(Outcome.Kind.REFUSED, create.kind(), "a 400 will not pass by waiting");
        assertTrue(create.error().contains("Validation failed"), create.error());
    }

    @Test
    void teamsGetsAnAdaptiveCardWithAnOpenInHandoffLink() throws Exception {
        String url = serve(s -> new Answer(200, "1", Map.of()));
        ConnectorConfig c = new ConnectorConfig(8, ConnectorKind.TEAMS, "Teams", url + "/webhookb2/abc/IncomingWebhook/def",
                Json.createObjectBuilder().build(), Map.of());
        Outcome o = TeamsDriver.INSTANCE.deliver(delivery(c, "handoff.escalated", JsonObject.EMPTY_JSON_OBJECT), context(view(null), null));
        assertTrue(o.ok(), o.toString());
        Seen post = seen.get(0);
        assertEquals("POST", post.method());
        assertEquals("/webhookb2/abc/IncomingWebhook/def", post.path());
        assertEquals("application/json", post.header("Content-Type"));
        JsonObject message = post.json();
        assertEquals("message", message.getString("type"));
        JsonObject attachment = message.getJsonArray("attachments").getJsonObject(0);
        assertEquals("application/vnd.microsoft.card.adaptive", attachment.getString("contentType"));
        JsonObject card = attachment.getJsonObject("content");
        assertEquals("AdaptiveCard", card.getString("type"));
        assertEquals("1.4", card.getString("version"));
        assertTrue(card.getJsonArray("body").toString().contains("Dana Smith - billing dispute: charged twice"), card.toString());
        assertTrue(card.getJsonArray("body").toString().contains("\"title\":\"Expected wait\",\"value\":\"~2 min\""), card.toString());
        JsonObject open = card.getJsonArray("actions").getJsonObject(0);
        assertEquals("Action.OpenUrl", open.getString("type"));
        assertEquals("https://handoff.example.com/agent/chat.xhtml?id=" + CONVERSATION, open.getString("url"));
    }

    @Test
    void teamsThrottlingIsRetriedAfterItsRetryAfterAndOtherEventsAreNotSent() throws Exception {
        String url = serve(s -> new Answer(429, "Microsoft Teams endpoint returned HTTP error 429", Map.of("Retry-After", "5")));
        ConnectorConfig c = new ConnectorConfig(8, ConnectorKind.TEAMS, "Teams", url + "/workflows/trigger", Json.createObjectBuilder().build(), Map.of());
        Outcome o = TeamsDriver.INSTANCE.deliver(delivery(c, Delivery.TEST, JsonObject.EMPTY_JSON_OBJECT), context(view(null), null));
        assertEquals(Outcome.Kind.RETRY, o.kind());
        assertEquals(Duration.ofSeconds(5), o.retryAfter());
        Outcome skipped = TeamsDriver.INSTANCE.deliver(delivery(c, "handoff.accepted", JsonObject.EMPTY_JSON_OBJECT), context(view(null), null));
        assertEquals(Outcome.Kind.SKIPPED, skipped.kind());
        assertEquals(1, seen.size());
        assertFalse(Driver.wants(ConnectorKind.TEAMS, "handoff.accepted", JsonObject.EMPTY_JSON_OBJECT));
        assertTrue(Driver.wants(ConnectorKind.TEAMS, "handoff.escalated", JsonObject.EMPTY_JSON_OBJECT));
        assertTrue(Driver.wants(ConnectorKind.HUBSPOT, "conversation.resolved", JsonObject.EMPTY_JSON_OBJECT), "the CRM write-back");
        assertFalse(Driver.wants(ConnectorKind.HUBSPOT, "handoff.escalated", JsonObject.EMPTY_JSON_OBJECT));
    }

    @Test
    void aFollowUpRequestIsANoteOnTheHandoffsTicket() throws Exception {
        String url = serve(s -> new Answer(200, "{\"ticket\":{\"id\":35436,\"status\":\"open\",\"tags\":[\"handoff\",\"follow_up\"]}}", Map.of()));
        ConnectorConfig zendesk = new ConnectorConfig(9, ConnectorKind.ZENDESK, "Zendesk", url, Json.createObjectBuilder().add("email", "a@example.com").build(),
                Map.of("apiToken", "t"));
        JsonObject request = Json.createObjectBuilder().add("channel", "phone").add("contact", "+49 30 1234567").add("preferredTime", "after 17:00").build();
        assertTrue(Driver.wants(ConnectorKind.ZENDESK, "handoff.follow-up-requested", JsonObject.EMPTY_JSON_OBJECT));
        Outcome o = ZendeskDriver.INSTANCE.deliver(delivery(zendesk, "handoff.follow-up-requested", request), context(view(null), new Outcome.Link("35436", null, null)));
        assertTrue(o.ok(), o.toString());
        Seen put = seen.get(0);
        assertEquals("PUT", put.method());
        assertEquals("/api/v2/tickets/35436.json", put.path());
        JsonObject ticket = put.json().getJsonObject("ticket");
        assertEquals("follow_up", ticket.getJsonArray("additional_tags").getString(0));
        assertFalse(ticket.getJsonObject("comment").getBoolean("public"));
        assertEquals("The customer asked for a call back on +49 30 1234567 (preferred: after 17:00) instead of waiting in the chat.",
                ticket.getJsonObject("comment").getString("body"));
    }

    @Test
    void aTicketMadeFromAnEmptyTranscriptIsMarkedForTheHealthPage() {
        assertEquals(HandoffText.NO_TRANSCRIPT, HandoffText.completeness(List.of()));
        assertNull(HandoffText.completeness(List.of(new MessageView(1, "customer", null, "hello", null, null, null, NOW))));
    }
}
