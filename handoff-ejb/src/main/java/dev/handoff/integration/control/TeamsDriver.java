package dev.handoff.integration.control;

import dev.handoff.conversation.boundary.ConversationView;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Optional;

/**
 * Microsoft Teams: an Adaptive Card (schema 1.4) per escalation, POSTed to the channel's incoming
 * webhook or a Workflows "When a Teams webhook request is received" URL, as a message with one
 * {@code application/vnd.microsoft.card.adaptive} attachment: the customer and the reason, the
 * summary, the facts (skill, priority, tier, expected wait) and an "Open in Handoff" button.
 * Incoming webhooks answer 200 ({@code 1}), Workflows 202; 429 is retried after its Retry-After.
 */
public final class TeamsDriver implements Driver {

    public static final TeamsDriver INSTANCE = new TeamsDriver();

    private TeamsDriver() {}

    @Override
    public Outcome deliver(Delivery d, DeliveryContext ctx) {
        if (d.connector().url() == null) {
            return Outcome.retry(null, null, "no Teams webhook URL is configured");
        }
        JsonObject card;
        if (Delivery.TEST.equals(d.eventType())) {
            card = card(Json.createArrayBuilder().add(text("Handoff can post here: this is the test message from the Integration settings.", true)), null);
        } else if ("handoff.escalated".equals(d.eventType())) {
            Optional<DeliveryContext.Snapshot> s = ctx.conversation(d.conversationId());
            if (s.isEmpty()) {
                return Outcome.skipped("the conversation no longer exists");
            }
            card = escalation(s.get().view(), ctx.publicUrl());
        } else {
            return Outcome.skipped("Teams is not sent " + d.eventType());
        }
        JsonObject message = Json.createObjectBuilder()
                .add("type", "message")
                .add("attachments", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("contentType", "application/vnd.microsoft.card.adaptive")
                        .add("content", card)))
                .build();
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(d.connector().url()));
        } catch (IllegalArgumentException e) {
            return Outcome.refused(null, "the Teams webhook URL is not valid");
        }
        request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(message.toString()));
        return ctx.http().read(ctx.http().send(request, "Teams"), "Teams");
    }

    static JsonObject escalation(ConversationView v, String publicUrl) {
        var customer = v.customer();
        String summary = HandoffText.summary(v);
        JsonArrayBuilder body = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "TextBlock").add("size", "Medium").add("weight", "Bolder").add("wrap", true)
                        .add("text", "New handoff: " + (v.requiredSkill() == null ? "general" : v.requiredSkill())))
                .add(text(HandoffText.customer(v) + " - " + HandoffText.reason(v), true));
        if (summary != null) {
            body.add(text(summary, false));
        }
        body.add(Json.createObjectBuilder().add("type", "FactSet").add("facts", Json.createArrayBuilder()
                .add(fact("Skill", v.requiredSkill() == null ? "general" : v.requiredSkill()))
                .add(fact("Priority", Integer.toString(v.priority())))
                .add(fact("Tier", customer == null || customer.tier() == null ? "-" : customer.tier()))
                .add(fact("Expected wait", v.estimatedWaitSeconds() == null ? "-" : "~" + Math.max(1, Math.round(v.estimatedWaitSeconds() / 60.0)) + " min"))));
        return card(body, HandoffText.chatUrl(publicUrl, v.id()));
    }

    private static JsonObject card(JsonArrayBuilder body, String openUrl) {
        var card = Json.createObjectBuilder()
                .add("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .add("type", "AdaptiveCard")
                .add("version", "1.4")
                .add("body", body);
        if (openUrl != null) {
            card.add("actions", Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("type", "Action.OpenUrl").add("title", "Open in Handoff").add("url", openUrl)));
        }
        return card.build();
    }

    private static JsonObject text(String s, boolean bold) {
        var b = Json.createObjectBuilder().add("type", "TextBlock").add("wrap", true).add("text", s.length() > 2000 ? s.substring(0, 1999) + "…" : s);
        if (bold) {
            b.add("weight", "Bolder");
        }
        return b.build();
    }

    private static JsonObject fact(String title, String value) {
        return Json.createObjectBuilder().add("title", title).add("value", value).build();
    }
}
