package dev.handoff.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.desk.boundary.AgentDeskService;
import dev.handoff.conversation.boundary.ConversationService;
import dev.handoff.conversation.boundary.ConversationView;
import dev.handoff.conversation.boundary.CustomerDirectory;
import dev.handoff.conversation.boundary.MessageView;
import dev.handoff.conversation.boundary.PostCommand;
import dev.handoff.conversation.boundary.PostOutcome;
import dev.handoff.conversation.boundary.StartCommand;
import dev.handoff.desk.boundary.ChatTeamwork;
import dev.handoff.desk.boundary.SlaService;
import dev.handoff.desk.boundary.TemplateService;
import dev.handoff.platform.entity.Author;
import dev.handoff.routing.boundary.AgentProfiles;
import dev.handoff.routing.boundary.UserBulkService;
import dev.handoff.identity.boundary.UserService;
import dev.handoff.platform.ConflictException;
import dev.handoff.platform.ForbiddenException;
import dev.handoff.routing.boundary.Availability;
import dev.handoff.routing.boundary.RoutingPolicyService;
import dev.handoff.routing.boundary.RoutingService;
import dev.handoff.routing.control.RoutingPolicy;
import dev.handoff.identity.entity.Presence;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The context package and the agent's workspace against a real Payara Micro: the AI summary and the
 * CRM sync against local servers playing OpenAI-compatible and HubSpot endpoints (ports from the
 * pom), customer and agent CSV imports, notes, consult, transfer, templates, SLA breaches, business
 * hours, and the honest answer when nobody is available. Shares the API ITs' database.
 */
@ExtendWith(ArquillianExtension.class)
class InboxContextApiIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("handoff.war", "target/handoff.war")))
                .addClasses(InboxContextApiIT.class, EngineReady.class, Api.class, Api.Reply.class, As.class, As.ThrowingRunnable.class);
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
    ConversationService conversations;

    @Inject
    AgentDeskService desk;

    @Inject
    RoutingService routing;

    @Inject
    Availability availability;

    @Inject
    ChatTeamwork teamwork;

    @Inject
    TemplateService templates;

    @Inject
    SlaService sla;

    @Inject
    CustomerDirectory directory;

    @Inject
    UserService users;

    @Inject
    AgentProfiles profiles;

    @Inject
    UserBulkService bulk;

    @Inject
    RoutingPolicyService policies;

    private Api api() {
        return new Api(base.toString(), Api.itKey());
    }

    private String escalated(String externalId, String text) {
        String id = conversations.start(new StartCommand(externalId, "Customer " + externalId, null, "pro", null, "web",
                "https://app.example.com/billing", "Billing", null)).id();
        PostOutcome outcome = conversations.post(id, new PostCommand(Author.CUSTOMER, text, null, null, null, null));
        assertTrue(outcome.escalatedNow(), "escalates: " + text);
        return id;
    }

    /**
     * The context package: facts, page trail and the built-in summary at once; then the AI summary
     * from the OpenAI-compatible endpoint this test plays (configured for the API ITs in the pom).
     */
    @Test
    @RunAsClient
    void theHandoffCarriesItsContextAndAnAiSummaryWhenAnEndpointIsConfigured() throws Exception {
        List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> auth = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer llm = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", Integer.getInteger("handoff.it.llmPort", 28711)), 0);
        llm.createContext("/v1/chat/completions", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            auth.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] reply = ("{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"it-model\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"Customer was charged $49.99 twice for order #12345 and wants it refunded.\"},"
                    + "\"finish_reason\":\"stop\"}]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        llm.start();
        try {
            Api bot = api();
            String id = bot.start("it-context-1", "Dana Context");
            assertEquals(201, bot.post("/api/v1/conversations/" + id + "/messages", "{\"author\":\"customer\","
                    + "\"text\":\"Hi, a question about order #12345, the one I paid $49.99 for\",\"page\":{\"url\":\"https://app.example.com/billing/invoices\"}}").status());
            Api.Reply escalation = bot.post("/api/v1/conversations/" + id + "/messages", "{\"author\":\"customer\","
                    + "\"text\":\"my email is dana.m@example.com - please connect me to an agent\",\"page\":{\"url\":\"https://app.example.com/help/contact\",\"title\":\"Contact us\"}}");
            assertTrue(escalation.json().getBoolean("escalated"), escalation.body());

            JsonObject context = bot.get("/api/v1/conversations/" + id).json().getJsonObject("context");
            assertNotNull(context, "the context package exists as soon as the chat is handed over");
            List<String> facts = context.getJsonArray("facts").getValuesAs(JsonObject.class).stream()
                    .map(f -> f.getString("kind") + "=" + f.getString("value")).toList();
            assertTrue(facts.contains("MONEY=$49.99"), facts.toString());
            assertTrue(facts.stream().anyMatch(f -> f.startsWith("ORDER_NUMBER=") && f.contains("12345")), facts.toString());
            assertTrue(facts.contains("EMAIL=dana.m@example.com"), facts.toString());
            assertEquals(List.of("https://app.example.com/billing", "https://app.example.com/billing/invoices", "https://app.example.com/help/contact"),
                    context.getJsonArray("pages").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
            assertFalse(context.getString("summary").isBlank());

            // the AI summary replaces the built-in one shortly after the handoff commits
            JsonObject refined = context;
            for (int i = 0; i < 50 && !refined.getString("summarySource").startsWith("llm:"); i++) {
                Thread.sleep(200);
                refined = bot.get("/api/v1/conversations/" + id).json().getJsonObject("context");
            }
            assertEquals("llm:it-model", refined.getString("summarySource"), refined.toString());
            assertEquals("Customer was charged $49.99 twice for order #12345 and wants it refunded.", refined.getString("summary"));
            String sent = requests.stream().filter(r -> r.contains("order #12345")).findFirst().orElseThrow(() -> new AssertionError(requests.toString()));
            JsonObject body = jakarta.json.Json.createReader(new java.io.StringReader(sent)).readObject();
            assertEquals("it-model", body.getString("model"));
            assertEquals("system", body.getJsonArray("messages").getJsonObject(0).getString("role"));
            assertTrue(auth.stream().allMatch("Bearer it-llm-secret"::equals), auth.toString());
            assertEquals(200, bot.post("/api/v1/conversations/" + id + "/close", "").status(), "the customer leaves; no offer lingers for other tests");
        } finally {
            llm.stop(0);
        }
    }

    /** The customer profile is filled from HubSpot (played by this test, in HubSpot's CRM v3 format) after the handoff. */
    @Test
    @RunAsClient
    void theCustomerProfileIsFilledFromTheCrmAfterTheHandoff() throws Exception {
        List<String> searches = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> auth = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer hubspot = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", Integer.getInteger("handoff.it.crmPort", 28712)), 0);
        hubspot.createContext("/crm/v3/objects/contacts/search", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            searches.add(exchange.getRequestMethod() + " " + body);
            auth.add(exchange.getRequestHeaders().getFirst("Authorization"));
            boolean known = body.contains("crm.customer@example.com");
            byte[] reply = (known
                    ? "{\"total\":1,\"results\":[{\"id\":\"901\",\"properties\":{\"email\":\"crm.customer@example.com\",\"firstname\":\"Cora\","
                            + "\"lastname\":\"Rivers\",\"company\":\"Rivers Freight\",\"handoff_tier\":\"enterprise\",\"handoff_account_value\":\"96000\","
                            + "\"handoff_renewal_date\":\"2027-03-31\",\"handoff_notes\":\"Renewal talks in progress\",\"hubspot_owner_id\":\"77\"},"
                            + "\"createdAt\":\"2024-01-02T10:00:00Z\",\"updatedAt\":\"2026-11-30T10:00:00Z\",\"archived\":false}]}"
                    : "{\"total\":0,\"results\":[]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        hubspot.start();
        try {
            Api bot = api();
            Api.Reply started = bot.post("/api/v1/conversations", "{\"customer\":{\"externalId\":\"it-crm-1\",\"name\":\"C. Rivers\","
                    + "\"email\":\"crm.customer@example.com\",\"tier\":\"free\"},\"channel\":\"web\"}");
            assertEquals(201, started.status(), started.body());
            String id = started.json().getString("id");
            assertTrue(bot.say(id, "customer", "connect me to an agent").json().getBoolean("escalated"));
            JsonObject customer = bot.get("/api/v1/conversations/" + id).json().getJsonObject("customer");
            for (int i = 0; i < 50 && !"hubspot".equals(customer.getString("crm", null)); i++) {
                Thread.sleep(200);
                customer = bot.get("/api/v1/conversations/" + id).json().getJsonObject("customer");
            }
            assertEquals("hubspot", customer.getString("crm", null), customer.toString());
            assertEquals("enterprise", customer.getString("tier"), "the CRM's tier replaces the bot's");
            assertEquals("Rivers Freight", customer.getString("company"));
            assertEquals("2027-03-31", customer.getString("renewalDate"));
            assertEquals(96000, customer.getJsonNumber("accountValue").intValue());
            assertEquals("https://app.hubspot.com/contacts/4242/record/0-1/901", customer.getString("crmUrl"));
            assertTrue(searches.stream().anyMatch(s -> s.startsWith("POST ") && s.contains("\"propertyName\":\"email\"")
                    && s.contains("\"operator\":\"EQ\"")), searches.toString());
            assertTrue(auth.stream().allMatch("Bearer it-hubspot-token"::equals), auth.toString());
            assertEquals(200, bot.post("/api/v1/conversations/" + id + "/close", "").status(), "the customer leaves; no offer lingers for other tests");
        } finally {
            hubspot.stop(0);
        }
    }

    @Test
    void customersImportFromCsvWithBadLinesListed() {
        CustomerDirectory.ImportResult first = directory.importCsv(
                "external_id,email,name,tier,account_value,renewal_date,notes\n"
                        + "it-csv-1,ana@example.com,Ana Csv,enterprise,120000,2027-01-31,VIP since 2019\n"
                        + "it-csv-2,bo@example.com,Bo Csv,pro,not-a-number,,\n"
                        + "it-csv-3,cy@example.com,Cy Csv,pro,900,2027-02-28,\n");
        assertEquals(2, first.created(), first.toString());
        assertEquals(List.of(3), first.errors().stream().map(e -> e.line()).toList(), first.toString());
        CustomerDirectory.ImportResult again = directory.importCsv(
                "external_id,tier\nit-csv-1,business\n");
        assertEquals(0, again.created());
        assertEquals(1, again.updated());
        var ana = directory.search("it-csv-1", 5).get(0);
        assertEquals("business", ana.tier());
        assertEquals(java.time.LocalDate.parse("2027-01-31"), ana.renewalDate(), "a re-import leaves columns it lacks as they were");
    }

    @Test
    void agentsShareNotesConsultTransferAndAreHeldToSlas() throws Exception {
        String id = escalated("it-desk-1", "I want a refund for a double charge, order #77881");
        desk.accept(id, "alice");

        // notes: the owner writes one; a colleague not involved cannot
        As.call("alice", () -> teamwork.addNote(id, "Checked the payment provider: two captures."));
        assertThrows(ForbiddenException.class, () -> As.call("dave", () -> teamwork.addNote(id, "nosy")));

        // consult: bob can read and add notes, not write to the customer
        As.run("alice", () -> teamwork.consult(id, "bob", "Have you seen double captures this week?"));
        assertTrue(desk.inbox("bob").consults().stream().anyMatch(c -> c.id().equals(id)));
        assertFalse(As.call("bob", () -> desk.chat(id)).mine());
        As.call("bob", () -> teamwork.addNote(id, "Yes - a known provider incident, refund both."));
        assertThrows(ForbiddenException.class, () -> desk.reply(id, "bob", "hello from bob"));
        assertEquals(List.of("note", "consult", "note"), teamwork.notes(id).stream().map(n -> n.kind()).toList());

        // templates: the opening names the customer and the agent, and is for the chat's topic
        String opening = templates.opening(id, "alice").orElseThrow();
        assertTrue(opening.startsWith("Hi Customer, I'm Alice from the billing team"), opening);
        assertTrue(templates.responses(id, "alice", "refund").stream().anyMatch(t -> t.rendered().contains("I've refunded")));

        // the first-response target (2 s in the API ITs) is missed and recorded once by the clock
        long deadline = System.currentTimeMillis() + 15_000;
        while (sla.recentBreaches(200).stream().noneMatch(b -> b.conversationId().equals(id) && b.kind().equals("first-response"))) {
            assertTrue(System.currentTimeMillis() < deadline, "no first-response breach recorded");
            Thread.sleep(250);
        }
        Thread.sleep(1500);
        assertEquals(1, sla.recentBreaches(200).stream().filter(b -> b.conversationId().equals(id) && b.kind().equals("first-response")).count(),
                "each breach is recorded once");
        desk.reply(id, "alice", "Hi, I'm on it.");
        assertTrue(conversations.get(id).sla().stream().anyMatch(t -> t.kind().equals("update")), "after the first response the update clock runs");

        // warm transfer to carol (online: nobody can pass a chat to an offline agent): she owns it, alice no longer does, the customer is told
        routing.setPresence("carol", Presence.ONLINE);
        try {
            As.run("alice", () -> teamwork.transferToAgent(id, "carol", "Refund both captures; customer knows."));
        } finally {
            routing.setPresence("carol", Presence.OFFLINE);
        }
        assertEquals("carol", conversations.get(id).assignedAgent());
        assertThrows(ForbiddenException.class, () -> desk.reply(id, "alice", "still me?"));
        assertTrue(As.call("carol", () -> desk.chat(id)).transcript().stream().anyMatch(m -> m.text().contains("has passed your chat to Carol")));
        assertTrue(teamwork.notes(id).stream().anyMatch(n -> n.kind().equals("transfer") && n.text().contains("Refund both captures")));
        assertTrue(conversations.get(id).sla().stream().anyMatch(t -> t.kind().equals("first-response")), "carol's own first-response clock");
        assertThrows(dev.handoff.platform.InvalidInputException.class, () -> As.run("carol", () -> teamwork.transferToAgent(id, "carol", "me")));

        // transfer to a skill: back in the queue needing it
        As.run("carol", () -> teamwork.transferToSkill(id, "technical", "Looks like a provider bug after all."));
        ConversationView requeued = conversations.get(id);
        assertEquals("queued", requeued.state());
        assertEquals("technical", requeued.requiredSkill());
        desk.accept(id, "bob");
        desk.resolve(id, "bob", "Resolved: provider bug, refunded");
    }

    private String lastCustomerVisibleMessage(String id) {
        List<MessageView> transcript = conversations.messagesAfter(id, 0, 200);
        return transcript.get(transcript.size() - 1).text();
    }

    /**
     * Issue 12, item 1: an offline agent is neither offered in a transfer nor assigned a chat; an
     * agent signing out hands her chats on; an owner gone too long loses the chat to the front of the
     * queue, and each customer is told what happened.
     */
    @Test
    void noChatIsStrandedWithAnOfflineOwner() {
        routing.setPresence("alice", Presence.ONLINE);
        routing.setPresence("bob", Presence.OFFLINE);
        try {
            String id = escalated("it-stranded-1", "I want a refund for a double charge, order #5511");
            desk.accept(id, "alice");
            ConflictException offline = assertThrows(ConflictException.class,
                    () -> As.run("alice", () -> teamwork.transferToAgent(id, "bob", "over to you")));
            assertTrue(offline.getMessage().contains("Bob Chen is offline"), offline.getMessage());
            assertEquals("alice", conversations.get(id).assignedAgent(), "the chat stays with its online owner");

            String waiting = escalated("it-stranded-2", "connect me to an agent please");
            assertThrows(ConflictException.class, () -> desk.assign(waiting, "sam", "bob"), "no assignment to an offline agent");
            assertEquals("queued", conversations.get(waiting).state());
            conversations.close(waiting);

            // alice leaves without a word: once she has been gone longer than the setting, the chat goes back
            routing.setPresence("alice", Presence.OFFLINE);
            assertTrue(routing.reclaimFromAbsentOwners(java.time.Duration.ZERO) >= 1);
            ConversationView back = conversations.get(id);
            assertEquals("queued", back.state(), "back in the queue");
            assertEquals(1, back.queuePosition(), "at the front");
            assertEquals("Your agent had to leave; you are back in the queue and the next available agent will continue.",
                    lastCustomerVisibleMessage(id));

            // signing out with an open chat: back to the queue, the customer told, a note for the next agent
            routing.setPresence("alice", Presence.ONLINE);
            desk.accept(id, "alice");
            assertEquals(1, As.call("alice", () -> teamwork.handOverAll("", "customer waits for the refund id")));
            assertEquals("queued", conversations.get(id).state());
            assertTrue(lastCustomerVisibleMessage(id).startsWith("Your agent had to leave"));
            assertTrue(teamwork.notes(id).stream().anyMatch(n -> n.text().contains("on signing out: customer waits for the refund id")));
            conversations.close(id);
        } finally {
            routing.setPresence("alice", Presence.OFFLINE);
        }
    }

    /**
     * Issue 12, items 3 and 10: an owner who works on the chat without replying keeps it; one who
     * does nothing loses it and the customer is told; with a pilot group published, agents outside
     * it see no queue and cannot take a chat.
     */
    @Test
    void ownersWhoWorkKeepTheirChatsAndThePilotGroupHoldsForTaking() throws Exception {
        RoutingPolicyService.PolicyVersion before = policies.live();
        long daveId = profiles.agents().stream().filter(a -> a.getUsername().equals("dave")).findFirst().orElseThrow().getId();
        try {
            policies.publish(before.policy().withUnresponsiveOwner(3, RoutingPolicy.UnresponsiveAction.REQUEUE_FRONT)
                    .withPilotGroup(java.util.Set.of(daveId)), "it", "short reply time, pilot: dave only");
            String id = escalated("it-pilot-1", "I want a refund for a double charge, order #7001");
            assertTrue(desk.inbox("alice").queue().isEmpty(), "outside the pilot: nothing under 'Waiting for my skills'");
            assertThrows(ForbiddenException.class, () -> desk.accept(id, "alice"), "outside the pilot: no Take");
            desk.accept(id, "dave");
            assertTrue(routing.replyDueAt(id).isPresent(), "the chat page can warn dave");

            // dave reads the context for 5 s (the page reports it): the 3 s rule does not take the chat
            for (int i = 0; i < 10; i++) {
                routing.ownerActive(id, "dave");
                Thread.sleep(500);
            }
            assertEquals("dave", conversations.get(id).assignedAgent(), "activity counts, not only sent messages");

            // then nothing: the chat goes back, and the customer is told
            long deadline = System.currentTimeMillis() + 15_000;
            while (!conversations.get(id).state().equals("queued")) {
                assertTrue(System.currentTimeMillis() < deadline, "the unanswered chat never went back to the queue");
                Thread.sleep(250);
            }
            assertTrue(lastCustomerVisibleMessage(id).startsWith("Sorry for the wait: your agent could not reply in time"),
                    lastCustomerVisibleMessage(id));
            conversations.close(id);
        } finally {
            policies.publish(before.policy(), "it", "back to the policy before the test");
        }
    }

    @Test
    void whenNobodyIsOnlineTheCustomerIsToldAndMayAskForAFollowUp() {
        List<String> agents = List.of("alice", "bob", "carol", "dave", "sam");
        agents.forEach(a -> routing.setPresence(a, Presence.OFFLINE));
        String id = escalated("it-nobody-1", "connect me to an agent please");
        ConversationView queued = conversations.get(id);
        assertEquals("queued", queued.state());
        assertEquals(Availability.NOBODY_ONLINE, queued.unavailableNotice());
        List<MessageView> transcript = conversations.messagesAfter(id, 0, 50);
        assertTrue(transcript.get(transcript.size() - 1).text().startsWith("Nobody from our team is available right now."),
                transcript.toString());

        ConversationView after = conversations.requestFollowUp(id, "phone", "+49 30 1234567", "after 5pm");
        assertEquals("queued", after.state(), "the request keeps its place for the next shift");
        assertTrue(teamwork.notes(id).stream().anyMatch(n -> n.kind().equals("follow_up") && n.text().contains("+49 30 1234567")));
        assertTrue(conversations.messagesAfter(id, 0, 50).stream().anyMatch(m -> m.text().startsWith("Thanks - we'll get back to you with a call back")));

        routing.setPresence("dave", Presence.ONLINE);
        try {
            assertTrue(desk.inbox("dave").offers().stream().anyMatch(o -> o.id().equals(id)), "offered as soon as someone comes online");
            ConversationView assigned = desk.assign(id, "sam", "dave");
            assertEquals("dave", assigned.assignedAgent(), "a supervisor assigns a waiting chat to a named agent");
            assertTrue(teamwork.notes(id).stream().anyMatch(n -> n.text().equals("Assigned to Dave Okafor by sam.")), teamwork.notes(id).toString());
            assertThrows(ConflictException.class, () -> conversations.requestFollowUp(id, "email", "x@example.com", null),
                    "no follow-up once a person has the chat");
            desk.resolve(id, "dave", "Resolved: called back");
        } finally {
            routing.setPresence("dave", Presence.OFFLINE);
        }
    }

    @Test
    void aSkillWhoseOnlyTeamIsClosedIsReportedWithItsReopening() {
        // the pom gives team "nights" the hours "Sun 03:00-03:01" (UTC): closed nearly all week
        dev.handoff.identity.entity.UserAccount nina = users.create("nina", "Nina Night", dev.handoff.identity.entity.Role.AGENT,
                "night-shift-pass".toCharArray(), java.util.Map.of("night-audit", 4), 2);
        long agentId = profiles.agents().stream().filter(a -> a.getUsername().equals(nina.getUsername())).findFirst().orElseThrow().getId();
        profiles.updateAgentProfile(agentId, java.util.Set.of("en"), 1, "nights");
        Availability.Unavailable closed = availability.unavailability("night-audit").orElseThrow();
        assertEquals(Availability.CLOSED, closed.reason());
        assertEquals("Sunday 03:00 (UTC)", closed.reopens());
        assertTrue(availability.unavailability("billing").map(u -> !u.reason().equals(Availability.CLOSED)).orElse(true),
                "teams without hours of their own are always open");
    }

    @Test
    void agentsImportFromCsvAndExportRoundTrips() {
        dev.handoff.routing.boundary.AgentImportResult result = bulk.importCsv(
                "username,display_name,role,capacity,skills,languages,tier,team\n"
                        + "zoe,Zoe Import,agent,3,billing:4;general:2,en;de,2,emea\n", "admin");
        assertEquals(1, result.created(), result.toString());
        dev.handoff.routing.boundary.AgentImportResult teamOnly = bulk.importCsv("username,team\ncarol,support\n", "admin");
        assertEquals(1, teamOnly.updated(), "a file with fewer columns changes only those: " + teamOnly);
        assertTrue(result.errors().isEmpty(), result.toString());
        dev.handoff.identity.entity.Agent zoe = profiles.agents().stream().filter(a -> a.getUsername().equals("zoe")).findFirst().orElseThrow();
        assertEquals(4, zoe.proficiencyIn("billing"));
        assertEquals("emea", zoe.getTeam());
        assertEquals("support", profiles.agents().stream().filter(a -> a.getUsername().equals("carol")).findFirst().orElseThrow().getTeam());
        String exported = bulk.exportCsv();
        dev.handoff.routing.boundary.AgentImportResult again = bulk.importCsv(exported, "admin");
        assertEquals(0, again.created() + again.updated(), "an export imports back unchanged: " + again);
        dev.handoff.routing.boundary.AgentImportResult bad = bulk.importCsv("username,capacity\nzoe,99\n", "admin");
        assertFalse(bad.errors().isEmpty(), "capacity above the maximum is refused by line");
    }

    @Test
    @RunAsClient
    void followUpRequestsAreValidated() {
        Api bot = api();
        String id = bot.start("it-follow-1", "Follow Up");
        Api.Reply notWaiting = bot.post("/api/v1/conversations/" + id + "/follow-up", "{\"channel\":\"email\",\"contact\":\"a@example.com\"}");
        assertEquals(409, notWaiting.status(), notWaiting.body());
        Api.Reply badPhone = bot.post("/api/v1/conversations/" + id + "/follow-up", "{\"channel\":\"phone\",\"contact\":\"call me maybe\"}");
        assertEquals(400, badPhone.status());
        assertEquals("contact", badPhone.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(400, bot.post("/api/v1/conversations/" + id + "/follow-up", "{\"channel\":\"pigeon\",\"contact\":\"x\"}").status());
        bot.post("/api/v1/conversations/" + id + "/close", "");
    }
}
