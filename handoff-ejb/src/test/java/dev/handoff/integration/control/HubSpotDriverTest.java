package dev.handoff.integration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.conversation.boundary.ContextView;
import dev.handoff.conversation.boundary.ConversationView;
import dev.handoff.integration.entity.ConnectorKind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The HubSpot write-back note against a local server playing HubSpot's CRM v3 API (on a free port). */
class HubSpotDriverTest extends LocalVendor.Test {

    static ConversationView resolvedView(String crmSource, String crmId, String email) {
        var customer = new ConversationView.CustomerView("cus-77", "Dana Smith", email, "enterprise", new BigDecimal("12000"), null, null, null,
                crmSource, null, null, 0, crmId);
        var context = new ContextView("Charged twice for order #12345.", "extractive", null, List.of(), List.of(), DriversTest.NOW);
        return new ConversationView(DriversTest.CONVERSATION, "resolved", "web", customer, null, null, null, "billing", 90, "billing dispute: charged twice",
                List.of(), null, null, "dave", "Dave Agent", 4, DriversTest.NOW, DriversTest.NOW, DriversTest.NOW, DriversTest.NOW.plusSeconds(600),
                "Refunded", context, List.of(), null, null, null);
    }

    private static ConnectorConfig hubspot(String url) {
        return new ConnectorConfig(9, ConnectorKind.HUBSPOT, "HubSpot", url, Json.createObjectBuilder().add("portalId", "4242").build(),
                Map.of(HubSpotDriver.TOKEN, "pat-na1-secret"));
    }

    private static Delivery resolved(ConnectorConfig c, int attempt) {
        JsonObject payload = Json.createObjectBuilder().add("agent", "dave").add("resolution", "Refunded the <duplicate> charge").build();
        return new Delivery(1, "e1f2a3b4-0000-4000-8000-000000000001", "conversation.resolved", DriversTest.CONVERSATION, payload, attempt,
                DriversTest.NOW, c);
    }

    static final String NOTE_CREATED = "{\"id\":\"51234567890\",\"properties\":{\"hs_createdate\":\"2026-12-03T10:10:00.000Z\","
            + "\"hs_lastmodifieddate\":\"2026-12-03T10:10:00.000Z\",\"hs_object_id\":\"51234567890\"},\"createdAt\":\"2026-12-03T10:10:00.000Z\","
            + "\"updatedAt\":\"2026-12-03T10:10:00.000Z\",\"archived\":false}";

    @Test
    void aResolvedChatIsLoggedAsANoteOnTheLinkedContact() throws Exception {
        String url = serve(s -> new DriversTest.Answer(201, NOTE_CREATED, Map.of()));
        Outcome o = HubSpotDriver.INSTANCE.deliver(resolved(hubspot(url), 1), DriversTest.context(resolvedView("hubspot", "501", "dana@example.com"), null));
        assertEquals(Outcome.Kind.DELIVERED, o.kind(), o.toString());
        assertEquals(new Outcome.Link("51234567890", "https://app.hubspot.com/contacts/4242/record/0-1/501", "e1f2a3b4-0000-4000-8000-000000000001"),
                o.link());
        assertEquals(1, seen.size(), "the linked contact is not searched for, and a first attempt does not look for an earlier note");
        DriversTest.Seen post = seen.get(0);
        assertEquals("POST", post.method());
        assertEquals("/crm/v3/objects/notes", post.path());
        assertEquals("Bearer pat-na1-secret", post.header("Authorization"));
        assertEquals("application/json", post.header("Content-Type"));
        JsonObject body = post.json();
        JsonObject properties = body.getJsonObject("properties");
        assertEquals("2026-12-03T10:10:00Z", properties.getString("hs_timestamp"), "when the chat was closed");
        String note = properties.getString("hs_note_body");
        assertTrue(note.contains("Outcome: Refunded the &lt;duplicate&gt; charge<br>"), note);
        assertTrue(note.contains("Agent: dave<br>"), note);
        assertTrue(note.contains("Summary: Charged twice for order #12345."), note);
        assertTrue(note.contains("<a href=\"https://handoff.example.com/agent/chat.xhtml?id=" + DriversTest.CONVERSATION + "\">Open in Handoff</a>"), note);
        assertTrue(note.contains("Handoff reference: hfe1f2a3b4000040008000000000000001"), note);
        JsonObject association = body.getJsonArray("associations").getJsonObject(0);
        assertEquals("501", association.getJsonObject("to").getString("id"));
        JsonObject type = association.getJsonArray("types").getJsonObject(0);
        assertEquals("HUBSPOT_DEFINED", type.getString("associationCategory"));
        assertEquals(202, type.getInt("associationTypeId"));
    }

    @Test
    void withoutALinkedContactItIsFoundByEmailAndWithoutOneTheRowIsSkipped() throws Exception {
        String url = serve(s -> s.path().equals("/crm/v3/objects/contacts/search")
                ? new DriversTest.Answer(200, s.body().contains("dana@example.com")
                        ? "{\"total\":1,\"results\":[{\"id\":\"777\",\"properties\":{\"email\":\"dana@example.com\"},\"archived\":false}]}"
                        : "{\"total\":0,\"results\":[]}", Map.of())
                : new DriversTest.Answer(201, NOTE_CREATED, Map.of()));
        Outcome o = HubSpotDriver.INSTANCE.deliver(resolved(hubspot(url), 1), DriversTest.context(resolvedView(null, null, "dana@example.com"), null));
        assertTrue(o.ok(), o.toString());
        JsonObject search = seen.get(0).json().getJsonArray("filterGroups").getJsonObject(0).getJsonArray("filters").getJsonObject(0);
        assertEquals("email", search.getString("propertyName"));
        assertEquals("EQ", search.getString("operator"));
        assertEquals("777", seen.get(1).json().getJsonArray("associations").getJsonObject(0).getJsonObject("to").getString("id"));

        seen.clear();
        Outcome none = HubSpotDriver.INSTANCE.deliver(resolved(hubspot(url), 1), DriversTest.context(resolvedView(null, null, "nobody@example.com"), null));
        assertEquals(Outcome.Kind.SKIPPED, none.kind());
        assertTrue(none.error().startsWith(HubSpotDriver.NO_CONTACT), none.error());
        assertEquals(1, seen.size(), "no note without a contact");
    }

    @Test
    void aRetryFindsTheNoteAnEarlierAttemptMadeInsteadOfMakingASecond() throws Exception {
        String url = serve(s -> new DriversTest.Answer(200, "{\"total\":1,\"results\":[{\"id\":\"51234567890\",\"properties\":{}}]}", Map.of()));
        Outcome o = HubSpotDriver.INSTANCE.deliver(resolved(hubspot(url), 2), DriversTest.context(resolvedView("hubspot", "501", null), null));
        assertEquals(Outcome.Kind.DELIVERED, o.kind());
        assertEquals("51234567890", o.link().externalId());
        assertEquals(1, seen.size(), "no second note");
        assertEquals("/crm/v3/objects/notes/search", seen.get(0).path());
        JsonObject filter = seen.get(0).json().getJsonArray("filterGroups").getJsonObject(0).getJsonArray("filters").getJsonObject(0);
        assertEquals("hs_note_body", filter.getString("propertyName"));
        assertEquals("CONTAINS_TOKEN", filter.getString("operator"));
        assertEquals(HubSpotDriver.ref("e1f2a3b4-0000-4000-8000-000000000001"), filter.getString("value"));
    }

    @Test
    void rateLimitsAreRetriedAfterRetryAfterAndBadTokensWait() throws Exception {
        String url = serve(s -> s.header("Authorization").endsWith("pat-na1-secret")
                ? new DriversTest.Answer(429, "{\"status\":\"error\",\"message\":\"You have reached your secondly limit.\",\"errorType\":\"RATE_LIMIT\","
                        + "\"correlationId\":\"c-1\",\"policyName\":\"SECONDLY\"}", Map.of("Retry-After", "10"))
                : new DriversTest.Answer(401, "{\"status\":\"error\",\"message\":\"Authentication credentials not found.\",\"category\":\"INVALID_AUTHENTICATION\"}",
                        Map.of()));
        Outcome limited = HubSpotDriver.INSTANCE.deliver(resolved(hubspot(url), 1), DriversTest.context(resolvedView("hubspot", "501", null), null));
        assertEquals(Outcome.Kind.RETRY, limited.kind());
        assertEquals(429, limited.status());
        assertEquals(Duration.ofSeconds(10), limited.retryAfter());
        ConnectorConfig wrong = new ConnectorConfig(9, ConnectorKind.HUBSPOT, "HubSpot", url, JsonObject.EMPTY_JSON_OBJECT, Map.of(HubSpotDriver.TOKEN, "old"));
        Outcome refused = HubSpotDriver.INSTANCE.deliver(new Delivery(2, "x", Delivery.TEST, null, JsonObject.EMPTY_JSON_OBJECT, 1, DriversTest.NOW, wrong),
                DriversTest.context(resolvedView("hubspot", "501", null), null));
        assertEquals(Outcome.Kind.RETRY, refused.kind(), "an admin may still fix the token");
        assertEquals("/crm/v3/objects/contacts?limit=1", seen.get(1).path());
        assertEquals("GET", seen.get(1).method());
    }

    @Test
    void searchAnswersAreReadSafely() {
        assertEquals("9", HubSpotDriver.firstId(Json.createReader(new StringReader("{\"results\":[{\"id\":\"9\"}]}")).readObject()));
        assertNull(HubSpotDriver.firstId(Json.createReader(new StringReader("{\"results\":[]}")).readObject()));
        assertNull(HubSpotDriver.firstId(Json.createReader(new StringReader("{\"results\":[{\"id\":9}]}")).readObject()));
        assertNull(HubSpotDriver.firstId(JsonObject.EMPTY_JSON_OBJECT));
        assertEquals("hfab12", HubSpotDriver.ref("ab-12"), "one token: letters and digits");
    }
}
