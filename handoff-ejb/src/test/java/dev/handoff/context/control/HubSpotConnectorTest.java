package dev.handoff.context.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.context.control.CrmUnavailableException.Reason;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HubSpotConnectorTest {

    private static final String TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555";
    private static final String PROPS = "email,firstname,lastname,company,handoff_tier,handoff_account_value,"
            + "handoff_renewal_date,hubspot_owner_id,handoff_notes";
    private static final String CONTACT = "{\"id\":\"501\",\"properties\":{\"createdate\":\"2025-01-10T08:00:00.000Z\","
            + "\"email\":\"dana@example.com\",\"firstname\":\"Dana\",\"lastname\":\"Whitfield\",\"company\":\"Acme GmbH\","
            + "\"handoff_tier\":\"gold\",\"handoff_account_value\":\"12000.50\",\"handoff_renewal_date\":\"2026-09-30\","
            + "\"hubspot_owner_id\":\"7788\",\"handoff_notes\":null,\"hs_object_id\":\"501\","
            + "\"lastmodifieddate\":\"2026-03-01T10:00:00.000Z\"},"
            + "\"createdAt\":\"2025-01-10T08:00:00.000Z\",\"updatedAt\":\"2026-03-01T10:00:00.000Z\",\"archived\":false}";
    private static final String FOUND = "{\"total\":1,\"results\":[" + CONTACT + "]}";
    private static final String NONE = "{\"total\":0,\"results\":[]}";
    private static final String NOT_FOUND = "{\"status\":\"error\",\"message\":\"resource not found\",\"category\":\"OBJECT_NOT_FOUND\"}";

    private static HubSpotConnector connector(FakeServer server) {
        return connector(server.base(), Duration.ofSeconds(5));
    }

    private static HubSpotConnector connector(String base, Duration timeout) {
        return new HubSpotConnector(new HubSpotSettings(URI.create(base), TOKEN, "4455667", null, null, null, null, null,
                null, Duration.ofMillis(500), timeout));
    }

    @Test
    void searchByEmailSpeaksTheV3SearchFormat() throws Exception {
        try (FakeServer server = FakeServer.replying(200, FOUND)) {
            CrmProfile profile = connector(server).lookup(CustomerKey.ofEmail(" Dana@Example.com ")).orElseThrow();

            assertEquals(new CrmProfile("501", "Dana Whitfield", "dana@example.com", "Acme GmbH", "gold",
                    new BigDecimal("12000.50"), LocalDate.of(2026, 9, 30), "7788", null,
                    "https://app.hubspot.com/contacts/4455667/record/0-1/501"), profile);
            FakeServer.Received got = server.last();
            assertEquals("POST", got.method());
            assertEquals("/crm/v3/objects/contacts/search", got.path());
            assertEquals("Bearer " + TOKEN, got.header("Authorization"));
            assertEquals("application/json", got.header("Content-Type"));
            JsonObject expected = Json.createReader(new StringReader("{\"filterGroups\":[{\"filters\":[{\"propertyName\":"
                    + "\"email\",\"operator\":\"EQ\",\"value\":\"dana@example.com\"}]}],\"properties\":[\"email\","
                    + "\"firstname\",\"lastname\",\"company\",\"handoff_tier\",\"handoff_account_value\","
                    + "\"handoff_renewal_date\",\"hubspot_owner_id\",\"handoff_notes\"],\"limit\":1}")).readObject();
            assertEquals(expected, Json.createReader(new StringReader(got.body())).readObject());
        }
    }

    @Test
    void getByIdAsksForTheConfiguredProperties() throws Exception {
        try (FakeServer server = FakeServer.replying(200, CONTACT)) {
            Optional<CrmProfile> profile = connector(server).lookup(CustomerKey.ofExternalId("501"));

            assertEquals("Dana Whitfield", profile.orElseThrow().name());
            FakeServer.Received got = server.last();
            assertEquals("GET", got.method());
            assertEquals("/crm/v3/objects/contacts/501", got.path());
            assertEquals("properties=" + PROPS, got.query());
            assertEquals("Bearer " + TOKEN, got.header("Authorization"));
            assertEquals(1, server.received.size());
        }
    }

    @Test
    void customPropertyNamesAndIdProperty() throws Exception {
        String contact = "{\"id\":\"9\",\"properties\":{\"plan\":\"Enterprise\",\"arr\":\"1,500\",\"renews\":\"1790812800000\"}}";
        try (FakeServer server = FakeServer.replying(200, contact)) {
            HubSpotSettings settings = new HubSpotSettings(URI.create(server.base() + "/"), TOKEN, null, "customer_ref",
                    "plan", "arr", "renews", "", "", null, null);

            CrmProfile profile = new HubSpotConnector(settings).lookup(CustomerKey.ofExternalId("C-1 7")).orElseThrow();

            assertEquals("/crm/v3/objects/contacts/C-1%207", server.last().path());
            assertEquals("properties=email,firstname,lastname,company,plan,arr,renews&idProperty=customer_ref",
                    server.last().query());
            assertEquals("Enterprise", profile.tier());
            assertEquals(new BigDecimal("1500"), profile.accountValue());
            assertEquals(LocalDate.of(2026, 10, 1), profile.renewalDate());
            assertNull(profile.name());
            assertNull(profile.owner());
            assertNull(profile.sourceUrl());
        }
    }

    @Test
    void unknownIdFallsBackToTheEmailSearch() throws Exception {
        try (FakeServer server = new FakeServer(r -> r.method().equals("GET")
                ? FakeServer.Reply.json(404, NOT_FOUND) : FakeServer.Reply.json(200, FOUND))) {
            Optional<CrmProfile> profile = connector(server).lookup(new CustomerKey("999", "dana@example.com"));

            assertEquals("501", profile.orElseThrow().crmId());
            assertEquals(2, server.received.size());
            assertEquals("/crm/v3/objects/contacts/999", server.received.get(0).path());
            assertEquals("/crm/v3/objects/contacts/search", server.received.get(1).path());
        }
    }

    @Test
    void notFoundIsEmpty() throws Exception {
        try (FakeServer server = FakeServer.replying(404, NOT_FOUND)) {
            assertEquals(Optional.empty(), connector(server).lookup(CustomerKey.ofExternalId("404")));
        }
        try (FakeServer server = FakeServer.replying(200, NONE)) {
            assertEquals(Optional.empty(), connector(server).lookup(CustomerKey.ofEmail("nobody@example.com")));
        }
    }

    @Test
    void rateLimitCarriesRetryAfter() throws Exception {
        String body = "{\"status\":\"error\",\"message\":\"You have reached your secondly limit.\",\"errorType\":\"RATE_LIMIT\","
                + "\"policyName\":\"SECONDLY\"}";
        try (FakeServer server = new FakeServer(r -> new FakeServer.Reply(429, body, Map.of("Retry-After", "7"), 0))) {
            CrmUnavailableException e = assertThrows(CrmUnavailableException.class,
                    () -> connector(server).lookup(CustomerKey.ofEmail("dana@example.com")));

            assertEquals(Reason.RATE_LIMITED, e.reason());
            assertEquals(Optional.of(Duration.ofSeconds(7)), e.retryAfter());
        }
    }

    @Test
    void unauthorizedNeverEchoesTheToken() throws Exception {
        String body = "{\"status\":\"error\",\"message\":\"Authentication credentials not found: " + TOKEN + "\","
                + "\"category\":\"INVALID_AUTHENTICATION\"}";
        try (FakeServer server = FakeServer.replying(401, body)) {
            CrmUnavailableException e = assertThrows(CrmUnavailableException.class,
                    () -> connector(server).lookup(CustomerKey.ofEmail("dana@example.com")));

            assertEquals(Reason.UNAUTHORIZED, e.reason());
            assertFalse(e.getMessage().contains(TOKEN));
            assertEquals(Optional.empty(), e.retryAfter());
        }
    }

    @Test
    void serverErrorsTimeoutsAndRefusals() throws Exception {
        try (FakeServer server = FakeServer.replying(502, "<html>bad gateway</html>")) {
            assertEquals(Reason.SERVER_ERROR, assertThrows(CrmUnavailableException.class,
                    () -> connector(server).lookup(CustomerKey.ofEmail("a@b.io"))).reason());
        }
        try (FakeServer server = new FakeServer(r -> new FakeServer.Reply(200, FOUND, Map.of(), 3000))) {
            long start = System.nanoTime();
            assertEquals(Reason.TIMEOUT, assertThrows(CrmUnavailableException.class,
                    () -> connector(server.base(), Duration.ofMillis(300)).lookup(CustomerKey.ofEmail("a@b.io"))).reason());
            assertTrue((System.nanoTime() - start) / 1_000_000 < 2500);
        }
        String closed = "http://127.0.0.1:" + FakeServer.closedPort();
        assertEquals(Reason.UNREACHABLE, assertThrows(CrmUnavailableException.class,
                () -> connector(closed, Duration.ofSeconds(1)).lookup(CustomerKey.ofEmail("a@b.io"))).reason());
    }

    @Test
    void malformedRepliesAreBadResponses() throws Exception {
        for (String body : new String[] {"{\"results\":[", "[1,2]", "{\"results\":\"x\"}", "{\"results\":[42]}", "{\"total\":1}"}) {
            try (FakeServer server = FakeServer.replying(200, body)) {
                CrmUnavailableException e = assertThrows(CrmUnavailableException.class,
                        () -> connector(server).lookup(CustomerKey.ofEmail("a@b.io")), body);
                assertEquals(Reason.BAD_RESPONSE, e.reason(), body);
            }
        }
        try (FakeServer server = FakeServer.replying(200, "{\"properties\":{}}")) {
            assertEquals(Reason.BAD_RESPONSE, assertThrows(CrmUnavailableException.class,
                    () -> connector(server).lookup(CustomerKey.ofExternalId("1"))).reason());
        }
    }

    @Test
    void keysAndSettingsGuardTheirInput() {
        assertThrows(IllegalArgumentException.class, () -> new CustomerKey(" ", null));
        assertFalse(new HubSpotSettings(URI.create("http://x"), TOKEN).toString().contains(TOKEN));
        assertEquals(LocalDate.of(2026, 3, 14), HubSpotContacts.date("2026-03-14T23:30:00-02:00").minusDays(1));
        assertNull(HubSpotContacts.date("soon"));
        assertNull(HubSpotContacts.money("n/a"));
    }
}
