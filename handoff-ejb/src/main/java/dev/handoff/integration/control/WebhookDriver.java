package dev.handoff.integration.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * Signed outbound webhooks: every event is POSTed as
 * {@code {"id", "type", "createdAt", "attempt", "data"}} with {@code Handoff-Event-Id} (the same on
 * every retry: receivers dedupe on it), {@code Handoff-Event-Type}, {@code Handoff-Timestamp} (unix
 * seconds) and {@code Handoff-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}.
 */
public final class WebhookDriver implements Driver {

    public static final WebhookDriver INSTANCE = new WebhookDriver();
    public static final String SECRET = "signingSecret";

    private WebhookDriver() {}

    @Override
    public Outcome deliver(Delivery d, DeliveryContext ctx) {
        String secret = d.connector().secret(SECRET);
        if (d.connector().url() == null) {
            return Outcome.retry(null, null, "no URL is configured");
        }
        if (secret == null) {
            return Outcome.retry(null, null, "no signing secret is configured");
        }
        byte[] body = envelope(d, ctx).toString().getBytes(StandardCharsets.UTF_8);
        long timestamp = ctx.clock().instant().getEpochSecond();
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(d.connector().url()));
        } catch (IllegalArgumentException e) {
            return Outcome.refused(null, "the webhook URL is not valid");
        }
        request.header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Handoff-Webhooks/1")
                .header("Handoff-Event-Id", d.eventId())
                .header("Handoff-Event-Type", d.eventType())
                .header("Handoff-Timestamp", Long.toString(timestamp))
                .header("Handoff-Signature", Signatures.webhook(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return ctx.http().read(ctx.http().send(request, "the webhook endpoint"), "the webhook endpoint");
    }

    static JsonObject envelope(Delivery d, DeliveryContext ctx) {
        var data = Json.createObjectBuilder(d.payload());
        if (d.conversationId() != null) {
            data.add("conversationUrl", ctx.publicUrl() + "agent/chat.xhtml?id=" + d.conversationId());
        }
        return Json.createObjectBuilder()
                .add("id", d.eventId())
                .add("type", d.eventType())
                .add("createdAt", d.createdAt().toString())
                .add("attempt", d.attempt())
                .add("data", data)
                .build();
    }
}
