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
 * Zendesk Support through the Tickets API v2 with an API token (Basic {@code {email}/token:{token}}):
 * {@code POST /api/v2/tickets.json} when a chat is handed over (transcript, customer, page, summary,
 * reason and topic as a private first comment; the requester from the customer's e-mail; an
 * {@code Idempotency-Key} so a retried create makes one ticket), and {@code PUT /api/v2/tickets/{id}.json}
 * when it is resolved (status {@code solved} and an internal note with the agent's resolution).
 * The test is {@code GET /api/v2/users/me.json}.
 */
public final class ZendeskDriver implements Driver {

    public static final ZendeskDriver INSTANCE = new ZendeskDriver();
    public static final String API_TOKEN = "apiToken";
    public static final String WEBHOOK_SECRET = "webhookSecret";

    private ZendeskDriver() {}

    @Override
    public Outcome deliver(Delivery d, DeliveryContext ctx) {
        ConnectorConfig c = d.connector();
        if (c.url() == null) {
            return Outcome.retry(null, null, "no Zendesk URL (https://<subdomain>.zendesk.com) is configured");
        }
        if (c.secret(API_TOKEN) == null || c.setting("email", null) == null) {
            return Outcome.retry(null, null, "the Zendesk e-mail and API token are not configured");
        }
        return switch (d.eventType()) {
            case Delivery.TEST -> ctx.http().read(ctx.http().send(request(c, "/api/v2/users/me.json").GET(), "Zendesk"), "Zendesk");
            case "handoff.escalated" -> create(d, ctx, false);
            case "conversation.resolved" -> resolve(d, ctx);
            case "handoff.follow-up-requested" -> followUp(d, ctx);
            default -> Outcome.skipped("Zendesk is not sent " + d.eventType());
        };
    }

    private Outcome create(Delivery d, DeliveryContext ctx, boolean solved) {
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
                .add("comment", Json.createObjectBuilder()
                        .add("body", HandoffText.ticketBody(v, s.get().transcript(), ctx.publicUrl()))
                        .add("public", false))
                .add("priority", priority(v.priority()))
                .add("tags", Json.createArrayBuilder().add("handoff").add("skill_" + (v.requiredSkill() == null ? "general" : v.requiredSkill())))
                .add("external_id", v.id());
        var customer = v.customer();
        if (customer != null && customer.email() != null) {
            ticket.add("requester", Json.createObjectBuilder().add("name", HandoffText.customer(v)).add("email", customer.email()));
        }
        if (solved) {
            ticket.add("status", "solved");
        }
        JsonObject body = Json.createObjectBuilder().add("ticket", ticket).build();
        HttpRequest.Builder request = request(d.connector(), "/api/v2/tickets.json")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", d.eventId())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        VendorHttp.Result result = ctx.http().send(request, "Zendesk");
        if (result instanceof VendorHttp.NoAnswer n) {
            return n.outcome();
        }
        VendorHttp.Answer a = ((VendorHttp.Got) result).answer();
        if (!a.ok()) {
            return ctx.http().failed(a, "Zendesk");
        }
        Optional<JsonObject> created = a.json().map(j -> j.getJsonObject("ticket"));
        if (created.isEmpty() || !(created.get().get("id") instanceof JsonNumber id)) {
            return Outcome.retry(a.status(), null, "Zendesk's answer has no ticket id");
        }
        String ticketId = Long.toString(id.longValue());
        return Outcome.delivered(a.status(), new Outcome.Link(ticketId, d.connector().base(null) + "/agent/tickets/" + ticketId,
                HandoffText.completeness(s.get().transcript())));
    }

    private Outcome resolve(Delivery d, DeliveryContext ctx) {
        Optional<Outcome.Link> link = ctx.link(d.conversationId());
        if (link.isEmpty()) {
            return create(d, ctx, true); // the create never got through: one solved ticket carries it all
        }
        String note = "Resolved in Handoff by " + d.payload().getString("agent", "an agent") + ": " + d.payload().getString("resolution", "resolved");
        JsonObject body = Json.createObjectBuilder().add("ticket", Json.createObjectBuilder()
                .add("status", "solved")
                .add("comment", Json.createObjectBuilder().add("body", note).add("public", false))).build();
        HttpRequest.Builder request = request(d.connector(), "/api/v2/tickets/" + link.get().externalId() + ".json")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        return ctx.http().read(ctx.http().send(request, "Zendesk"), "Zendesk");
    }

    /** A callback or e-mail follow-up: the handoff's ticket gets the request as an internal note and the tag {@code follow_up} (a ticket of its own if there is none yet). */
    private Outcome followUp(Delivery d, DeliveryContext ctx) {
        Optional<Outcome.Link> link = ctx.link(d.conversationId());
        if (link.isEmpty()) {
            return create(d, ctx, false);
        }
        JsonObject body = Json.createObjectBuilder().add("ticket", Json.createObjectBuilder()
                .add("additional_tags", Json.createArrayBuilder().add("follow_up"))
                .add("comment", Json.createObjectBuilder().add("body", followUpText(d.payload())).add("public", false))).build();
        HttpRequest.Builder request = request(d.connector(), "/api/v2/tickets/" + link.get().externalId() + ".json")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        return ctx.http().read(ctx.http().send(request, "Zendesk"), "Zendesk");
    }

    static String followUpText(JsonObject p) {
        String how = "phone".equals(p.getString("channel", "")) ? "a call back on " : "a written reply to ";
        String when = p.get("preferredTime") instanceof jakarta.json.JsonString t ? " (preferred: " + t.getString() + ")" : "";
        return "The customer asked for " + how + p.getString("contact", "?") + when + " instead of waiting in the chat.";
    }

    static HttpRequest.Builder request(ConnectorConfig c, String path) {
        String credentials = c.setting("email", "") + "/token:" + c.secret(API_TOKEN);
        return HttpRequest.newBuilder(URI.create(c.base(null) + path))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    /** Handoff's 0-100 priority on Zendesk's four. */
    static String priority(int p) {
        return p >= 90 ? "urgent" : p >= 70 ? "high" : p >= 40 ? "normal" : "low";
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
