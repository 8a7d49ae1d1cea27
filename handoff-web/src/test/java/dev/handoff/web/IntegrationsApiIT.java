package dev.handoff.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.desk.boundary.AgentDeskService;
import dev.handoff.conversation.boundary.ConversationService;
import dev.handoff.conversation.boundary.PostCommand;
import dev.handoff.conversation.boundary.PostOutcome;
import dev.handoff.conversation.boundary.StartCommand;
import dev.handoff.desk.boundary.ChatTeamwork;
import dev.handoff.integration.boundary.ConnectorView;
import dev.handoff.integration.boundary.CustomerRecordsService;
import dev.handoff.integration.control.CustomerRecords;
import dev.handoff.integration.boundary.IntegrationHealth;
import dev.handoff.integration.boundary.IntegrationHousekeeping;
import dev.handoff.integration.boundary.IntegrationSettings;
import dev.handoff.integration.boundary.OutboxRowView;
import dev.handoff.integration.boundary.OutboxStore;
import dev.handoff.integration.entity.ConnectorKind;
import dev.handoff.integration.entity.OutboxStatus;
import dev.handoff.platform.entity.Author;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.File;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Integrations against a real Payara Micro (issue 14): the transactional outbox and its worker,
 * signed webhooks, Slack (Block Kit message, the signed Claim click that accepts for the mapped
 * agent, chat.update), Zendesk tickets (create, resolve, the outage that loses nothing, inbound
 * signatures), dead letters and replay, safe claiming, and what a crashed server leaves behind.
 * Every vendor is a local {@link VendorStub} that checks the documented request and answers with
 * the documented response, including 429 with Retry-After and 5xx. The tests run inside the
 * server; the stubs listen on the ports from {@code it.vendor.port} on. Shares the API ITs' database: each test
 * disables its connectors when done.
 */
@ExtendWith(ArquillianExtension.class)
class IntegrationsApiIT {

    static final String SLACK_OK = "{\"ok\":true,\"channel\":\"C0BILLING\",\"ts\":\"1503435956.000247\",\"message\":{\"type\":\"message\","
            + "\"subtype\":\"bot_message\",\"text\":\"New handoff\",\"ts\":\"1503435956.000247\",\"bot_id\":\"B123ABC456\"}}";

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("handoff.war", "target/handoff.war")))
                .addClasses(IntegrationsApiIT.class, EngineReady.class, VendorStub.class, VendorStub.Seen.class, VendorStub.Answer.class, SmtpStub.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    dev.handoff.routing.boundary.RoutingDesk routingDesk;

    @org.junit.jupiter.api.BeforeEach
    void routingEngineRunsHere() throws InterruptedException {
        EngineReady.await(routingDesk);
    }

    @Inject
    IntegrationSettings integrations;

    @Inject
    IntegrationHealth health;

    @Inject
    OutboxStore outbox;

    @Inject
    ConversationService conversations;

    @Inject
    AgentDeskService desk;

    @Inject
    ChatTeamwork teamwork;

    @Inject
    CustomerRecordsService records;

    @Inject
    IntegrationHousekeeping housekeeping;

    private final HttpClient http = HttpClient.newHttpClient();

    private String escalated(String externalId, String email, String text) {
        String id = conversations.start(new StartCommand(externalId, "Customer " + externalId, email, "enterprise", new BigDecimal("12000"), "web",
                "https://app.example.com/billing", "Billing", null)).id();
        PostOutcome outcome = conversations.post(id, new PostCommand(Author.CUSTOMER, text, null, null, null, null));
        assertTrue(outcome.escalatedNow(), "escalates: " + text);
        return id;
    }

    private ConnectorView connector(ConnectorKind kind, String name, String url, String settings, Map<String, String> secrets) {
        return integrations.create(kind, name, url, settings, true, secrets);
    }

    private void disable(ConnectorView c) {
        ConnectorView now = integrations.connector(c.id());
        integrations.update(c.id(), now.name(), now.url(), now.settings(), false, Map.of(), Set.of());
    }

    private List<OutboxRowView> rows(ConnectorView c, OutboxStatus status) {
        return integrations.rows(c.id(), status, 500);
    }

    private void awaitDelivered(ConnectorView c, int count, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (rows(c, OutboxStatus.DELIVERED).size() < count && System.currentTimeMillis() < end) {
            Thread.sleep(100);
        }
        assertEquals(count, rows(c, OutboxStatus.DELIVERED).size(), "delivered rows of " + c.name() + ": pending "
                + rows(c, OutboxStatus.PENDING) + ", dead " + rows(c, OutboxStatus.DEAD));
    }

    static String hmacHex(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    static String hmacBase64(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> postHook(String path, String contentType, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base.toString() + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Webhooks (items 1 and 3): the escalation is POSTed as JSON with the event id, type, timestamp
     * and an HMAC-SHA256 signature over timestamp + "." + body that a receiver can check; a 503 and
     * a 429 with Retry-After are retried (the second retry no earlier than Retry-After asks), with
     * the same event id each time, and the row ends delivered once.
     */
    @Test
    void webhookEventsAreSignedAndRetriedHonouringRetryAfter() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (VendorStub receiver = new VendorStub(VendorStub.port(0), r -> switch (calls.incrementAndGet()) {
            case 1 -> VendorStub.Answer.json(503, "{\"error\":\"maintenance\"}");
            case 2 -> new VendorStub.Answer(429, Map.of("Retry-After", "2"), "{\"error\":\"slow down\"}");
            default -> VendorStub.Answer.json(200, "{\"received\":true}");
        })) {
            ConnectorView hook = connector(ConnectorKind.WEBHOOK, "it-webhook", receiver.url() + "/handoff/events",
                    "{\"events\":[\"handoff.escalated\"]}", Map.of("signingSecret", "whsec_it_secret"));
            assertEquals(Set.of("signingSecret"), hook.secretsSet(), "which secrets are set is shown, never their values");
            assertFalse(hook.toString().contains("whsec_it_secret"));
            try {
                String id = escalated("it-hook-1", null, "I was charged twice, I want to talk to a person");
                List<VendorStub.Seen> seen = receiver.await(r -> true, 3, 15_000);
                awaitDelivered(hook, 1, 5_000);
                for (VendorStub.Seen r : seen) {
                    assertEquals("POST", r.method());
                    assertEquals("/handoff/events", r.path());
                    assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
                    String ts = r.header("Handoff-Timestamp");
                    assertTrue(Math.abs(Long.parseLong(ts) - Instant.now().getEpochSecond()) < 60, ts);
                    assertEquals("v1=" + hmacHex("whsec_it_secret", ts + "." + r.body()), r.header("Handoff-Signature"), "the receiver can verify it");
                    assertEquals("handoff.escalated", r.header("Handoff-Event-Type"));
                    JsonObject event = r.json();
                    assertEquals(r.header("Handoff-Event-Id"), event.getString("id"));
                    assertEquals("handoff.escalated", event.getString("type"));
                    assertEquals(id, event.getJsonObject("data").getString("conversationId"));
                    assertEquals("billing", event.getJsonObject("data").getString("skill"));
                }
                assertEquals(1, seen.stream().map(r -> r.header("Handoff-Event-Id")).distinct().count(), "one event id across retries");
                assertEquals(List.of(1, 2, 3), seen.stream().map(r -> r.json().getInt("attempt")).toList());
                Duration afterRetryAfter = Duration.between(seen.get(1).at(), seen.get(2).at());
                assertTrue(afterRetryAfter.toMillis() >= 1_900, "Retry-After: 2 honoured, waited " + afterRetryAfter);
                OutboxRowView row = rows(hook, OutboxStatus.DELIVERED).get(0);
                assertEquals(3, row.attempts());
                assertEquals(200, row.lastStatus());
                Thread.sleep(500);
                assertEquals(3, receiver.seen().size(), "nothing more is sent once delivered");
                conversations.close(id);
                IntegrationHealth.ConnectorHealth h = health.all().stream().filter(x -> x.id() == hook.id()).findFirst().orElseThrow();
                assertEquals(3, h.attempts());
                assertEquals(2, h.failures());
                assertNotNull(h.p50Millis());
                assertNotNull(h.p95Millis());
                assertNotNull(h.lastSuccessAt());
                assertNull(h.failingSince(), "a success ends the failure");
                assertEquals(0, h.undelivered());
            } finally {
                disable(hook);
            }
        }
    }

    /**
     * Slack (items 1 and 2): the escalation is posted with chat.postMessage (bot token, the skill's
     * channel, Block Kit with the Claim button); a Claim click that is unsigned, tampered or six
     * minutes old gets 401 and changes nothing, and Slack's own documented example (a genuine but
     * 2018 signature) is refused as stale; a correctly signed click by a mapped member accepts the
     * chat for that agent, the message is updated (chat.update) to show who claimed it, and a second
     * member's click is told privately that someone else took it.
     */
    @Test
    void aSignedSlackClaimAcceptsForTheMappedAgentAndAnythingElseIsRefused() throws Exception {
        try (VendorStub slack = new VendorStub(VendorStub.port(1), r -> r.path().startsWith("/respond/")
                ? new VendorStub.Answer(200, Map.of("Content-Type", "text/html"), "ok")
                : VendorStub.Answer.json(200, r.path().endsWith("/chat.update")
                        ? "{\"ok\":true,\"channel\":\"C0BILLING\",\"ts\":\"1503435956.000247\",\"text\":\"updated\"}" : SLACK_OK))) {
            ConnectorView conn = connector(ConnectorKind.SLACK, "it-slack", slack.url() + "/api",
                    "{\"channel\":\"C0GENERAL\",\"channels\":{\"billing\":\"C0BILLING\"},\"mentionGroup\":\"S0SUPPORT\",\"mentionFromPriority\":60}",
                    Map.of("botToken", "xoxb-it-token", "signingSecret", "it-slack-signing-secret"));
            ConnectorView documented = connector(ConnectorKind.SLACK, "it-slack-documented", slack.url() + "/api", "{}",
                    Map.of("signingSecret", "8f742231b10e8888abcd99yyyzzz85a5"));
            integrations.mapIdentity(conn.id(), "U0DAVE", "dave");
            integrations.mapIdentity(conn.id(), "U0CAROL", "carol");
            try {
                String id = escalated("it-slack-1", null, "I was charged twice, I want to talk to a person");
                VendorStub.Seen post = slack.await(r -> r.path().equals("/api/chat.postMessage"), 1, 10_000).get(0);
                assertEquals("POST", post.method());
                assertEquals("Bearer xoxb-it-token", post.header("Authorization"));
                assertTrue(post.header("Content-Type").startsWith("application/json"), post.header("Content-Type"));
                JsonObject message = post.json();
                assertEquals("C0BILLING", message.getString("channel"), "the channel of the needed skill");
                assertTrue(message.getString("text").startsWith("<!subteam^S0SUPPORT> "), "high priority mentions the group: " + message.getString("text"));
                String blocks = message.getJsonArray("blocks").toString();
                assertTrue(blocks.contains("\"action_id\":\"handoff_claim\"") && blocks.contains("\"value\":\"" + id + "\""), blocks);
                assertTrue(blocks.contains("*Tier*\\nenterprise") && blocks.contains("Expected wait") && blocks.contains("Waiting"), blocks);
                assertTrue(blocks.contains("charged twice"), "the reason: " + blocks);
                awaitDelivered(conn, 1, 5_000);
                assertEquals("1503435956.000247", integrations.links(id).get(0).externalId());

                String payload = "{\"type\":\"block_actions\",\"user\":{\"id\":\"U0DAVE\",\"username\":\"dave\",\"team_id\":\"T0TEAM\"},"
                        + "\"api_app_id\":\"A0APP\",\"container\":{\"type\":\"message\",\"message_ts\":\"1503435956.000247\",\"channel_id\":\"C0BILLING\"},"
                        + "\"response_url\":\"" + slack.url() + "/respond/T0TEAM/1/abc\","
                        + "\"actions\":[{\"action_id\":\"handoff_claim\",\"block_id\":\"handoff_actions\",\"value\":\"" + id + "\",\"type\":\"button\","
                        + "\"action_ts\":\"1503435957.000001\"}]}";
                String body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
                String form = "application/x-www-form-urlencoded";
                String hook = "hooks/slack/" + conn.id();
                long now = Instant.now().getEpochSecond();

                assertEquals(401, postHook(hook, form, body, Map.of()).statusCode(), "unsigned");
                assertEquals(401, postHook(hook, form, body, Map.of("X-Slack-Request-Timestamp", Long.toString(now),
                        "X-Slack-Signature", "v0=" + hmacHex("it-slack-signing-secret", "v0:" + now + ":" + body.replace("U0DAVE", "U0EVIL")))).statusCode(),
                        "tampered: signed for another body");
                assertEquals(401, postHook(hook, form, body, Map.of("X-Slack-Request-Timestamp", Long.toString(now),
                        "X-Slack-Signature", "v0=" + hmacHex("another-secret", "v0:" + now + ":" + body))).statusCode(), "another secret");
                long sixMinutesAgo = now - 360;
                assertEquals(401, postHook(hook, form, body, Map.of("X-Slack-Request-Timestamp", Long.toString(sixMinutesAgo),
                        "X-Slack-Signature", "v0=" + hmacHex("it-slack-signing-secret", "v0:" + sixMinutesAgo + ":" + body))).statusCode(), "six minutes old");
                String documentedBody = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                        + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                        + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                        + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
                assertEquals(401, postHook("hooks/slack/" + documented.id(), form, documentedBody, Map.of("X-Slack-Request-Timestamp", "1531420618",
                        "X-Slack-Signature", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")).statusCode(),
                        "Slack's documented example is genuine but years old");
                assertEquals("queued", conversations.get(id).state(), "no refused click changed anything");
                assertEquals(0, slack.seen(r -> r.path().startsWith("/respond/")).size());

                HttpResponse<String> claimed = postHook(hook, form, body, Map.of("X-Slack-Request-Timestamp", Long.toString(now),
                        "X-Slack-Signature", "v0=" + hmacHex("it-slack-signing-secret", "v0:" + now + ":" + body)));
                assertEquals(200, claimed.statusCode(), claimed.body());
                assertEquals("assigned", conversations.get(id).state());
                assertEquals("dave", conversations.get(id).assignedAgent(), "accepted for the mapped agent");
                VendorStub.Seen update = slack.await(r -> r.path().equals("/api/chat.update"), 1, 10_000).get(0);
                assertEquals("Bearer xoxb-it-token", update.header("Authorization"));
                assertEquals("C0BILLING", update.json().getString("channel"));
                assertEquals("1503435956.000247", update.json().getString("ts"));
                String updated = update.json().getJsonArray("blocks").toString();
                assertTrue(updated.contains("Claimed by *Dave"), updated);
                assertFalse(updated.contains("handoff_claim"), "no Claim button once claimed");

                String carolBody = body.replace("U0DAVE", "U0CAROL");
                HttpResponse<String> late = postHook(hook, form, carolBody, Map.of("X-Slack-Request-Timestamp", Long.toString(now),
                        "X-Slack-Signature", "v0=" + hmacHex("it-slack-signing-secret", "v0:" + now + ":" + carolBody)));
                assertEquals(200, late.statusCode());
                assertEquals("dave", conversations.get(id).assignedAgent(), "still Dave's");
                VendorStub.Seen told = slack.await(r -> r.path().startsWith("/respond/"), 1, 10_000).get(0);
                assertEquals("/respond/T0TEAM/1/abc", told.path());
                assertEquals("ephemeral", told.json().getString("response_type"));
                assertFalse(told.json().getBoolean("replace_original"));
                assertTrue(told.json().getString("text").contains("already took this chat"), told.body());

                String strangerBody = body.replace("U0DAVE", "U0NOBODY");
                assertEquals(200, postHook(hook, form, strangerBody, Map.of("X-Slack-Request-Timestamp", Long.toString(now),
                        "X-Slack-Signature", "v0=" + hmacHex("it-slack-signing-secret", "v0:" + now + ":" + strangerBody))).statusCode());
                VendorStub.Seen notLinked = slack.await(r -> r.path().startsWith("/respond/") && r.body().contains("not linked"), 1, 10_000).get(0);
                assertTrue(notLinked.json().getString("text").contains("U0NOBODY"), notLinked.body());

                desk.resolve(id, "dave", "Refunded the second charge");
            } finally {
                disable(conn);
                disable(documented);
            }
        }
    }

    /**
     * Zendesk (items 1 and 3): while the helpdesk fails (500, 503, 429 with Retry-After) tickets are
     * kept, the health shows the failure; once it is back every ticket arrives exactly once (the
     * documented create request: Basic {email}/token:{token}, an Idempotency-Key, the ticket JSON),
     * the ticket is linked to its chat, and resolving the chat solves the ticket with an internal note.
     */
    @Test
    void withTheHelpdeskDownNoTicketIsLostAndNoneArrivesTwice() throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        AtomicInteger downCalls = new AtomicInteger();
        AtomicInteger nextTicket = new AtomicInteger(35436);
        Map<String, Integer> ticketsByConversation = new ConcurrentHashMap<>();
        try (VendorStub zendesk = new VendorStub(VendorStub.port(2), r -> {
            if (down.get() && !r.path().startsWith("/api/v2/tickets")) {
                return VendorStub.Answer.json(503, "{\"error\":\"Service Unavailable\"}"); // the context panel's reads of earlier tickets
            }
            if (down.get()) {
                return switch (downCalls.incrementAndGet() % 3) {
                    case 0 -> new VendorStub.Answer(429, Map.of("Retry-After", "1"), "{\"error\":\"APIRateLimitExceeded\"}");
                    case 1 -> VendorStub.Answer.json(503, "{\"error\":\"Service Unavailable\"}");
                    default -> VendorStub.Answer.json(500, "{\"error\":\"InternalError\"}");
                };
            }
            if (r.method().equals("POST") && r.path().equals("/api/v2/tickets.json")) {
                String external = r.json().getJsonObject("ticket").getString("external_id");
                int ticket = ticketsByConversation.computeIfAbsent(external, k -> nextTicket.getAndIncrement());
                return VendorStub.Answer.json(201, "{\"ticket\":{\"id\":" + ticket + ",\"url\":\"https://example.zendesk.com/api/v2/tickets/" + ticket
                        + ".json\",\"external_id\":\"" + external + "\",\"status\":\"new\",\"subject\":\"" + "Chat handoff" + "\"}}");
            }
            if (r.method().equals("PUT") && r.path().matches("/api/v2/tickets/\\d+\\.json")) {
                return VendorStub.Answer.json(200, "{\"ticket\":{\"id\":" + r.path().replaceAll("\\D", "").substring(1) + ",\"status\":\"solved\"}}");
            }
            return VendorStub.Answer.json(404, "{\"error\":\"InvalidEndpoint\"}");
        })) {
            ConnectorView zd = connector(ConnectorKind.ZENDESK, "it-zendesk", zendesk.url(), "{\"email\":\"agent@example.com\"}",
                    Map.of("apiToken", "zd-it-token", "webhookSecret", "zd-webhook-secret"));
            try {
                List<String> ids = List.of(
                        escalated("it-zd-1", "zd.one@example.com", "I was charged twice, I want to talk to a person"),
                        escalated("it-zd-2", "zd.two@example.com", "I want a refund for a double charge, order #4411"),
                        escalated("it-zd-3", null, "connect me to an agent please"));
                zendesk.await(r -> r.path().equals("/api/v2/tickets.json"), 6, 15_000);
                Thread.sleep(1_200);
                IntegrationHealth.ConnectorHealth failing = health.all().stream().filter(x -> x.id() == zd.id()).findFirst().orElseThrow();
                assertNotNull(failing.failingSince(), "the health page shows the failure");
                assertTrue(failing.alerting(), "failing longer than the alert threshold: " + failing);
                assertEquals("failing", failing.state());
                assertEquals(3, failing.undelivered());
                assertTrue(failing.errorRate() != null && failing.errorRate() == 1.0, failing.toString());
                assertTrue(health.alerts().stream().anyMatch(a -> a.id() == zd.id()));
                assertEquals(0, rows(zd, OutboxStatus.DEAD).size(), "nothing given up yet");

                down.set(false);
                awaitDelivered(zd, 3, 20_000);
                List<VendorStub.Seen> creates = zendesk.seen(r -> !r.method().isEmpty() && r.path().equals("/api/v2/tickets.json"));
                Map<String, Long> createsAfterOutage = zendesk.seen(r -> r.path().equals("/api/v2/tickets.json")).stream()
                        .skip(downCalls.get())
                        .collect(Collectors.groupingBy(r -> r.json().getJsonObject("ticket").getString("external_id"), Collectors.counting()));
                assertEquals(Map.of(ids.get(0), 1L, ids.get(1), 1L, ids.get(2), 1L), createsAfterOutage, "every ticket once");
                for (VendorStub.Seen r : creates) {
                    assertEquals("POST", r.method());
                    assertEquals("Basic " + Base64.getEncoder().encodeToString("agent@example.com/token:zd-it-token".getBytes(StandardCharsets.UTF_8)),
                            r.header("Authorization"));
                    assertTrue(r.header("Content-Type").startsWith("application/json"));
                    assertNotNull(r.header("Idempotency-Key"));
                }
                Map<String, Set<String>> keysByConversation = creates.stream().collect(Collectors.groupingBy(
                        r -> r.json().getJsonObject("ticket").getString("external_id"), Collectors.mapping(r -> r.header("Idempotency-Key"), Collectors.toSet())));
                keysByConversation.values().forEach(keys -> assertEquals(1, keys.size(), "retries reuse the idempotency key: " + keysByConversation));

                JsonObject first = zendesk.seen(r -> r.path().equals("/api/v2/tickets.json") && r.body().contains(ids.get(0))).get(0).json().getJsonObject("ticket");
                assertTrue(first.getString("subject").contains("charged twice"), first.toString());
                assertEquals("urgent", first.getString("priority"));
                assertEquals("zd.one@example.com", first.getJsonObject("requester").getString("email"));
                assertFalse(first.getJsonObject("comment").getBoolean("public"));
                String description = first.getJsonObject("comment").getString("body");
                assertTrue(description.contains("Transcript:") && description.contains("I was charged twice, I want to talk to a person"), description);
                assertTrue(description.contains("Page: Billing - https://app.example.com/billing") && description.contains("Topic: billing"), description);
                assertTrue(description.contains("Summary: "), description);

                List<IntegrationSettings.LinkView> links = integrations.links(ids.get(0));
                assertEquals(1, links.size());
                String ticket = links.get(0).externalId();
                assertEquals(zendesk.url() + "/agent/tickets/" + ticket, links.get(0).url(), "the ticket's link for the agent's view");

                desk.accept(ids.get(0), "dave");
                desk.resolve(ids.get(0), "dave", "Refunded the duplicate charge");
                VendorStub.Seen put = zendesk.await(r -> r.method().equals("PUT"), 1, 10_000).get(0);
                assertEquals("/api/v2/tickets/" + ticket + ".json", put.path());
                JsonObject solved = put.json().getJsonObject("ticket");
                assertEquals("solved", solved.getString("status"));
                assertFalse(solved.getJsonObject("comment").getBoolean("public"), "an internal note");
                assertTrue(solved.getJsonObject("comment").getString("body").contains("Refunded the duplicate charge"));
                awaitDelivered(zd, 4, 5_000);
                IntegrationHealth.ConnectorHealth healthy = health.all().stream().filter(x -> x.id() == zd.id()).findFirst().orElseThrow();
                assertNull(healthy.failingSince());
                assertEquals(0, healthy.undelivered());
                assertFalse(healthy.alerting());

                // the Zendesk webhook back: signed updates show on the chat, anything else is refused (item 2)
                String update = "{\"ticket_id\":\"" + ticket + "\",\"status\":\"solved\",\"comment\":\"Customer confirmed the refund\",\"updated_by\":\"Sam Agent\"}";
                String ts = Instant.now().toString();
                String hook = "hooks/zendesk/" + zd.id();
                assertEquals(401, postHook(hook, "application/json", update, Map.of()).statusCode(), "unsigned");
                assertEquals(401, postHook(hook, "application/json", update.replace("solved", "open"), Map.of("X-Zendesk-Webhook-Signature-Timestamp", ts,
                        "X-Zendesk-Webhook-Signature", hmacBase64("zd-webhook-secret", ts + update))).statusCode(), "tampered");
                String old = Instant.now().minusSeconds(360).toString();
                assertEquals(401, postHook(hook, "application/json", update, Map.of("X-Zendesk-Webhook-Signature-Timestamp", old,
                        "X-Zendesk-Webhook-Signature", hmacBase64("zd-webhook-secret", old + update))).statusCode(), "six minutes old");
                assertTrue(teamwork.notes(ids.get(0)).stream().noneMatch(n -> n.text().contains("Zendesk")), "refused updates change nothing");
                HttpResponse<String> good = postHook(hook, "application/json", update, Map.of("X-Zendesk-Webhook-Signature-Timestamp", ts,
                        "X-Zendesk-Webhook-Signature", hmacBase64("zd-webhook-secret", ts + update)));
                assertEquals(200, good.statusCode(), good.body());
                assertTrue(teamwork.notes(ids.get(0)).stream().anyMatch(n -> n.text().equals("Zendesk ticket #" + ticket
                        + " is now solved (by Sam Agent): Customer confirmed the refund")), teamwork.notes(ids.get(0)).toString());

                for (String id : ids.subList(1, 3)) {
                    conversations.close(id);
                }
            } finally {
                disable(zd);
            }
        }
    }

    /** The port of the server's HubSpot ({@code handoff.crm.hubspot.url}, the pom's {@code it.crm.port}). */
    static int crmPort() {
        String url = System.getenv("HANDOFF_CRM_HUBSPOT_URL");
        return url == null ? 28712 : URI.create(url.strip()).getPort();
    }

    static final String HUBSPOT_CONTACT = "{\"total\":1,\"results\":[{\"id\":\"501\",\"properties\":{\"email\":\"hs.one@example.com\","
            + "\"firstname\":\"Hanna\",\"lastname\":\"Spot\",\"company\":\"Acme\"},\"createdAt\":\"2026-01-01T00:00:00Z\","
            + "\"updatedAt\":\"2026-01-01T00:00:00Z\",\"archived\":false}]}";

    /**
     * CRM write-back (HubSpot): resolving a handed-over chat queues a note in the resolution's
     * transaction; the note goes to {@code POST /crm/v3/objects/notes} with the connector's Bearer
     * token, the outcome, agent, summary and link, associated to the contact (type 202); a 429 is
     * retried no earlier than its Retry-After, the retry first looks for a note the lost attempt
     * may have made, and exactly one note is created.
     */
    @Test
    void aResolvedChatIsLoggedToTheHubSpotContactOnceHonouringRetryAfter() throws Exception {
        AtomicInteger notePosts = new AtomicInteger();
        try (VendorStub hubspot = new VendorStub(crmPort(), r -> {
            if (r.method().equals("POST") && r.path().equals("/crm/v3/objects/contacts/search")) {
                return VendorStub.Answer.json(200, r.body().contains("hs.one@example.com") ? HUBSPOT_CONTACT : "{\"total\":0,\"results\":[]}");
            }
            if (r.method().equals("POST") && r.path().equals("/crm/v3/objects/notes/search")) {
                return VendorStub.Answer.json(200, "{\"total\":0,\"results\":[]}");
            }
            if (r.method().equals("POST") && r.path().equals("/crm/v3/objects/notes")) {
                return notePosts.incrementAndGet() == 1
                        ? new VendorStub.Answer(429, Map.of("Retry-After", "1"), "{\"status\":\"error\",\"message\":\"You have reached your secondly limit.\","
                                + "\"errorType\":\"RATE_LIMIT\",\"correlationId\":\"3f5c\",\"policyName\":\"SECONDLY\"}")
                        : VendorStub.Answer.json(201, "{\"id\":\"90001\",\"properties\":{\"hs_object_id\":\"90001\"},\"createdAt\":\"2026-12-03T10:00:00Z\","
                                + "\"updatedAt\":\"2026-12-03T10:00:00Z\",\"archived\":false}");
            }
            return VendorStub.Answer.json(404, "{\"status\":\"error\",\"message\":\"not found\"}");
        })) {
            ConnectorView hs = connector(ConnectorKind.HUBSPOT, "it-hubspot", hubspot.url(), "{\"portalId\":\"4242\"}", Map.of("token", "it-hs-writeback"));
            try {
                String id = escalated("it-hs-1", "hs.one@example.com", "I was charged twice, I want to talk to a person");
                assertTrue(rows(hs, OutboxStatus.PENDING).isEmpty() && rows(hs, OutboxStatus.DELIVERED).isEmpty(), "nothing before the resolution");
                desk.accept(id, "dave");
                desk.resolve(id, "dave", "Refunded the duplicate charge");
                awaitDelivered(hs, 1, 15_000);
                List<VendorStub.Seen> posts = hubspot.seen(r -> r.path().equals("/crm/v3/objects/notes"));
                assertEquals(2, posts.size(), "the 429, then the note");
                assertFalse(posts.get(1).at().isBefore(posts.get(0).at().plusMillis(900)), "Retry-After honoured: " + posts);
                assertEquals(1, hubspot.seen(r -> r.path().equals("/crm/v3/objects/notes/search")).size(), "the retry looked for an earlier note first");
                VendorStub.Seen note = posts.get(1);
                assertEquals("POST", note.method());
                assertEquals("Bearer it-hs-writeback", note.header("Authorization"));
                assertTrue(note.header("Content-Type").startsWith("application/json"));
                JsonObject body = note.json();
                String html = body.getJsonObject("properties").getString("hs_note_body");
                assertTrue(html.contains("Outcome: Refunded the duplicate charge") && html.contains("Agent: dave"), html);
                assertTrue(html.contains("agent/chat.xhtml?id=" + id), html);
                assertNotNull(Instant.parse(body.getJsonObject("properties").getString("hs_timestamp")));
                JsonObject association = body.getJsonArray("associations").getJsonObject(0);
                assertEquals("501", association.getJsonObject("to").getString("id"));
                assertEquals(202, association.getJsonArray("types").getJsonObject(0).getInt("associationTypeId"));
                assertEquals("HUBSPOT_DEFINED", association.getJsonArray("types").getJsonObject(0).getString("associationCategory"));
                List<IntegrationSettings.LinkView> links = integrations.links(id).stream().filter(l -> l.externalId().equals("90001")).toList();
                assertEquals(1, links.size(), "the note is kept: " + integrations.links(id));
                assertEquals("https://app.hubspot.com/contacts/4242/record/0-1/501", links.get(0).url());
                Thread.sleep(1_000);
                assertEquals(2, hubspot.seen(r -> r.path().equals("/crm/v3/objects/notes")).size(), "one note, nothing more");
            } finally {
                disable(hs);
            }
        }
    }

    private CustomerRecordsService.RecordsView awaitRecords(String conversationId, int sources, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        CustomerRecordsService.RecordsView v = records.view(conversationId);
        while ((v.loading() || v.sources().size() < sources) && System.currentTimeMillis() < end) {
            Thread.sleep(100);
            v = records.view(conversationId);
        }
        assertEquals(sources, v.sources().size(), v.toString());
        return v;
    }

    private static CustomerRecords source(CustomerRecordsService.RecordsView v, String kind) {
        return v.sources().stream().filter(s -> s.kind().equals(kind)).findFirst().orElseThrow(() -> new AssertionError(kind + " in " + v));
    }

    /**
     * Context before accepting: after the handoff commits, the customer's recent Zendesk tickets and
     * HubSpot deals are read (the documented requests) and shown for the conversation; with Zendesk
     * failing and HubSpot slower than the time-out, the handoff still goes to the queue at once and
     * each system shows as unavailable with its reason.
     */
    @Test
    void theCustomersTicketsAndDealsAreShownBeforeAcceptingAndAFailingVendorIsUnavailable() throws Exception {
        AtomicBoolean failing = new AtomicBoolean(false);
        try (VendorStub zendesk = new VendorStub(VendorStub.port(2), r -> {
                if (failing.get()) {
                    return VendorStub.Answer.json(503, "{\"error\":\"Service Unavailable\"}");
                }
                if (r.method().equals("GET") && r.path().equals("/api/v2/search.json")) {
                    return VendorStub.Answer.json(200, "{\"results\":[{\"id\":35001,\"external_id\":null,\"subject\":\"Invoice shows the wrong VAT\","
                            + "\"status\":\"solved\",\"priority\":\"normal\",\"created_at\":\"2026-11-02T09:00:00Z\",\"result_type\":\"ticket\"}],"
                            + "\"count\":1,\"next_page\":null,\"previous_page\":null,\"facets\":null}");
                }
                return VendorStub.Answer.json(201, "{\"ticket\":{\"id\":35999,\"status\":\"new\"}}");
            });
            VendorStub hubspot = new VendorStub(crmPort(), r -> {
                if (failing.get()) {
                    try {
                        Thread.sleep(4_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (r.path().equals("/crm/v3/objects/contacts/search")) {
                    return VendorStub.Answer.json(200, r.body().contains("rec.") ? HUBSPOT_CONTACT : "{\"total\":0,\"results\":[]}");
                }
                if (r.path().equals("/crm/v4/objects/contacts/501/associations/deals")) {
                    return VendorStub.Answer.json(200, "{\"results\":[{\"toObjectId\":7001,\"associationTypes\":[{\"category\":\"HUBSPOT_DEFINED\","
                            + "\"typeId\":4,\"label\":null}]}]}");
                }
                if (r.path().equals("/crm/v3/objects/deals/batch/read")) {
                    return VendorStub.Answer.json(200, "{\"status\":\"COMPLETE\",\"results\":[{\"id\":\"7001\",\"properties\":{\"dealname\":\"Annual plan\","
                            + "\"amount\":\"12000\",\"dealstage\":\"closedwon\",\"closedate\":\"2026-01-10T00:00:00Z\"},\"archived\":false}],"
                            + "\"startedAt\":\"2026-12-03T10:00:00Z\",\"completedAt\":\"2026-12-03T10:00:00Z\"}");
                }
                return VendorStub.Answer.json(404, "{\"status\":\"error\",\"message\":\"not found\"}");
            })) {
            ConnectorView zd = connector(ConnectorKind.ZENDESK, "it-zendesk-context", zendesk.url(), "{\"email\":\"agent@example.com\"}",
                    Map.of("apiToken", "zd-it-token"));
            ConnectorView hs = connector(ConnectorKind.HUBSPOT, "it-hubspot-context", hubspot.url(), "{\"portalId\":\"4242\"}", Map.of("token", "it-hs-read"));
            try {
                String id = escalated("it-rec-1", "rec.one@example.com", "I was charged twice, I want to talk to a person");
                CustomerRecordsService.RecordsView v = awaitRecords(id, 2, 15_000);
                CustomerRecords tickets = source(v, "zendesk");
                assertTrue(tickets.isAvailable(), v.toString());
                assertEquals("#35001", tickets.items().get(0).id());
                assertEquals("Invoice shows the wrong VAT", tickets.items().get(0).title());
                VendorStub.Seen search = zendesk.seen(r -> r.path().equals("/api/v2/search.json")).get(0);
                assertEquals("query=type%3Aticket%20requester%3Arec.one%40example.com&sort_by=created_at&sort_order=desc", search.query());
                CustomerRecords deals = source(v, "hubspot");
                assertEquals("Annual plan", deals.items().get(0).title());
                assertEquals("closedwon", deals.items().get(0).status());
                VendorStub.Seen batch = hubspot.seen(r -> r.path().equals("/crm/v3/objects/deals/batch/read")).get(0);
                assertEquals("POST", batch.method());
                assertEquals("Bearer it-hs-read", batch.header("Authorization"));
                assertEquals("7001", batch.json().getJsonArray("inputs").getJsonObject(0).getString("id"));
                int searches = zendesk.seen(r -> r.path().equals("/api/v2/search.json")).size();
                records.view(id);
                Thread.sleep(300);
                assertEquals(searches, zendesk.seen(r -> r.path().equals("/api/v2/search.json")).size(), "cached: no second read");

                failing.set(true);
                long started = System.currentTimeMillis();
                String slow = escalated("it-rec-2", "rec.two@example.com", "I was charged twice, I want to talk to a person");
                assertTrue(System.currentTimeMillis() - started < 3_000, "the handoff does not wait for the vendors");
                assertEquals("queued", conversations.get(slow).state(), "the offer goes out meanwhile");
                CustomerRecordsService.RecordsView down = awaitRecords(slow, 2, 20_000);
                assertEquals("Zendesk answered HTTP 503", source(down, "zendesk").unavailable());
                assertTrue(source(down, "hubspot").unavailable().contains("did not answer within"), down.toString());
                conversations.close(id);
                conversations.close(slow);
            } finally {
                disable(zd);
                disable(hs);
            }
        }
    }

    /**
     * E-mail alerts: a connector failing longer than the alert threshold (1 s here) mails the
     * configured address once through the SMTP relay, not again while the incident lasts, and once
     * more when it recovers.
     */
    @Test
    void aFailingConnectorIsMailedOnceAndItsRecoveryToo() throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        int smtpPort = Integer.parseInt(System.getenv("HANDOFF_MAIL_SMTP_PORT"));
        try (VendorStub receiver = new VendorStub(VendorStub.port(5), r -> down.get() ? VendorStub.Answer.json(503, "{}") : VendorStub.Answer.json(200, "{}"))) {
            ConnectorView hook = null;
            try {
                try (SmtpStub smtp = new SmtpStub(smtpPort)) {
                    hook = connector(ConnectorKind.WEBHOOK, "it-webhook-alert", receiver.url() + "/in", "{}", Map.of("signingSecret", "s"));
                    integrations.sendTest(hook.id());
                    String mail = smtp.received.get(20, java.util.concurrent.TimeUnit.SECONDS);
                    assertTrue(mail.contains("RCPT TO:<ops@example.com>"), mail);
                    assertTrue(mail.contains("Subject: [Handoff] it-webhook-alert is failing"), mail);
                    assertTrue(mail.contains("HTTP 503") && mail.contains("admin/integration-health.xhtml"), mail);
                }
                try (SmtpStub smtp = new SmtpStub(smtpPort)) {
                    Thread.sleep(3_000);
                    assertFalse(smtp.received.isDone(), "no second mail while the incident lasts");
                    down.set(false);
                    integrations.sendTest(hook.id());
                    String mail = smtp.received.get(20, java.util.concurrent.TimeUnit.SECONDS);
                    assertTrue(mail.contains("Subject: [Handoff] it-webhook-alert has recovered"), mail);
                }
            } finally {
                if (hook != null) {
                    disable(hook);
                }
            }
        }
    }

    /**
     * Data completeness and the purge: a resolution whose customer HubSpot does not know is counted
     * as a contact not found, a created ticket with its transcript is not counted as incomplete, a
     * refused delivery is dead-lettered; the purge deletes delivered rows and keeps the dead letter,
     * which an admin may discard.
     */
    @Test
    void theHealthPageCountsWhatIsIncompleteAndThePurgeKeepsDeadLetters() throws Exception {
        try (VendorStub zendesk = new VendorStub(VendorStub.port(2), r -> VendorStub.Answer.json(201, "{\"ticket\":{\"id\":36001,\"status\":\"new\"}}"));
            VendorStub hubspot = new VendorStub(crmPort(), r -> VendorStub.Answer.json(200, "{\"total\":0,\"results\":[]}"));
            VendorStub refusing = new VendorStub(VendorStub.port(3), r -> VendorStub.Answer.json(400, "{\"error\":\"bad request\"}"))) {
            ConnectorView zd = connector(ConnectorKind.ZENDESK, "it-zendesk-complete", zendesk.url(), "{\"email\":\"agent@example.com\"}", Map.of("apiToken", "t"));
            ConnectorView hs = connector(ConnectorKind.HUBSPOT, "it-hubspot-complete", hubspot.url(), "{}", Map.of("token", "t"));
            ConnectorView hook = connector(ConnectorKind.WEBHOOK, "it-webhook-refused", refusing.url() + "/in", "{\"events\":[\"integration.test\"]}",
                    Map.of("signingSecret", "s"));
            try {
                String id = escalated("it-complete-1", "unknown.person@example.com", "I was charged twice, I want to talk to a person");
                awaitDelivered(zd, 1, 15_000);
                desk.accept(id, "dave");
                desk.resolve(id, "dave", "Refunded");
                awaitDelivered(hs, 1, 15_000);
                assertTrue(rows(hs, OutboxStatus.DELIVERED).get(0).lastError().startsWith("skipped: contact not found in HubSpot"),
                        rows(hs, OutboxStatus.DELIVERED).toString());
                long dead = integrations.sendTest(hook.id());
                long end = System.currentTimeMillis() + 15_000;
                while (!"dead".equals(integrations.row(dead).status()) && System.currentTimeMillis() < end) {
                    Thread.sleep(100);
                }
                assertEquals("dead", integrations.row(dead).status(), "a 400 is refused for good");

                Map<Long, IntegrationHealth.Completeness> figures = health.completeness().stream()
                        .collect(Collectors.toMap(IntegrationHealth.Completeness::id, q -> q));
                assertEquals(1, figures.get(hs.id()).contactsNotFoundDay());
                assertEquals(1, figures.get(hs.id()).contactsNotFoundWeek());
                assertEquals(1, figures.get(zd.id()).ticketsDay());
                assertEquals(0, figures.get(zd.id()).noTranscriptDay(), "the ticket had its transcript");
                assertEquals(1, figures.get(hook.id()).deadDay());
                assertEquals(0, figures.get(zd.id()).deadWeek());

                int delivered = rows(zd, OutboxStatus.DELIVERED).size();
                assertEquals(2, delivered, "the ticket and its resolution");
                IntegrationHousekeeping.Purged purged = housekeeping.purge(Instant.now().minusSeconds(3600));
                assertEquals(delivered, rows(zd, OutboxStatus.DELIVERED).size(), "younger than the retention: kept (" + purged + ")");
                purged = housekeeping.purge(Instant.now().plusSeconds(1));
                assertTrue(purged.rows() >= 3 && purged.attempts() >= 3, purged.toString());
                assertTrue(rows(zd, OutboxStatus.DELIVERED).isEmpty() && rows(hs, OutboxStatus.DELIVERED).isEmpty(), "delivered rows purged");
                assertEquals("dead", integrations.row(dead).status(), "the dead letter stays");
                assertEquals(1, health.all().stream().filter(x -> x.id() == hook.id()).findFirst().orElseThrow().dead());
                assertTrue(outbox.discard(dead));
                assertFalse(outbox.discard(dead), "gone");
                assertEquals(0, health.all().stream().filter(x -> x.id() == hook.id()).findFirst().orElseThrow().dead());
                assertEquals(1, integrations.links(id).stream().filter(l -> l.externalId().equals("36001")).count(), "the ticket's link stays");
            } finally {
                disable(zd);
                disable(hs);
                disable(hook);
            }
        }
    }

    /** A row the vendor keeps failing is dead after the configured attempts (12 here); an admin's replay delivers it. */
    @Test
    void aRowThatKeepsFailingIsDeadAfterTheConfiguredAttemptsAndAReplayDeliversIt() throws Exception {
        AtomicBoolean broken = new AtomicBoolean(true);
        try (VendorStub receiver = new VendorStub(VendorStub.port(3), r -> broken.get() ? VendorStub.Answer.json(500, "{}") : VendorStub.Answer.json(204, ""))) {
            ConnectorView hook = connector(ConnectorKind.WEBHOOK, "it-webhook-dead", receiver.url() + "/in", "{}", Map.of("signingSecret", "s"));
            try {
                long test = integrations.sendTest(hook.id());
                long end = System.currentTimeMillis() + 30_000;
                while (!"dead".equals(integrations.row(test).status()) && System.currentTimeMillis() < end) {
                    Thread.sleep(200);
                }
                OutboxRowView dead = integrations.row(test);
                assertEquals("dead", dead.status(), dead.toString());
                assertEquals(12, dead.attempts());
                assertEquals(12, receiver.seen().size(), "exactly the configured attempts");
                assertTrue(dead.lastError().contains("gave up after 12 attempts"), dead.lastError());
                assertEquals(1, health.all().stream().filter(x -> x.id() == hook.id()).findFirst().orElseThrow().dead());

                broken.set(false);
                assertTrue(outbox.replay(test, Instant.now()));
                end = System.currentTimeMillis() + 10_000;
                while (!"delivered".equals(integrations.row(test).status()) && System.currentTimeMillis() < end) {
                    Thread.sleep(100);
                }
                assertEquals("delivered", integrations.row(test).status());
                assertEquals(13, receiver.seen().size());
                assertEquals("integration.test", receiver.seen().get(12).json().getString("type"));
            } finally {
                disable(hook);
            }
        }
    }

    /**
     * Safe claiming: two workers racing over the same due rows each get a disjoint share; and what a
     * killed server leaves behind (rows still pending, a row it had claimed when it died) is
     * delivered after the restart, each once: the claim lapses and another worker takes it.
     */
    @Test
    void twoWorkersNeverTakeTheSameRowAndAKilledWorkersRowsAreDeliveredAfterItsClaimLapses() throws Exception {
        try (VendorStub receiver = new VendorStub(VendorStub.port(4), r -> VendorStub.Answer.json(200, "{}"))) {
            ConnectorView hook = integrations.create(ConnectorKind.WEBHOOK, "it-webhook-race", receiver.url() + "/in", "{}", false,
                    Map.of("signingSecret", "s"));
            try {
                for (int i = 0; i < 40; i++) {
                    integrations.sendTest(hook.id());
                }
                List<Long> due = outbox.claimable(hook.id(), Instant.now(), 100);
                assertEquals(40, due.size());
                ExecutorService pool = Executors.newFixedThreadPool(2);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<List<Long>>> got = List.of("w-race-a", "w-race-b").stream().map(w -> pool.submit(() -> {
                    go.await();
                    List<Long> mine = new java.util.ArrayList<>();
                    for (Long id : due) {
                        Instant now = Instant.now();
                        if (outbox.claim(id, w, now, now.plusSeconds(8))) {
                            mine.add(id);
                        }
                    }
                    return mine;
                })).toList();
                go.countDown();
                List<Long> a = got.get(0).get();
                List<Long> b = got.get(1).get();
                pool.shutdown();
                assertTrue(a.stream().noneMatch(b::contains), "no row claimed twice: " + a + " / " + b);
                assertEquals(40, a.size() + b.size(), "every row claimed once");

                // both "workers" die holding their claims; the server's own worker takes the rows once the claims lapse
                ConnectorView now = integrations.connector(hook.id());
                integrations.update(hook.id(), now.name(), now.url(), now.settings(), true, Map.of(), Set.of());
                Thread.sleep(1_000);
                assertEquals(0, receiver.seen().size(), "claimed rows are not taken while the claim holds");
                awaitDelivered(hook, 40, 30_000);
                Map<String, Long> perEvent = receiver.seen().stream().collect(Collectors.groupingBy(r -> r.header("Handoff-Event-Id"), Collectors.counting()));
                assertEquals(40, perEvent.size());
                assertTrue(perEvent.values().stream().allMatch(n -> n == 1), "each once: " + perEvent);
                rows(hook, OutboxStatus.DELIVERED).forEach(r -> assertEquals(2, r.attempts(), "the dead claim counts as an attempt"));
            } finally {
                disable(hook);
            }
        }
    }

    /** A change that rolls back writes no outbox row; a disabled connector gets none. */
    @Test
    void theOutboxHoldsExactlyWhatCommitted() throws Exception {
        try (VendorStub receiver = new VendorStub(VendorStub.port(5), r -> VendorStub.Answer.json(200, "{}"))) {
            ConnectorView hook = connector(ConnectorKind.WEBHOOK, "it-webhook-commit", receiver.url() + "/in", "{\"events\":[\"handoff.accepted\"]}",
                    Map.of("signingSecret", "s"));
            try {
                String id = escalated("it-commit-1", null, "connect me to an agent please");
                desk.accept(id, "dave");
                try {
                    desk.accept(id, "carol");
                } catch (RuntimeException expected) {
                    // taken: rolled back, no event
                }
                awaitDelivered(hook, 1, 10_000);
                Thread.sleep(600);
                assertEquals(1, receiver.seen().size(), "only the committed accept: " + receiver.seen());
                assertEquals("dave", receiver.seen().get(0).json().getJsonObject("data").getString("agent"));
                assertEquals(0, rows(hook, OutboxStatus.PENDING).size());
                conversations.close(id);
            } finally {
                disable(hook);
            }
        }
    }
}
