package dev.handoff.integration.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a customer's records from the systems Handoff is connected to, for the context panel and
 * the offer card: recent Zendesk tickets ({@code GET /api/v2/search.json?query=type:ticket requester:<e-mail>},
 * or by the user with the customer's external id: {@code GET /api/v2/users/search.json?external_id=…} then
 * {@code GET /api/v2/users/{id}/tickets/requested.json}); recent Freshdesk tickets
 * ({@code GET /api/v2/tickets?email=…} or {@code ?unique_external_id=…}); the HubSpot contact's deals
 * (v4 associations {@code GET /crm/v4/objects/contacts/{id}/associations/deals}, then
 * {@code POST /crm/v3/objects/deals/batch/read}). Every failure becomes "unavailable" with a reason
 * that never shows a credential; the ticket Handoff made for this very conversation is left out.
 */
public final class RecordReaders {

    static final String TICKETS = "tickets";
    static final String DEALS = "deals";
    static final List<String> DEAL_PROPERTIES = List.of("dealname", "amount", "dealstage", "closedate", "pipeline");
    private static final Map<Integer, String> FRESHDESK_STATUS = Map.of(2, "open", 3, "pending", 4, "resolved", 5, "closed");

    private RecordReaders() {}

    /** Who to look for: the customer's e-mail and external id, their HubSpot contact when the lookup linked one, this conversation. */
    public record Who(String email, String externalId, String hubspotContactId, String conversationId) {}

    /** The records of {@code who} in the system of {@code c}, or why they are unavailable. Never throws for what a vendor answers. */
    public static CustomerRecords read(ConnectorConfig c, Who who, VendorHttp http) {
        Instant now = http.clock().instant();
        try {
            return switch (c.kind()) {
                case ZENDESK -> zendesk(c, who, http, now);
                case FRESHDESK -> freshdesk(c, who, http, now);
                case HUBSPOT -> hubspot(c, who, http, now);
                default -> CustomerRecords.none(c, "", "nothing to show from " + c.kind(), now);
            };
        } catch (Unavailable e) {
            return CustomerRecords.unavailable(c, e.what, e.getMessage(), now);
        }
    }

    /** Whether a kind of connector has records to show. */
    public static boolean shows(dev.handoff.integration.entity.ConnectorKind kind) {
        return switch (kind) {
            case ZENDESK, FRESHDESK, HUBSPOT -> true;
            default -> false;
        };
    }

    // --- Zendesk

    static CustomerRecords zendesk(ConnectorConfig c, Who who, VendorHttp http, Instant now) throws Unavailable {
        if (c.url() == null || c.secret(ZendeskDriver.API_TOKEN) == null) {
            throw new Unavailable(TICKETS, "Zendesk is not fully configured");
        }
        JsonObject answer;
        if (who.email() != null) {
            String query = "type:ticket requester:" + who.email();
            answer = object(get(http, ZendeskDriver.request(c, "/api/v2/search.json?query=" + encode(query) + "&sort_by=created_at&sort_order=desc"),
                    "Zendesk", TICKETS), "Zendesk", TICKETS);
            return CustomerRecords.found(c, TICKETS, zendeskTickets(answer.get("results"), c.base(null), who.conversationId()), now);
        }
        if (who.externalId() == null) {
            return CustomerRecords.none(c, TICKETS, "no e-mail or external id to search by", now);
        }
        JsonObject users = object(get(http, ZendeskDriver.request(c, "/api/v2/users/search.json?external_id=" + encode(who.externalId())), "Zendesk", TICKETS),
                "Zendesk", TICKETS);
        String user = firstNumberId(users.get("users"));
        if (user == null) {
            return CustomerRecords.none(c, TICKETS, "no Zendesk user with the customer's external id", now);
        }
        answer = object(get(http, ZendeskDriver.request(c, "/api/v2/users/" + user + "/tickets/requested.json?sort_by=created_at&sort_order=desc"),
                "Zendesk", TICKETS), "Zendesk", TICKETS);
        return CustomerRecords.found(c, TICKETS, zendeskTickets(answer.get("tickets"), c.base(null), who.conversationId()), now);
    }

    /** Zendesk ticket objects (search results or a user's requested tickets), newest first as sent, the ticket of this conversation left out. */
    static List<CustomerRecords.Item> zendeskTickets(JsonValue list, String base, String conversationId) {
        List<CustomerRecords.Item> items = new ArrayList<>();
        for (JsonObject t : withNumberIds(list)) {
            JsonNumber id = t.getJsonNumber("id");
            if (t.containsKey("result_type") && !"ticket".equals(text(t, "result_type"))) {
                continue;
            }
            if (conversationId != null && conversationId.equals(text(t, "external_id"))) {
                continue;
            }
            String ticket = Long.toString(id.longValue());
            items.add(new CustomerRecords.Item("#" + ticket, text(t, "subject"), text(t, "status"), text(t, "priority"), instant(text(t, "created_at")),
                    base == null ? null : base + "/agent/tickets/" + ticket));
        }
        return items;
    }

    // --- Freshdesk

    static CustomerRecords freshdesk(ConnectorConfig c, Who who, VendorHttp http, Instant now) throws Unavailable {
        if (c.url() == null || c.secret(FreshdeskDriver.API_KEY) == null) {
            throw new Unavailable(TICKETS, "Freshdesk is not fully configured");
        }
        String filter = who.email() != null ? "email=" + encode(who.email())
                : who.externalId() != null ? "unique_external_id=" + encode(who.externalId()) : null;
        if (filter == null) {
            return CustomerRecords.none(c, TICKETS, "no e-mail or external id to search by", now);
        }
        JsonValue answer = json(get(http, FreshdeskDriver.request(c, "/api/v2/tickets?" + filter + "&order_by=created_at&order_type=desc&per_page="
                + CustomerRecords.MAX_ITEMS), "Freshdesk", TICKETS), "Freshdesk", TICKETS);
        return CustomerRecords.found(c, TICKETS, freshdeskTickets(answer, c.base(null)), now);
    }

    /** Freshdesk's list of tickets (an array), status numbers as words. */
    static List<CustomerRecords.Item> freshdeskTickets(JsonValue list, String base) {
        List<CustomerRecords.Item> items = new ArrayList<>();
        for (JsonObject t : withNumberIds(list)) {
            JsonNumber id = t.getJsonNumber("id");
            String status = t.get("status") instanceof JsonNumber s ? FRESHDESK_STATUS.getOrDefault(s.intValue(), "status " + s.intValue()) : null;
            items.add(new CustomerRecords.Item("#" + id.longValue(), text(t, "subject"), status, null, instant(text(t, "created_at")),
                    base == null ? null : base + "/a/tickets/" + id.longValue()));
        }
        return items;
    }

    // --- HubSpot

    static CustomerRecords hubspot(ConnectorConfig c, Who who, VendorHttp http, Instant now) throws Unavailable {
        if (c.secret(HubSpotDriver.TOKEN) == null) {
            throw new Unavailable(DEALS, "the HubSpot access token is not configured");
        }
        String contact = who.hubspotContactId();
        if (contact == null && who.email() != null) {
            JsonObject found = object(get(http, HubSpotDriver.request(c, "/crm/v3/objects/contacts/search")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(contactSearch(who.email()).toString(), StandardCharsets.UTF_8)), "HubSpot", DEALS), "HubSpot", DEALS);
            contact = HubSpotDriver.firstId(found);
        }
        if (contact == null) {
            return CustomerRecords.none(c, DEALS, HubSpotDriver.NO_CONTACT, now);
        }
        JsonObject associations = object(get(http, HubSpotDriver.request(c, "/crm/v4/objects/contacts/" + encode(contact) + "/associations/deals?limit=100").GET(),
                "HubSpot", DEALS), "HubSpot", DEALS);
        List<String> ids = dealIds(associations);
        if (ids.isEmpty()) {
            return CustomerRecords.found(c, DEALS, List.of(), now);
        }
        JsonObject deals = object(get(http, HubSpotDriver.request(c, "/crm/v3/objects/deals/batch/read")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(batchRead(ids).toString(), StandardCharsets.UTF_8)), "HubSpot", DEALS), "HubSpot", DEALS);
        return CustomerRecords.found(c, DEALS, hubspotDeals(deals, c.setting("portalId", null)), now);
    }

    static JsonObject contactSearch(String email) {
        return Json.createObjectBuilder()
                .add("filterGroups", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("filters", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("propertyName", "email").add("operator", "EQ").add("value", email)))))
                .add("limit", 1)
                .build();
    }

    /** The deal ids of a v4 associations answer ({@code {"results":[{"toObjectId":…,"associationTypes":[…]}]}}), the newest ids first, at most 20. */
    static List<String> dealIds(JsonObject associations) {
        List<Long> ids = new ArrayList<>();
        if (associations.get("results") instanceof JsonArray results) {
            for (JsonValue v : results) {
                if (v instanceof JsonObject r && r.get("toObjectId") instanceof JsonNumber n) {
                    ids.add(n.longValue());
                }
            }
        }
        return ids.stream().distinct().sorted((a, b) -> Long.compare(b, a)).limit(20).map(String::valueOf).toList();
    }

    static JsonObject batchRead(List<String> ids) {
        JsonArrayBuilder properties = Json.createArrayBuilder();
        DEAL_PROPERTIES.forEach(properties::add);
        JsonArrayBuilder inputs = Json.createArrayBuilder();
        ids.forEach(id -> inputs.add(Json.createObjectBuilder().add("id", id)));
        return Json.createObjectBuilder().add("properties", properties).add("propertiesWithHistory", Json.createArrayBuilder()).add("inputs", inputs).build();
    }

    /** Deals of a batch read ({@code {"status":"COMPLETE","results":[{"id":…,"properties":{…}}]}}), the most recent close date first. */
    static List<CustomerRecords.Item> hubspotDeals(JsonObject answer, String portalId) {
        List<CustomerRecords.Item> items = new ArrayList<>();
        if (!(answer.get("results") instanceof JsonArray results)) {
            return items;
        }
        for (JsonValue v : results) {
            if (!(v instanceof JsonObject d) || !(d.get("id") instanceof JsonString id) || !(d.get("properties") instanceof JsonObject p)) {
                continue;
            }
            String amount = text(p, "amount");
            items.add(new CustomerRecords.Item(id.getString(), text(p, "dealname"), text(p, "dealstage"), amount == null ? null : "amount " + amount,
                    instant(text(p, "closedate")), portalId == null ? null : "https://app.hubspot.com/contacts/" + portalId + "/record/0-3/" + id.getString()));
        }
        items.sort((a, b) -> a.at() == null ? 1 : b.at() == null ? -1 : b.at().compareTo(a.at()));
        return items;
    }

    // --- shared

    /** A record set could not be read; the message is shown to agents. */
    static final class Unavailable extends Exception {

        private static final long serialVersionUID = 1L;
        final String what;

        Unavailable(String what, String message) {
            super(message, null, false, false);
            this.what = what;
        }
    }

    private static VendorHttp.Answer get(VendorHttp http, HttpRequest.Builder request, String vendor, String what) throws Unavailable {
        VendorHttp.Result result = http.send(request, vendor);
        if (result instanceof VendorHttp.NoAnswer n) {
            throw new Unavailable(what, n.outcome().describe());
        }
        VendorHttp.Answer a = ((VendorHttp.Got) result).answer();
        if (!a.ok()) {
            throw new Unavailable(what, vendor + " answered HTTP " + a.status() + (a.status() == 401 || a.status() == 403 ? " (check the credentials)"
                    : a.status() == 429 ? " (rate limited)" : ""));
        }
        return a;
    }

    private static JsonValue json(VendorHttp.Answer a, String vendor, String what) throws Unavailable {
        try (JsonReader r = Json.createReader(new StringReader(a.body()))) {
            JsonStructure s = r.read();
            return s;
        } catch (RuntimeException e) {
            throw new Unavailable(what, vendor + "'s answer is not JSON");
        }
    }

    private static JsonObject object(VendorHttp.Answer a, String vendor, String what) throws Unavailable {
        if (json(a, vendor, what) instanceof JsonObject o) {
            return o;
        }
        throw new Unavailable(what, vendor + "'s answer is not a JSON object");
    }

    /** The objects of a JSON array that have a numeric {@code id} (tickets, users); nothing when it is not an array. */
    private static List<JsonObject> withNumberIds(JsonValue list) {
        if (!(list instanceof JsonArray array)) {
            return List.of();
        }
        return array.stream().filter(v -> v instanceof JsonObject o && o.get("id") instanceof JsonNumber).map(JsonObject.class::cast).toList();
    }

    private static String firstNumberId(JsonValue list) {
        return list instanceof JsonArray a && !a.isEmpty() && a.get(0) instanceof JsonObject o && o.get("id") instanceof JsonNumber n
                ? Long.toString(n.longValue()) : null;
    }

    static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v instanceof JsonString s) {
            return s.getString().isBlank() ? null : clip(s.getString().strip(), 200);
        }
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : clip(v.toString(), 200);
    }

    static Instant instant(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
