package dev.handoff.integration.control;

import dev.handoff.conversation.boundary.ConversationView;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Freshdesk through API v2 with an API key (Basic {@code {apiKey}:X}): {@code POST /api/v2/tickets}
 * when a chat is handed over (source Chat, status Open, the description as HTML with the same
 * content as a Zendesk ticket; the requester by e-mail, else by the customer's external id), and on
 * resolve {@code PUT /api/v2/tickets/{id}} with status Resolved (4), then
 * {@code POST /api/v2/tickets/{id}/notes} with a private note. Freshdesk has no idempotency key: a
 * create whose answer was lost may be repeated. The test is {@code GET /api/v2/agents/me}.
 */
public final class FreshdeskDriver implements Driver {

    public static final FreshdeskDriver INSTANCE = new FreshdeskDriver();
    public static final String API_KEY = "apiKey";
    static final int SOURCE_CHAT = 7;
    static final int STATUS_OPEN = 2;
    static final int STATUS_RESOLVED = 4;

    private FreshdeskDriver() {}

    @Override
    public Outcome deliver(Delivery d, DeliveryContext ctx) {
        ConnectorConfig c = d.connector();
        if (c.url() == null || c.secret(API_KEY) == null) {
            return Outcome.retry(null, null, "the Freshdesk URL and API key are not configured");
        }
        return switch (d.eventType()) {
            case Delivery.TEST -> ctx.http().read(ctx.http().send(request(c, "/api/v2/agents/me").GET(), "Freshdesk"), "Freshdesk");
            case "handoff.escalated" -> create(d, ctx);
            case "conversation.resolved" -> resolve(d, ctx);
            case "handoff.follow-up-requested" -> followUp(d, ctx);
            default -> Outcome.skipped("Freshdesk is not sent " + d.eventType());
        };
    }

    private Outcome create(Delivery d, DeliveryContext ctx) {
        Optional<DeliveryContext.Snapshot> s = ctx.conversation(d.conversationId());
        if (s.isEmpty()) {
            return Outcome.skipped("the conversation no longer exists");
        }
        if (ctx.link(d.conversationId()).isPresent()) {
            return Outcome.skipped("the ticket already exists");
        }
        ConversationView v = s.get().view();
        JsonObjectBuilder ticket = Json.createObjectBuilder()
                .add("subject", clip("Chat handoff: " + HandoffText.customer(v) + " - " + HandoffText.reason(v), 250))
                .add("description", html(HandoffText.ticketBody(v, s.get().transcript(), ctx.publicUrl())))
                .add("status", STATUS_OPEN)
                .add("priority", priority(v.priority()))
                .add("source", SOURCE_CHAT)
                .add("tags", Json.createArrayBuilder().add("handoff").add("skill_" + (v.requiredSkill() == null ? "general" : v.requiredSkill())))
                .add("name", HandoffText.customer(v));
        var customer = v.customer();
        if (customer != null && customer.email() != null) {
            ticket.add("email", customer.email());
        } else {
            ticket.add("unique_external_id", customer == null ? v.id() : customer.externalId());
        }
        HttpRequest.Builder request = request(d.connector(), "/api/v2/tickets")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ticket.build().toString(), StandardCharsets.UTF_8));
        VendorHttp.Result result = ctx.http().send(request, "Freshdesk");
        if (result instanceof VendorHttp.NoAnswer n) {
            return n.outcome();
        }
        VendorHttp.Answer a = ((VendorHttp.Got) result).answer();
        if (!a.ok()) {
            return ctx.http().failed(a, "Freshdesk");
        }
        Optional<JsonObject> created = a.json();
        if (created.isEmpty() || !(created.get().get("id") instanceof JsonNumber id)) {
            return Outcome.retry(a.status(), null, "Freshdesk's answer has no ticket id");
        }
        String ticketId = Long.toString(id.longValue());
        return Outcome.delivered(a.status(), new Outcome.Link(ticketId, d.connector().base(null) + "/a/tickets/" + ticketId,
                HandoffText.completeness(s.get().transcript())));
    }

    private Outcome resolve(Delivery d, DeliveryContext ctx) {
        Optional<Outcome.Link> link = ctx.link(d.conversationId());
        if (link.isEmpty()) {
            return Outcome.retry(null, null, "the Freshdesk ticket for this chat does not exist yet");
        }
        String path = "/api/v2/tickets/" + link.get().externalId();
        Outcome status = ctx.http().read(ctx.http().send(request(d.connector(), path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("status", STATUS_RESOLVED).build().toString())), "Freshdesk"), "Freshdesk");
        if (!status.ok()) {
            return status;
        }
        String note = "Resolved in Handoff by " + d.payload().getString("agent", "an agent") + ": " + d.payload().getString("resolution", "resolved");
        return ctx.http().read(ctx.http().send(request(d.connector(), path + "/notes").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("body", html(note)).add("private", true).build().toString(),
                        StandardCharsets.UTF_8)), "Freshdesk"), "Freshdesk");
    }

    /** A callback or e-mail follow-up: a private note on the handoff's ticket (or the ticket itself if there is none yet). */
    private Outcome followUp(Delivery d, DeliveryContext ctx) {
        Optional<Outcome.Link> link = ctx.link(d.conversationId());
        if (link.isEmpty()) {
            return create(d, ctx);
        }
        return ctx.http().read(ctx.http().send(request(d.connector(), "/api/v2/tickets/" + link.get().externalId() + "/notes")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("body", html(ZendeskDriver.followUpText(d.payload())))
                        .add("private", true).build().toString(), StandardCharsets.UTF_8)), "Freshdesk"), "Freshdesk");
    }

    static HttpRequest.Builder request(ConnectorConfig c, String path) {
        String credentials = c.secret(API_KEY) + ":X";
        return HttpRequest.newBuilder(URI.create(c.base(null) + path))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    /** Handoff's 0-100 priority on Freshdesk's 1 (low) to 4 (urgent). */
    static int priority(int p) {
        return p >= 90 ? 4 : p >= 70 ? 3 : p >= 40 ? 2 : 1;
    }

    /** Plain text as escaped HTML with line breaks (Freshdesk descriptions and notes are HTML). */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("\n", "<br>");
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
