package dev.handoff.integration.control;

import dev.handoff.conversation.boundary.ConversationView;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;

/**
 * Slack through the Web API with a bot token ({@code chat:write}): a Block Kit message per
 * escalation in the channel for the needed skill (summary, tier, wait, a Claim button and a link),
 * {@code chat.update} when someone claims the chat or the customer leaves first, and ephemeral
 * answers to a click through the click's {@code response_url}. Slack answers HTTP 200 with
 * {@code "ok": false} for most errors; 429 carries {@code Retry-After}.
 */
public final class SlackDriver implements Driver {

    public static final SlackDriver INSTANCE = new SlackDriver();
    public static final String DEFAULT_API = "https://slack.com/api";
    public static final String BOT_TOKEN = "botToken";
    public static final String SIGNING_SECRET = "signingSecret";
    public static final String CLAIM_ACTION = "handoff_claim";

    /** Errors an admin fixes in Slack or in the settings (the row waits for them); any other error refuses the row. */
    private static final Set<String> FIXABLE = Set.of("channel_not_found", "not_in_channel", "is_archived", "invalid_auth", "not_authed",
            "account_inactive", "token_revoked", "token_expired", "missing_scope", "no_permission", "ratelimited", "fatal_error",
            "internal_error", "service_unavailable", "request_timeout");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private SlackDriver() {}

    @Override
    public Outcome deliver(Delivery d, DeliveryContext ctx) {
        ConnectorConfig c = d.connector();
        if (Delivery.SLACK_RESPOND.equals(d.eventType())) {
            return respond(d, ctx);
        }
        if (c.secret(BOT_TOKEN) == null) {
            return Outcome.retry(null, null, "no bot token is configured");
        }
        return switch (d.eventType()) {
            case Delivery.TEST -> post(c, ctx, Json.createObjectBuilder()
                    .add("channel", c.setting("channel", ""))
                    .add("text", "Handoff can post here: this is the test message from the Integration settings.").build(), null);
            case "handoff.escalated" -> escalated(d, ctx);
            case "handoff.accepted", "conversation.closed" -> update(d, ctx);
            default -> Outcome.skipped("Slack is not sent " + d.eventType());
        };
    }

    private Outcome escalated(Delivery d, DeliveryContext ctx) {
        Optional<DeliveryContext.Snapshot> snapshot = ctx.conversation(d.conversationId());
        if (snapshot.isEmpty()) {
            return Outcome.skipped("the conversation no longer exists");
        }
        ConversationView v = snapshot.get().view();
        String channel = channelFor(d.connector(), v.requiredSkill());
        if (channel == null) {
            return Outcome.retry(null, null, "no Slack channel is configured for skill " + v.requiredSkill());
        }
        JsonObject body = Json.createObjectBuilder()
                .add("channel", channel)
                .add("text", mention(d.connector(), v.priority()) + "New handoff (" + v.requiredSkill() + ", priority " + v.priority() + "): "
                        + escape(HandoffText.customer(v)) + " - " + escape(HandoffText.reason(v)))
                .add("unfurl_links", false)
                .add("blocks", escalationBlocks(d.connector(), v, ctx.publicUrl(), true, null))
                .build();
        return post(d.connector(), ctx, body, channel);
    }

    private Outcome update(Delivery d, DeliveryContext ctx) {
        Optional<Outcome.Link> link = ctx.link(d.conversationId());
        if (link.isEmpty()) {
            return Outcome.skipped("no Slack message was posted for this chat");
        }
        if ("conversation.closed".equals(d.eventType()) && !"QUEUED".equals(d.payload().getString("stateBefore", ""))) {
            return Outcome.skipped("the chat was not waiting");
        }
        Optional<DeliveryContext.Snapshot> snapshot = ctx.conversation(d.conversationId());
        if (snapshot.isEmpty()) {
            return Outcome.skipped("the conversation no longer exists");
        }
        ConversationView v = snapshot.get().view();
        String status = "handoff.accepted".equals(d.eventType())
                ? ":white_check_mark: Claimed by *" + escape(v.assignedAgentName() != null ? v.assignedAgentName() : d.payload().getString("agent", "an agent")) + "*"
                        + " at " + TIME.format(v.acceptedAt() != null ? v.acceptedAt() : d.createdAt())
                : ":wave: The customer left before anyone joined.";
        JsonObject body = Json.createObjectBuilder()
                .add("channel", link.get().extra())
                .add("ts", link.get().externalId())
                .add("text", "Handoff for " + escape(HandoffText.customer(v)) + ": " + status)
                .add("blocks", escalationBlocks(d.connector(), v, ctx.publicUrl(), false, status))
                .build();
        return call(d.connector(), ctx, "chat.update", body, null);
    }

    private Outcome post(ConnectorConfig c, DeliveryContext ctx, JsonObject body, String channel) {
        if (body.getString("channel", "").isBlank()) {
            return Outcome.retry(null, null, "no Slack channel is configured");
        }
        return call(c, ctx, "chat.postMessage", body, channel);
    }

    /** POST {api}/{method} with the bot token; a posted message becomes the link (ts, channel). */
    private Outcome call(ConnectorConfig c, DeliveryContext ctx, String method, JsonObject body, String channel) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(c.base(DEFAULT_API) + "/" + method));
        } catch (IllegalArgumentException e) {
            return Outcome.refused(null, "the Slack API URL is not valid");
        }
        request.header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + c.secret(BOT_TOKEN))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        VendorHttp.Result result = ctx.http().send(request, "Slack");
        if (result instanceof VendorHttp.NoAnswer n) {
            return n.outcome();
        }
        VendorHttp.Answer a = ((VendorHttp.Got) result).answer();
        if (!a.ok()) {
            return ctx.http().failed(a, "Slack");
        }
        JsonObject reply = a.json().orElse(null);
        if (reply == null) {
            return Outcome.retry(a.status(), null, "Slack's answer is not JSON");
        }
        if (!reply.getBoolean("ok", false)) {
            String error = reply.getString("error", "unknown_error");
            return FIXABLE.contains(error) ? Outcome.retry(a.status(), a.retryAfter(ctx.clock()), "Slack: " + error)
                    : Outcome.refused(a.status(), "Slack: " + error);
        }
        if ("chat.postMessage".equals(method) && reply.get("ts") instanceof JsonString ts && channel != null) {
            return Outcome.delivered(a.status(), new Outcome.Link(ts.getString(), null, reply.getString("channel", channel)));
        }
        return Outcome.delivered(a.status(), null);
    }

    /** An ephemeral answer to the user who clicked, through the click's response_url. */
    private Outcome respond(Delivery d, DeliveryContext ctx) {
        String url = d.payload().getString("responseUrl", null);
        if (url == null) {
            return Outcome.skipped("no response_url");
        }
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url));
        } catch (IllegalArgumentException e) {
            return Outcome.refused(null, "the response_url is not valid");
        }
        JsonObject body = Json.createObjectBuilder()
                .add("response_type", "ephemeral")
                .add("replace_original", false)
                .add("text", d.payload().getString("text", ""))
                .build();
        request.header("Content-Type", "application/json; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        return ctx.http().read(ctx.http().send(request, "Slack"), "Slack");
    }

    static String channelFor(ConnectorConfig c, String skill) {
        JsonValue map = c.settings().get("channels");
        if (skill != null && map instanceof JsonObject channels && channels.get(skill) instanceof JsonString s && !s.getString().isBlank()) {
            return s.getString().strip();
        }
        String fallback = c.setting("channel", "");
        return fallback.isBlank() ? null : fallback;
    }

    static String mention(ConnectorConfig c, int priority) {
        String group = c.setting("mentionGroup", "");
        int from = c.setting("mentionFromPriority", 80);
        return !group.isBlank() && priority >= from ? "<!subteam^" + group + "> " : "";
    }

    /** The message: header, who and why, the facts, and (while waiting) the Claim button, or the status line once claimed. */
    static JsonArrayBuilder escalationBlocks(ConnectorConfig c, ConversationView v, String publicUrl, boolean claimable, String status) {
        var customer = v.customer();
        String tier = customer == null || customer.tier() == null ? "-" : customer.tier();
        String wait = v.estimatedWaitSeconds() == null ? "-" : "~" + Math.max(1, Math.round(v.estimatedWaitSeconds() / 60.0)) + " min";
        String waiting = v.escalatedAt() == null ? "-" : "since " + TIME.format(v.escalatedAt());
        JsonArrayBuilder blocks = Json.createArrayBuilder();
        blocks.add(Json.createObjectBuilder().add("type", "header")
                .add("text", plain("New handoff: " + (v.requiredSkill() == null ? "general" : v.requiredSkill()))));
        String summary = HandoffText.summary(v);
        blocks.add(section(mention(c, v.priority()) + "*" + escape(HandoffText.customer(v)) + "* - " + escape(HandoffText.reason(v))
                + (summary == null ? "" : "\n>" + escape(summary).replace("\n", "\n>"))));
        blocks.add(Json.createObjectBuilder().add("type", "section").add("fields", Json.createArrayBuilder()
                .add(mrkdwn("*Tier*\n" + escape(tier)))
                .add(mrkdwn("*Priority*\n" + v.priority()))
                .add(mrkdwn("*Waiting*\n" + waiting))
                .add(mrkdwn("*Expected wait*\n" + wait))));
        JsonArrayBuilder buttons = Json.createArrayBuilder();
        if (claimable) {
            buttons.add(Json.createObjectBuilder().add("type", "button").add("action_id", CLAIM_ACTION).add("style", "primary")
                    .add("text", plain("Claim")).add("value", v.id()));
        }
        buttons.add(Json.createObjectBuilder().add("type", "button").add("action_id", "handoff_open")
                .add("text", plain("Open in Handoff")).add("url", HandoffText.chatUrl(publicUrl, v.id())));
        if (status != null) {
            blocks.add(section(status));
        }
        blocks.add(Json.createObjectBuilder().add("type", "actions").add("block_id", "handoff_actions").add("elements", buttons));
        return blocks;
    }

    private static JsonObjectBuilder section(String text) {
        return Json.createObjectBuilder().add("type", "section").add("text", mrkdwn(text));
    }

    private static JsonObjectBuilder mrkdwn(String text) {
        return Json.createObjectBuilder().add("type", "mrkdwn").add("text", clip(text, 3000));
    }

    private static JsonObjectBuilder plain(String text) {
        return Json.createObjectBuilder().add("type", "plain_text").add("text", clip(text, 150));
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Slack's three control characters in message text. */
    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
