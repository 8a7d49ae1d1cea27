package dev.handoff.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.desk.boundary.AgentDeskService;
import dev.handoff.conversation.boundary.ConversationService;
import dev.handoff.conversation.boundary.MessageView;
import dev.handoff.desk.boundary.FollowUpService;
import dev.handoff.routing.boundary.RoutingService;
import dev.handoff.identity.entity.Presence;
import dev.handoff.widget.boundary.WidgetService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The customer's side through its APIs, on the real WAR: the public widget API's gate (site keys,
 * origins, rate limits), the demo bot answering from help articles with the triggers deciding the
 * handoff, and what the bot API now tells a bot platform (transition and confirmation texts, live
 * 'queue' events, CSAT, continuing after the end, abandonment, callbacks as tasks).
 */
@ExtendWith(ArquillianExtension.class)
class CustomerWidgetApiIT {

    static final String SHOP = "https://shop.example.com";

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("handoff.war", "target/handoff.war")))
                .addClasses(CustomerWidgetApiIT.class, CustomerWidgetApiIT.Widget.class, CustomerWidgetApiIT.Events.class, Api.class,
                        Api.Reply.class, SmtpStub.class);
        // (the customer texts and the trigger names come from the WAR itself)
    }

    @ArquillianResource
    URL base;

    @Inject
    ConversationService conversations;

    @Inject
    AgentDeskService desk;

    @Inject
    RoutingService routing;

    @Inject
    WidgetService widgets;

    @Inject
    FollowUpService followUps;

    @PersistenceContext
    EntityManager em;

    private Api api() {
        return new Api(base.toString(), Api.itKey());
    }

    private Api admin() {
        return new Api(base.toString(), System.getProperty("handoff.it.adminKey", "hk_integrationAdminKey000000000000000"));
    }

    private String demoSiteKey() {
        Api.Reply sites = admin().get("/api/v1/admin/widget/sites");
        assertEquals(200, sites.status(), sites.body());
        return jakarta.json.Json.createReader(new java.io.StringReader(sites.body())).readArray().getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("name").equals("Demo site")).findFirst().orElseThrow().getString("siteKey");
    }

    /** Acceptance 4: foreign origins, bad site keys, bad visitor tokens and floods get clear problems. */
    @Test
    @RunAsClient
    void theWidgetApiRefusesForeignOriginsBadSiteKeysAndFloods() {
        Api.Reply created = admin().post("/api/v1/admin/widget/sites", "{\"name\":\"Shop\",\"allowedOrigins\":[\"https://Shop.example.com/\"],"
                + "\"botMode\":\"external\",\"visitorPerMinute\":5,\"sitePerMinute\":9,\"offerAfterSeconds\":60}");
        assertEquals(201, created.status(), created.body());
        String key = created.json().getString("siteKey");
        assertTrue(key.startsWith("ws_"), key);
        assertEquals(List.of(SHOP), created.json().getJsonArray("allowedOrigins").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList(), "origins are normalised");

        Widget foreign = new Widget(base, key, "https://evil.example.com");
        HttpResponse<String> refused = foreign.send("POST", "/session", "{}");
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(refused.body().contains("origin-not-allowed") && refused.body().contains("https://evil.example.com"), refused.body());
        assertTrue(refused.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "no CORS header: the browser blocks the page");
        HttpResponse<String> preflight = foreign.send("OPTIONS", "/session", null);
        assertEquals(403, preflight.statusCode(), "a foreign preflight fails too");

        Widget shop = new Widget(base, key, SHOP);
        HttpResponse<String> allowedPreflight = shop.send("OPTIONS", "/messages", null);
        assertEquals(204, allowedPreflight.statusCode());
        assertEquals(SHOP, allowedPreflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(allowedPreflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("X-Visitor-Token"));

        HttpResponse<String> badKey = new Widget(base, "ws_notARealKey123", SHOP).send("POST", "/session", "{}");
        assertEquals(401, badKey.statusCode());
        assertTrue(badKey.body().contains("invalid-site-key"), badKey.body());
        assertEquals(401, new Widget(base, "not-even-a-key", SHOP).send("POST", "/session", "{}").statusCode());

        JsonObject session = shop.open();
        assertTrue(session.getString("token").startsWith("vt_"));
        assertEquals("new", session.getString("state"));
        HttpResponse<String> badToken = new Widget(base, key, SHOP).withToken("vt_forged000000000000").send("GET", "/state", null);
        assertEquals(403, badToken.statusCode(), badToken.body());
        assertTrue(badToken.body().contains("open the widget again"), badToken.body());

        // One visitor floods: 5 a minute, then 429 with Retry-After (a window may turn mid-loop, hence up to three windows' worth).
        HttpResponse<String> flood = null;
        for (int i = 0; i < 18 && (flood == null || flood.statusCode() != 429); i++) {
            flood = shop.send("GET", "/state", null);
        }
        assertEquals(429, flood.statusCode(), flood.body());
        assertTrue(flood.body().contains("rate-limited") && flood.body().contains("at most 5 a minute"), flood.body());
        assertTrue(Integer.parseInt(flood.headers().firstValue("Retry-After").orElse("0")) >= 1);
        assertEquals(SHOP, flood.headers().firstValue("Access-Control-Allow-Origin").orElse(null), "the widget can read why");

        // Many visitors flood the site: 9 a minute for the whole site.
        HttpResponse<String> siteFlood = null;
        for (int i = 0; i < 30 && (siteFlood == null || !siteFlood.body().contains("site's chat widget")); i++) {
            siteFlood = new Widget(base, key, SHOP).withToken("vt_visitor" + i).send("GET", "/state", null);
        }
        assertEquals(429, siteFlood.statusCode(), siteFlood.body());
        assertTrue(siteFlood.body().contains("at most 9 a minute"), siteFlood.body());

        // the bot API's keys are not needed, and not accepted instead of a site key
        assertEquals(401, api().get("/api/v1/widget/" + key.substring(0, 5) + "/state").status());
    }

    /** The demo bot answers from the help articles, says when it does not know, and the triggers decide the handoff. */
    @Test
    @RunAsClient
    void theDemoBotAnswersFromArticlesAndTheTriggersDecideTheHandoff() throws Exception {
        HttpResponse<String> demo = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "demo")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, demo.statusCode());
        String key = demoSiteKey();
        assertTrue(demo.body().contains("widget/handoff-widget.js\" data-site-key=\"" + key + "\""), "one script tag embeds the widget");
        HttpResponse<String> script = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "widget/handoff-widget.js")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, script.statusCode());

        Widget w = new Widget(base, key, null); // /demo is served by Handoff itself: same origin
        w.open();
        JsonObject answer = w.say("How do I download my invoices?");
        assertEquals("bot", answer.getString("state"));
        JsonObject bot = last(answer, "bot");
        assertEquals("article:invoices", bot.getString("intent"), bot.toString());
        assertTrue(bot.getString("text").contains("Settings > Billing > Invoices"), bot.toString());

        JsonObject unknown = w.say("What's the weather like in Paris tomorrow?");
        assertEquals("fallback", last(unknown, "bot").getString("intent"));
        assertTrue(last(unknown, "bot").getString("text").startsWith("I'm sorry, I don't know"));
        assertEquals("bot", unknown.getString("state"), "one 'I don't know' is not a handoff");
        JsonObject again = w.say("Who won the football game last night?");
        assertEquals("queued", again.getString("state"), "two in a row: the bot-failure trigger hands the chat over");

        // The widget resumes after a reload: the same token gives the same conversation and its transcript.
        JsonObject resumed = w.reopen();
        assertEquals(again.getString("conversationId"), resumed.getString("conversationId"));
        assertTrue(resumed.getJsonArray("messages").size() >= 6, resumed.toString());
        assertFalse(resumed.getJsonArray("articles").isEmpty(), "help articles while waiting");

        // "Talk to a person" is honoured at once, on a fresh visitor still with the bot
        Widget other = new Widget(base, key, null);
        other.open();
        other.say("Hello");
        JsonObject person = other.post("/person", "{}");
        assertEquals("queued", person.getString("state"), person.toString());
        assertTrue(person.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .anyMatch(m -> m.getString("author").equals("system") && m.getString("text").contains("connecting you")), person.toString());
        assertNotNull(person.getJsonObject("queue"), "position and wait while queued");

        // later tests start with an empty queue
        assertEquals(200, api().post("/api/v1/conversations/" + again.getString("conversationId") + "/close", "").status());
        assertEquals(200, api().post("/api/v1/conversations/" + person.getString("conversationId") + "/close", "").status());
    }

    /** Acceptance 5: the bot API gets the transition and confirmation texts, 'queue' events, and accepts CSAT; after the end, no 409. */
    @Test
    void theBotApiGetsTheCustomerFacingTextsQueueEventsAndCsat() throws Exception {
        // nobody online: both chats wait in line (an offered chat is no longer "in line")
        List.of("alice", "bob", "carol", "dave", "sam").forEach(a -> routing.setPresence(a, Presence.OFFLINE));
        Api api = api();
        try {
            String first = start(api, "cw-bot-1", "Dana Smith");
            Api.Reply escalation = api.say(first, "customer", "I was charged twice, transactions TX-88231 and TX-88232 - I need a person");
            JsonObject body = escalation.json();
            assertTrue(body.getBoolean("escalatedNow"), body.toString());
            List<String> fired = body.getJsonArray("triggers").getValuesAs(JsonObject.class).stream().map(t -> t.getString("name")).toList();
            boolean upset = fired.stream().anyMatch(dev.handoff.conversation.control.CustomerTexts.FRUSTRATION_TRIGGERS::contains);
            assertEquals(upset ? "I'm really sorry about the trouble with your billing, Dana. I'm connecting you with a billing specialist right now."
                    : "I'm connecting you with a specialist who can help with your billing concern.", body.getString("transition"),
                    "the billing transition, with empathy when " + fired + " heard frustration");
            assertEquals("nobody-online", body.getJsonObject("conversation").getString("unavailable"), "and the honest notice");
            String confirmation = body.getString("confirmation");
            assertTrue(confirmation.contains("TX-88231 and TX-88232") && confirmation.contains("your billing concern")
                    && confirmation.endsWith("so you won't need to repeat yourself."), confirmation);
            assertTrue(body.getJsonObject("conversation").getString("queueText").matches("You're number \\d+ in line, .*\\."),
                    body.getJsonObject("conversation").toString());

            String second = start(api, "cw-bot-2", "Lee Park");
            assertTrue(api.say(second, "customer", "You charged me twice, I want a refund from a person").json().getBoolean("escalatedNow"));
            Events events = Events.open(api, "/api/v1/conversations/" + second + "/messages/stream");
            assertTrue(events.await(l -> l.contains("\"position\":"), 15), "where it stands: " + events.lines);
            assertTrue(events.lines.stream().anyMatch(l -> l.equals("event:queue") || l.equals("event: queue")), events.lines.toString());
            int behind = events.position();
            assertTrue(behind >= 2, "behind the first: " + events.lines);

            routing.setPresence("alice", Presence.ONLINE);
            desk.accept(first, "alice");
            assertTrue(events.await(l -> l.contains("\"position\":") && Events.positionIn(l) < behind, 15),
                    "moves up live when the first is taken: " + events.lines);

            // End of chat: goodbye and the rating question, then the rating from the bot platform.
            desk.resolve(first, "alice", "Refunded TX-88232");
            List<MessageView> transcript = conversations.messagesAfter(first, 0, 100);
            assertTrue(transcript.stream().anyMatch(m -> m.text().startsWith("Alice Martin has ended the chat. Thank you for contacting us, Dana")),
                    transcript.toString());
            assertEquals("csat_question", transcript.get(transcript.size() - 1).intent());
            Api.Reply rated = api.post("/api/v1/conversations/" + first + "/csat", "{\"rating\":4,\"comment\":\"Quick and kind\"}");
            assertEquals(200, rated.status(), rated.body());
            assertEquals(4, rated.json().getJsonObject("csat").getInt("rating"));
            assertEquals(409, api.post("/api/v1/conversations/" + first + "/csat", "{\"rating\":5}").status(), "once");
            assertEquals(400, api.post("/api/v1/conversations/" + second + "/csat", "{\"rating\":7}").status());
            assertEquals(409, api.post("/api/v1/conversations/" + second + "/csat", "{\"rating\":3}").status(), "not before the end");
            assertEquals(1L, journal(first, "csat.received"), "CsatReceived is journaled");

            // A customer who writes after the resolve continues in a new conversation (no 409).
            Api.Reply after = api.say(first, "customer", "One more thing - will I get an e-mail about the refund?");
            assertEquals(201, after.status(), after.body());
            JsonObject next = after.json().getJsonObject("conversation");
            assertNotEquals(first, next.getString("id"));
            assertEquals(first, next.getString("previousConversationId"));
            assertTrue(List.of("bot", "queued").contains(next.getString("state")), "open, through the triggers like any message: " + next);

            // A bot-resolved chat is rated too: close, then CSAT.
            String bots = start(api, "cw-bot-3", "Sam Solved");
            api.say(bots, "customer", "How do I change my plan?");
            api.post("/api/v1/conversations/" + bots + "/close", "");
            Api.Reply botRated = api.post("/api/v1/conversations/" + bots + "/csat", "{\"rating\":5}");
            assertEquals(200, botRated.status(), botRated.body());
            assertFalse(em.createNativeQuery("SELECT escalated FROM csat_response WHERE conversation_id = '" + bots + "'").getResultList().isEmpty());

            // The second customer leaves while waiting: abandoned, with the wait, and the place is freed.
            api.post("/api/v1/conversations/" + second + "/close", "");
            assertEquals(1L, journal(second, "handoff.abandoned"));
            events.close();
        } finally {
            routing.setPresence("alice", Presence.OFFLINE);
        }
    }

    /** A plain customer (no tier, so no VIP trigger). */
    private static String start(Api api, String externalId, String name) {
        Api.Reply r = api.post("/api/v1/conversations", "{\"customer\":{\"externalId\":\"" + externalId + "\",\"name\":" + Api.quote(name)
                + "},\"channel\":\"web\"}");
        assertEquals(201, r.status(), r.body());
        return r.json().getString("id");
    }

    /**
     * An e-mail answer a customer asked for is sent through the configured SMTP relay (here a local
     * server playing it, on {@code HANDOFF_MAIL_SMTP_PORT}): to the customer's address, from the
     * configured sender, with the agent's words; the task says "sent".
     */
    @Test
    void anEmailAnswerGoesOutThroughTheSmtpRelay() throws Exception {
        try (SmtpStub smtp = new SmtpStub(Integer.parseInt(System.getenv("HANDOFF_MAIL_SMTP_PORT")))) {
            Widget writer = new Widget(base, demoSiteKey(), null);
            writer.open();
            writer.say("I was charged twice for my plan, I need a person to refund it");
            JsonObject asked = writer.post("/follow-up", "{\"channel\":\"email\",\"contact\":\"erin.mail@example.com\"}");
            String id = asked.getString("conversationId");
            FollowUpService.TaskView task = followUps.openFor("alice").stream().filter(t -> t.conversationId().equals(id)).findFirst().orElseThrow();
            assertEquals("email", task.kind());
            FollowUpService.TaskView done = followUps.complete(task.id(), "alice", "We refunded the second charge, it shows in 3 to 5 days.");
            assertEquals("sent", done.delivery());
            String mail = smtp.received.get(15, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(mail.contains("RCPT TO:<erin.mail@example.com>"), mail);
            assertTrue(mail.contains("MAIL FROM:<support@handoff.invalid>"), mail);
            assertTrue(mail.contains("Subject: Your question to our support team"), mail);
            assertTrue(mail.contains("We refunded the second charge, it shows in 3 to 5 days."), mail);
        }
    }

    /** A widget customer who leaves while queued is recorded as abandoned after the grace period; a callback becomes a task with its SLA. */
    @Test
    void leaversAreAbandonedAndACallbackBecomesATaskForTheSkill() throws Exception {
        String key = demoSiteKey();
        Widget leaver = new Widget(base, key, null);
        leaver.open();
        JsonObject queued = leaver.post("/person", "{}");
        assertEquals("queued", queued.getString("state"));
        String leaverId = queued.getString("conversationId");
        assertEquals(0, widgets.closeAbandoned(Duration.ofMinutes(5)), "still within the grace period");
        Thread.sleep(1100);
        assertTrue(widgets.closeAbandoned(Duration.ofSeconds(1)) >= 1);
        assertEquals("closed", conversations.get(leaverId).state());
        assertEquals(1L, journal(leaverId, "handoff.abandoned"));

        Widget caller = new Widget(base, key, null);
        caller.open();
        caller.say("I was charged twice, I need to talk to a person about a refund");
        JsonObject asked = caller.post("/follow-up", "{\"channel\":\"phone\",\"contact\":\"+49 30 1234567\",\"preferredTime\":\"after 5 pm\"}");
        assertEquals(1, asked.getJsonArray("followUps").size(), asked.toString());
        String id = asked.getString("conversationId");
        FollowUpService.TaskView task = followUps.openFor("alice").stream().filter(t -> t.conversationId().equals(id)).findFirst().orElseThrow();
        assertEquals("callback", task.kind());
        assertEquals("billing", task.skill());
        assertTrue(task.left().toMinutes() >= 58 && task.left().toMinutes() <= 60, "due within the callback SLA: " + task.left());
        assertTrue(followUps.openFor("bob").stream().noneMatch(t -> t.conversationId().equals(id)), "bob has no billing skill");
        assertEquals(0, widgets.closeAbandoned(Duration.ZERO), "a customer who asked for a callback did not abandon");
        followUps.complete(task.id(), "alice", null);
        assertTrue(followUps.open().stream().noneMatch(t -> t.id() == task.id()));

        // The agent may hand the chat back to the bot: the customer is told, the demo bot answers again.
        routing.setPresence("alice", Presence.ONLINE);
        try {
            desk.accept(id, "alice");
            assertEquals("bot", desk.handBack(id, "alice").state());
            JsonObject back = caller.say("How do I download my invoices?");
            assertEquals("bot", back.getString("state"));
            assertTrue(back.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                    .anyMatch(m -> m.getString("text").startsWith("Alice Martin handed the chat back to our assistant")), back.toString());
            assertEquals("article:invoices", last(back, "bot").getString("intent"));
        } finally {
            routing.setPresence("alice", Presence.OFFLINE);
        }
        conversations.close(id);
    }

    private long journal(String conversationId, String type) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM domain_event WHERE conversation_id = ?1 AND type = ?2")
                .setParameter(1, conversationId).setParameter(2, type).getSingleResult()).longValue();
    }

    private static JsonObject last(JsonObject state, String author) {
        List<JsonObject> messages = state.getJsonArray("messages").getValuesAs(JsonObject.class);
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).getString("author").equals(author)) {
                return messages.get(i);
            }
        }
        throw new AssertionError("no " + author + " message in " + state);
    }

    /** A browser's widget, over plain HTTP: site key, Origin (or none: same origin) and the visitor token. */
    static final class Widget {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final String api;
        private final String origin;
        private String token;
        private int after;

        Widget(URL base, String siteKey, String origin) {
            this.api = base.toString().replaceAll("/$", "") + "/api/v1/widget/" + siteKey;
            this.origin = origin;
        }

        Widget withToken(String t) {
            this.token = t;
            return this;
        }

        JsonObject open() {
            JsonObject s = json(send("POST", "/session", "{\"page\":{\"url\":\"https://shop.example.com/help\",\"title\":\"Help\"}}"));
            token = s.getString("token");
            return s;
        }

        JsonObject reopen() {
            return json(send("POST", "/session", "{\"token\":\"" + token + "\"}"));
        }

        JsonObject say(String text) {
            JsonObject s = post("/messages", "{\"text\":" + Api.quote(text) + ",\"after\":" + after + "}");
            return s;
        }

        JsonObject post(String path, String body) {
            JsonObject s = json(send("POST", path, body));
            List<JsonObject> m = s.getJsonArray("messages").getValuesAs(JsonObject.class);
            if (!m.isEmpty()) {
                after = m.get(m.size() - 1).getInt("seq");
            }
            return s;
        }

        HttpResponse<String> send(String method, String path, String body) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            if (origin != null) {
                b.header("Origin", origin);
            }
            if ("OPTIONS".equals(method)) {
                b.header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "content-type,x-visitor-token");
            }
            if (token != null) {
                b.header("X-Visitor-Token", token);
            }
            try {
                return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private static JsonObject json(HttpResponse<String> r) {
            assertEquals(200, r.statusCode(), r.body());
            return jakarta.json.Json.createReader(new java.io.StringReader(r.body())).readObject();
        }
    }

    /** An event stream read line by line in the background. */
    static final class Events implements AutoCloseable {
        final List<String> lines = new CopyOnWriteArrayList<>();
        private InputStream body;

        static Events open(Api api, String path) throws Exception {
            HttpResponse<InputStream> response = api.http().send(api.request(path).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            Events events = new Events();
            events.body = response.body();
            Thread t = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(events.body, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        events.lines.add(line);
                    }
                } catch (Exception e) {
                    events.lines.add("! " + e);
                }
            });
            t.setDaemon(true);
            t.start();
            return events;
        }

        /** The position in the first 'queue' event. */
        int position() {
            return lines.stream().filter(l -> l.contains("\"position\":")).findFirst().map(Events::positionIn).orElse(0);
        }

        static int positionIn(String line) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"position\":(\\d+)").matcher(line);
            return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
        }

        boolean await(Predicate<String> line, int seconds) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < until) {
                if (lines.stream().anyMatch(line)) {
                    return true;
                }
                Thread.sleep(100);
            }
            return false;
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (Exception e) {
                // closing a stream the server may have closed
            }
        }
    }
}
