package dev.handoff.integration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.integration.entity.ConnectorKind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Reading a customer's tickets and deals: the documented requests, the documented answers parsed, failures shown as unavailable. */
class RecordReadersTest extends LocalVendor.Test {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private final VendorHttp http = new VendorHttp(Duration.ofSeconds(1), Duration.ofSeconds(1), Clock.fixed(NOW, ZoneOffset.UTC));

    private static ConnectorConfig config(ConnectorKind kind, String url, Map<String, String> secrets, JsonObject settings) {
        return new ConnectorConfig(3, kind, kind.name().charAt(0) + kind.name().substring(1).toLowerCase(), url, settings, secrets);
    }

    static final String ZENDESK_SEARCH = "{\"results\":[{\"url\":\"https://acme.zendesk.com/api/v2/tickets/35436.json\",\"id\":35436,"
            + "\"external_id\":\"other-chat\",\"type\":\"incident\",\"subject\":\"Charged twice in November\",\"priority\":\"high\",\"status\":\"solved\","
            + "\"requester_id\":20978392,\"created_at\":\"2026-11-20T09:00:00Z\",\"updated_at\":\"2026-11-21T09:00:00Z\",\"result_type\":\"ticket\"},"
            + "{\"id\":35499,\"external_id\":\"conv-1\",\"subject\":\"Chat handoff: this one\",\"status\":\"new\",\"created_at\":\"2026-12-03T09:59:00Z\","
            + "\"result_type\":\"ticket\"}],\"facets\":null,\"next_page\":null,\"previous_page\":null,\"count\":2}";

    @Test
    void zendeskTicketsAreSearchedByRequesterEmailAndTheTicketOfThisChatIsLeftOut() throws Exception {
        String url = serve(s -> new DriversTest.Answer(200, ZENDESK_SEARCH, Map.of()));
        ConnectorConfig c = config(ConnectorKind.ZENDESK, url, Map.of("apiToken", "zd-token"), Json.createObjectBuilder().add("email", "ops@acme.com").build());
        CustomerRecords r = RecordReaders.read(c, new RecordReaders.Who("dana@example.com", "cus-77", null, "conv-1"), http);
        assertTrue(r.isAvailable(), r.toString());
        assertEquals("tickets", r.what());
        assertEquals(1, r.items().size(), r.toString());
        CustomerRecords.Item t = r.items().get(0);
        assertEquals(new CustomerRecords.Item("#35436", "Charged twice in November", "solved", "high", Instant.parse("2026-11-20T09:00:00Z"),
                url + "/agent/tickets/35436"), t);
        DriversTest.Seen get = seen.get(0);
        assertEquals("GET", get.method());
        assertEquals("/api/v2/search.json?query=type%3Aticket%20requester%3Adana%40example.com&sort_by=created_at&sort_order=desc", get.path());
        assertEquals("Basic " + Base64.getEncoder().encodeToString("ops@acme.com/token:zd-token".getBytes(StandardCharsets.UTF_8)), get.header("Authorization"));
    }

    @Test
    void zendeskWithoutAnEmailFindsTheUserByExternalId() throws Exception {
        String url = serve(s -> s.path().startsWith("/api/v2/users/search.json")
                ? new DriversTest.Answer(200, "{\"users\":[{\"id\":20978392,\"name\":\"Dana\",\"external_id\":\"cus-77\"}],\"count\":1}", Map.of())
                : new DriversTest.Answer(200, "{\"tickets\":[{\"id\":7,\"subject\":\"Password reset\",\"status\":\"open\",\"created_at\":\"2026-10-01T08:00:00Z\"}],"
                        + "\"count\":1,\"next_page\":null}", Map.of()));
        ConnectorConfig c = config(ConnectorKind.ZENDESK, url, Map.of("apiToken", "t"), Json.createObjectBuilder().add("email", "a@b.c").build());
        CustomerRecords r = RecordReaders.read(c, new RecordReaders.Who(null, "cus-77", null, "conv-1"), http);
        assertEquals(List.of("#7"), r.items().stream().map(CustomerRecords.Item::id).toList());
        assertEquals("/api/v2/users/search.json?external_id=cus-77", seen.get(0).path());
        assertEquals("/api/v2/users/20978392/tickets/requested.json?sort_by=created_at&sort_order=desc", seen.get(1).path());
    }

    @Test
    void freshdeskTicketsAreListedByEmailWithStatusesInWords() throws Exception {
        String url = serve(s -> new DriversTest.Answer(200, "[{\"id\":1042,\"subject\":\"Refund\",\"status\":4,\"priority\":2,\"requester_id\":5001,"
                + "\"created_at\":\"2026-11-02T10:00:00Z\",\"updated_at\":\"2026-11-03T10:00:00Z\"},{\"id\":1050,\"subject\":\"Invoice\",\"status\":2,"
                + "\"created_at\":\"2026-11-30T10:00:00Z\"}]", Map.of()));
        ConnectorConfig c = config(ConnectorKind.FRESHDESK, url, Map.of("apiKey", "fd-key"), JsonObject.EMPTY_JSON_OBJECT);
        CustomerRecords r = RecordReaders.read(c, new RecordReaders.Who("dana@example.com", "cus-77", null, "conv-1"), http);
        assertEquals(List.of("resolved", "open"), r.items().stream().map(CustomerRecords.Item::status).toList());
        assertEquals(url + "/a/tickets/1042", r.items().get(0).url());
        assertEquals("/api/v2/tickets?email=dana%40example.com&order_by=created_at&order_type=desc&per_page=5", seen.get(0).path());
        assertEquals("Basic " + Base64.getEncoder().encodeToString("fd-key:X".getBytes(StandardCharsets.UTF_8)), seen.get(0).header("Authorization"));
    }

    @Test
    void hubspotDealsComeThroughTheV4AssociationsAndABatchRead() throws Exception {
        String url = serve(s -> switch (s.path()) {
            case "/crm/v4/objects/contacts/501/associations/deals?limit=100" -> new DriversTest.Answer(200, "{\"results\":[{\"toObjectId\":1001,"
                    + "\"associationTypes\":[{\"category\":\"HUBSPOT_DEFINED\",\"typeId\":4,\"label\":null}]},{\"toObjectId\":1002,\"associationTypes\":[]}]}",
                    Map.of());
            case "/crm/v3/objects/deals/batch/read" -> new DriversTest.Answer(200, "{\"status\":\"COMPLETE\",\"results\":[{\"id\":\"1001\",\"properties\":"
                    + "{\"dealname\":\"Annual plan 2025\",\"amount\":\"12000\",\"dealstage\":\"closedwon\",\"closedate\":\"2025-01-10T00:00:00Z\"},"
                    + "\"archived\":false},{\"id\":\"1002\",\"properties\":{\"dealname\":\"Upgrade to Enterprise\",\"amount\":null,"
                    + "\"dealstage\":\"contractsent\",\"closedate\":\"2026-12-20T00:00:00Z\"},\"archived\":false}],"
                    + "\"startedAt\":\"2026-12-03T10:00:00Z\",\"completedAt\":\"2026-12-03T10:00:00Z\"}", Map.of());
            default -> new DriversTest.Answer(404, "{}", Map.of());
        });
        ConnectorConfig c = config(ConnectorKind.HUBSPOT, url, Map.of("token", "pat"), Json.createObjectBuilder().add("portalId", "4242").build());
        CustomerRecords r = RecordReaders.read(c, new RecordReaders.Who("dana@example.com", "cus-77", "501", "conv-1"), http);
        assertTrue(r.isAvailable(), r.toString());
        assertEquals("deals", r.what());
        assertEquals(List.of("Upgrade to Enterprise", "Annual plan 2025"), r.items().stream().map(CustomerRecords.Item::title).toList(), "latest first");
        assertEquals("amount 12000", r.items().get(1).detail());
        assertEquals("https://app.hubspot.com/contacts/4242/record/0-3/1001", r.items().get(1).url());
        assertEquals("Bearer pat", seen.get(0).header("Authorization"));
        JsonObject batch = seen.get(1).json();
        assertEquals("POST", seen.get(1).method());
        assertEquals(List.of("1002", "1001"), batch.getJsonArray("inputs").getValuesAs(JsonObject.class).stream().map(o -> o.getString("id")).toList());
        assertTrue(batch.getJsonArray("properties").toString().contains("dealname"));
    }

    @Test
    void aContactNotLinkedIsSearchedByEmailAndNoContactIsNotAFailure() throws Exception {
        String url = serve(s -> new DriversTest.Answer(200, "{\"total\":0,\"results\":[]}", Map.of()));
        ConnectorConfig c = config(ConnectorKind.HUBSPOT, url, Map.of("token", "pat"), JsonObject.EMPTY_JSON_OBJECT);
        CustomerRecords r = RecordReaders.read(c, new RecordReaders.Who("dana@example.com", "cus-77", null, "conv-1"), http);
        assertTrue(r.isAvailable());
        assertTrue(r.items().isEmpty());
        assertEquals(HubSpotDriver.NO_CONTACT, r.note());
        assertEquals("/crm/v3/objects/contacts/search", seen.get(0).path());
    }

    @Test
    void aFailingOrSlowVendorIsUnavailableWithTheReason() throws Exception {
        String url = serve(s -> {
            if (s.path().startsWith("/api/v2/tickets")) {
                try {
                    Thread.sleep(1_500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new DriversTest.Answer(200, "[]", Map.of());
            }
            return new DriversTest.Answer(503, "{\"error\":\"Service Unavailable\"}", Map.of());
        });
        CustomerRecords down = RecordReaders.read(config(ConnectorKind.ZENDESK, url, Map.of("apiToken", "t"), Json.createObjectBuilder().add("email", "a@b.c").build()),
                new RecordReaders.Who("dana@example.com", null, null, "conv-1"), http);
        assertFalse(down.isAvailable());
        assertEquals("Zendesk answered HTTP 503", down.unavailable());
        assertEquals("tickets", down.what());
        CustomerRecords slow = RecordReaders.read(config(ConnectorKind.FRESHDESK, url, Map.of("apiKey", "k"), JsonObject.EMPTY_JSON_OBJECT),
                new RecordReaders.Who("dana@example.com", null, null, "conv-1"), http);
        assertEquals("Freshdesk did not answer within 1 s", slow.unavailable());
        CustomerRecords unconfigured = RecordReaders.read(config(ConnectorKind.HUBSPOT, url, Map.of(), JsonObject.EMPTY_JSON_OBJECT),
                new RecordReaders.Who("dana@example.com", null, null, "conv-1"), http);
        assertEquals("the HubSpot access token is not configured", unconfigured.unavailable());
        assertFalse(unconfigured.toString().contains("pat"));
    }

    @Test
    void oddAnswersAreReadSafely() {
        assertTrue(RecordReaders.zendeskTickets(Json.createReader(new StringReader("[{\"id\":\"x\"},1,{\"id\":2,\"result_type\":\"user\"}]")).readArray(),
                null, null).isEmpty());
        assertTrue(RecordReaders.freshdeskTickets(JsonObject.EMPTY_JSON_OBJECT, null).isEmpty());
        assertTrue(RecordReaders.dealIds(Json.createReader(new StringReader("{\"results\":[{\"toObjectId\":\"1\"}]}")).readObject()).isEmpty());
        assertNull(RecordReaders.instant("yesterday"));
        assertEquals(CustomerRecords.MAX_ITEMS, new CustomerRecords("z", "zendesk", "tickets",
                java.util.Collections.nCopies(9, new CustomerRecords.Item("1", null, null, null, null, null)), null, null, NOW).items().size());
    }

    @Test
    void theCacheIsBoundedAndEntriesGoStaleAfterTheirTime() {
        RecordCache cache = new RecordCache(2);
        cache.put("a", List.of(), NOW);
        cache.put("b", List.of(), NOW);
        assertTrue(cache.get("a", NOW, Duration.ofSeconds(60)).isPresent());
        cache.put("c", List.of(), NOW);
        assertEquals(2, cache.size());
        assertTrue(cache.get("b", NOW, Duration.ofSeconds(60)).isEmpty(), "the least recently used went");
        assertFalse(cache.get("a", NOW.plusSeconds(59), Duration.ofSeconds(60)).orElseThrow().stale());
        assertTrue(cache.get("a", NOW.plusSeconds(60), Duration.ofSeconds(60)).orElseThrow().stale());
    }
}
