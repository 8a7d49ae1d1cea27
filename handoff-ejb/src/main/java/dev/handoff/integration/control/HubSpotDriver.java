package dev.handoff.integration.control;

import dev.handoff.conversation.boundary.ConversationView;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * HubSpot CRM write-back with a private-app access token (Bearer): when a handed-over chat is
 * resolved, a note engagement on the customer's contact ({@code POST /crm/v3/objects/notes} with
 * {@code hs_timestamp}, an HTML {@code hs_note_body} holding the outcome, the agent, the summary and
 * the link back, associated to the contact with HubSpot's note-to-contact type 202). The contact is
 * the one the CRM lookup linked at the handoff, else the one found by e-mail
 * ({@code POST /crm/v3/objects/contacts/search}); none found: the row is skipped with
 * {@value #NO_CONTACT} (counted on the health page).
 *
 * <p>HubSpot has no idempotency key for objects, so every note carries a reference token
 * ({@code hf<hex event id>}) and a retry first searches the notes for it
 * ({@code POST /crm/v3/objects/notes/search}, {@code CONTAINS_TOKEN}): a note created by an attempt
 * whose answer was lost is found, not made twice. The test is {@code GET /crm/v3/objects/contacts?limit=1}.
 */
public final class HubSpotDriver implements Driver {

    public static final HubSpotDriver INSTANCE = new HubSpotDriver();
    public static final String TOKEN = "token";
    public static final String DEFAULT_URL = "https://api.hubapi.com";
    /** HubSpot-defined association type: note to contact. */
    static final int NOTE_TO_CONTACT = 202;
    /** The start of the reason a row is skipped when the customer has no HubSpot contact. */
    public static final String NO_CONTACT = "contact not found in HubSpot";

    private HubSpotDriver() {}

    @Override
    public Outcome deliver(Delivery d, DeliveryContext ctx) {
        ConnectorConfig c = d.connector();
        if (c.secret(TOKEN) == null) {
            return Outcome.retry(null, null, "the HubSpot access token is not configured");
        }
        return switch (d.eventType()) {
            case Delivery.TEST -> ctx.http().read(ctx.http().send(request(c, "/crm/v3/objects/contacts?limit=1").GET(), "HubSpot"), "HubSpot");
            case "conversation.resolved" -> note(d, ctx);
            default -> Outcome.skipped("HubSpot is not sent " + d.eventType());
        };
    }

    private Outcome note(Delivery d, DeliveryContext ctx) {
        Optional<DeliveryContext.Snapshot> s = ctx.conversation(d.conversationId());
        if (s.isEmpty()) {
            return Outcome.skipped("the conversation no longer exists");
        }
        Optional<Outcome.Link> link = ctx.link(d.conversationId());
        if (link.isPresent() && d.eventId().equals(link.get().extra())) {
            return Outcome.skipped("the note already exists");
        }
        ConversationView v = s.get().view();
        Lookup contact = contactId(d.connector(), v, ctx);
        if (contact.failure() != null) {
            return contact.failure();
        }
        if (contact.id() == null) {
            return Outcome.skipped(NO_CONTACT + " (" + (v.customer() == null || v.customer().email() == null ? "no e-mail" : "no contact with the customer's e-mail") + ")");
        }
        if (d.attempt() > 1) {
            Lookup earlier = search(d.connector(), ctx, "/crm/v3/objects/notes/search", "hs_note_body", "CONTAINS_TOKEN", ref(d.eventId()));
            if (earlier.failure() != null) {
                return earlier.failure();
            }
            if (earlier.id() != null) {
                return Outcome.delivered(200, link(d, earlier.id(), contact.id()));
            }
        }
        JsonObject body = noteRequest(d, v, contact.id(), ctx.publicUrl());
        HttpRequest.Builder request = request(d.connector(), "/crm/v3/objects/notes")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        VendorHttp.Result result = ctx.http().send(request, "HubSpot");
        if (result instanceof VendorHttp.NoAnswer n) {
            return n.outcome();
        }
        VendorHttp.Answer a = ((VendorHttp.Got) result).answer();
        if (!a.ok()) {
            return ctx.http().failed(a, "HubSpot");
        }
        Optional<String> id = a.json().map(j -> j.get("id") instanceof JsonString js ? js.getString() : null);
        if (id.isEmpty()) {
            return Outcome.retry(a.status(), null, "HubSpot's answer has no note id");
        }
        return Outcome.delivered(a.status(), link(d, id.get(), contact.id()));
    }

    /** The note's id, the contact's page in HubSpot (when the hub id is set), the event that made it. */
    private static Outcome.Link link(Delivery d, String noteId, String contactId) {
        String portal = d.connector().setting("portalId", null);
        String contactPage = portal == null ? null : "https://app.hubspot.com/contacts/" + portal + "/record/0-1/" + contactId;
        return new Outcome.Link(noteId, contactPage, d.eventId());
    }

    /** The note as HubSpot's v3 objects API takes it. */
    static JsonObject noteRequest(Delivery d, ConversationView v, String contactId, String publicUrl) {
        JsonObject p = d.payload();
        String agent = p.getString("agent", v.assignedAgentName() != null ? v.assignedAgentName() : v.assignedAgent() == null ? "an agent" : v.assignedAgent());
        String outcome = p.getString("resolution", v.resolution() == null ? "resolved" : v.resolution());
        StringBuilder html = new StringBuilder("<p><strong>Chat resolved in Handoff</strong></p>");
        html.append("<p>Outcome: ").append(escape(outcome)).append("<br>");
        html.append("Agent: ").append(escape(agent)).append("<br>");
        html.append("Reason for the handoff: ").append(escape(HandoffText.reason(v))).append("<br>");
        html.append("Topic: ").append(escape(v.requiredSkill() == null ? "general" : v.requiredSkill())).append("</p>");
        String summary = HandoffText.summary(v);
        if (summary != null) {
            html.append("<p>Summary: ").append(escape(summary)).append("</p>");
        }
        String url = HandoffText.chatUrl(publicUrl, v.id());
        html.append("<p><a href=\"").append(escape(url)).append("\">Open in Handoff</a></p>");
        html.append("<p style=\"color:#888\">Handoff reference: ").append(ref(d.eventId())).append("</p>");
        String at = DateTimeFormatter.ISO_INSTANT.format(v.closedAt() != null ? v.closedAt() : d.createdAt());
        return Json.createObjectBuilder()
                .add("properties", Json.createObjectBuilder()
                        .add("hs_timestamp", at)
                        .add("hs_note_body", clip(html.toString(), 65_000)))
                .add("associations", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("to", Json.createObjectBuilder().add("id", contactId))
                        .add("types", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("associationCategory", "HUBSPOT_DEFINED")
                                .add("associationTypeId", NOTE_TO_CONTACT)))))
                .build();
    }

    /** The token a note carries so that a retry finds it: letters and digits only, so HubSpot's search sees one token. */
    static String ref(String eventId) {
        return "hf" + eventId.replace("-", "");
    }

    /** A contact id, none ({@code id} null), or why HubSpot could not be asked. */
    record Lookup(String id, Outcome failure) {}

    private static Lookup contactId(ConnectorConfig c, ConversationView v, DeliveryContext ctx) {
        var customer = v.customer();
        if (customer == null) {
            return new Lookup(null, null);
        }
        if ("hubspot".equals(customer.crmSource()) && customer.crmId() != null) {
            return new Lookup(customer.crmId(), null);
        }
        if (customer.email() == null) {
            return new Lookup(null, null);
        }
        return search(c, ctx, "/crm/v3/objects/contacts/search", "email", "EQ", customer.email());
    }

    /** The first result's id of a CRM search with one filter. */
    private static Lookup search(ConnectorConfig c, DeliveryContext ctx, String path, String property, String operator, String value) {
        JsonObject body = Json.createObjectBuilder()
                .add("filterGroups", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("filters", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("propertyName", property).add("operator", operator).add("value", value)))))
                .add("limit", 1)
                .build();
        HttpRequest.Builder request = request(c, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        VendorHttp.Result result = ctx.http().send(request, "HubSpot");
        if (result instanceof VendorHttp.NoAnswer n) {
            return new Lookup(null, n.outcome());
        }
        VendorHttp.Answer a = ((VendorHttp.Got) result).answer();
        if (!a.ok()) {
            return new Lookup(null, ctx.http().failed(a, "HubSpot"));
        }
        return new Lookup(firstId(a.json().orElse(JsonObject.EMPTY_JSON_OBJECT)), null);
    }

    /** The id of a search answer's first result ({@code {"total":1,"results":[{"id":"…",…}]}}), or null. */
    static String firstId(JsonObject answer) {
        if (!(answer.get("results") instanceof JsonArray results) || results.isEmpty() || !(results.get(0) instanceof JsonObject first)) {
            return null;
        }
        return first.get("id") instanceof JsonString id ? id.getString() : null;
    }

    static HttpRequest.Builder request(ConnectorConfig c, String path) {
        return HttpRequest.newBuilder(URI.create(c.base(DEFAULT_URL) + path))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + c.secret(TOKEN));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
