package dev.handoff.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.desk.boundary.AgentDeskService;
import dev.handoff.conversation.boundary.ConversationService;
import dev.handoff.conversation.boundary.ConversationView;
import dev.handoff.conversation.boundary.MessageView;
import dev.handoff.conversation.boundary.PostCommand;
import dev.handoff.conversation.boundary.PostOutcome;
import dev.handoff.conversation.boundary.StartCommand;
import dev.handoff.desk.boundary.ChatTeamwork;
import dev.handoff.platform.ConflictException;
import dev.handoff.platform.ForbiddenException;
import dev.handoff.platform.entity.Author;
import dev.handoff.routing.boundary.RoutingService;
import dev.handoff.identity.entity.Presence;
import dev.handoff.history.boundary.CustomerHistory;
import dev.handoff.history.boundary.HistoryPage;
import dev.handoff.history.boundary.HistoryQuery;
import dev.handoff.history.boundary.HistoryService;
import dev.handoff.platform.events.CsatReceived;
import dev.handoff.platform.events.DomainEvent;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.io.File;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12's desk, inside the container: who may do what is decided by the boundaries from the
 * caller's principal (ADR 0023); supervisors act inside a chat (reply, whisper, take over, resolve);
 * an agent keeps read access to a chat she handed on. Shares the API ITs' database.
 */
@ExtendWith(ArquillianExtension.class)
class DeskApiIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("handoff.war", "target/handoff.war")))
                .addClasses(DeskApiIT.class, EngineReady.class, As.class, As.ThrowingRunnable.class, SqlCounter.class);
    }

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
    ChatTeamwork teamwork;

    @Inject
    RoutingService routing;

    @Inject
    HistoryService history;

    @Inject
    dev.handoff.desk.boundary.SlaService sla;

    @Inject
    dev.handoff.routing.boundary.AgentProfiles profiles;

    @Inject
    Event<DomainEvent> events;

    @Inject
    UserTransaction tx;

    @jakarta.ejb.EJB
    SqlCounter sql;

    private String escalated(String externalId, String text) {
        String id = conversations.start(new StartCommand(externalId, "Customer " + externalId, null, "pro", null, "web",
                "https://app.example.com/billing", "Billing", null)).id();
        PostOutcome outcome = conversations.post(id, new PostCommand(Author.CUSTOMER, text, null, null, null, null));
        assertTrue(outcome.escalatedNow(), "escalates: " + text);
        return id;
    }

    private List<String> customerSees(String id) {
        return conversations.messagesAfter(id, 0, 500).stream().map(MessageView::text).toList();
    }

    /**
     * Issue 10's read side: the agent's inbox and the supervisor's queue cost the same number of SQL
     * statements with two waiting chats as with ten (before, each row cost four to seven: its customer,
     * triggers, earlier handoffs, context with facts and pages, rating).
     */
    @Test
    void theInboxAndTheSupervisorQueueCostAFixedNumberOfQueriesWhateverTheirRows() throws Exception {
        sql.install();
        routing.setPresence("alice", Presence.OFFLINE);
        java.util.List<String> waiting = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                waiting.add(escalated("read-side-" + i, "I was charged twice for my order, I want to talk to a person"));
            }
            int inboxFew = SqlCounter.count(() -> As.call("alice", () -> desk.inbox("alice")));
            int queueFew = SqlCounter.count(() -> As.call("sam", () -> queuePage()));
            int syncFew = steadySync();
            for (int i = 2; i < 10; i++) {
                waiting.add(escalated("read-side-" + i, "I was charged twice for my order, I want to talk to a person"));
            }
            var inbox = As.call("alice", () -> desk.inbox("alice"));
            assertTrue(inbox.queue().stream().map(ConversationView::id).toList().containsAll(waiting), "all ten wait in alice's list");
            assertTrue(inbox.queueTotal() >= 10 && inbox.queueTotal() >= inbox.queue().size(), "the inbox counts the whole line: " + inbox.queueTotal());
            var counts = As.call("sam", () -> desk.openCounts());
            assertTrue(counts.queued() >= 10 && counts.open() >= counts.queued(), "the queue page counts every open handoff: " + counts);
            var lines = desk.waitingLines(waiting);
            assertTrue(lines.keySet().containsAll(waiting) && lines.values().stream().allMatch(l -> l.customer() != null && l.estimateSeconds() != null),
                    "the per-skill lines name each waiting customer with an estimate: " + lines.values());
            assertTrue(inbox.queue().stream().filter(c -> waiting.contains(c.id()))
                    .allMatch(c -> c.context() != null && !c.triggers().isEmpty()), "with their context and triggers");
            int inboxMany = SqlCounter.count(() -> As.call("alice", () -> desk.inbox("alice")));
            int queueMany = SqlCounter.count(() -> As.call("sam", () -> queuePage()));
            int syncMany = steadySync();
            assertEquals(syncFew, syncMany, "routing full-sync statements with 2 and with 10 open handoffs");
            assertTrue(inboxFew > 0 && queueFew > 0, "statements are counted at all: " + inboxFew + ", " + queueFew);
            assertEquals(inboxFew, inboxMany, "inbox statements with 2 and with 10 waiting");
            assertEquals(queueFew, queueMany, "supervisor queue statements with 2 and with 10 waiting");
            var roster = profiles.roster();
            assertTrue(roster.size() >= 4 && roster.stream().anyMatch(a -> a.username().equals("alice") && a.proficiencyIn("billing") > 0),
                    "every agent as columns, with skills: " + roster);
            assertEquals(2, SqlCounter.count(() -> profiles.roster()), "the agents and their skills, two statements however many agents (ADR 0069)");
        } finally {
            waiting.forEach(conversations::close);
        }
    }

    /**
     * What the supervisor's queue page reads on a refresh from the database: the agents, the table's head, the
     * counts, the rows of the per-skill lines (ADR 0041), SLA at risk.
     */
    private Object queuePage() {
        profiles.roster();
        desk.openHandoffs(50);
        desk.openCounts();
        desk.waitingLines(routing.snapshot(20).heads().values().stream().flatMap(List::stream).map(e -> e.handoffId()).limit(20).toList());
        return sla.atRisk(java.time.Duration.ofMinutes(1));
    }

    /**
     * The statements of one full sync of routing with the database once nothing is left to correct: the
     * new handoffs are past the grace a sync gives fresh changes, and a first sync has run.
     */
    private int steadySync() throws Exception {
        Thread.sleep(5_500);
        routing.synchronizeAll();
        return SqlCounter.count(() -> {
            routing.synchronizeAll();
            return null;
        });
    }

    /** Before: the page passed the username and a "supervisor" flag, and the boundary believed it. */
    @Test
    void theBoundariesDecideFromTheCallersPrincipalNotFromWhatThePagePasses() {
        String id = escalated("desk-auth-1", "I was charged twice, I want to talk to a person");
        desk.accept(id, "alice");
        try {
            assertThrows(EJBAccessException.class, () -> desk.chat(id), "nobody signed in: refused by the container");
            assertThrows(EJBAccessException.class, () -> teamwork.addNote(id, "anonymous"));
            assertTrue(As.call("alice", () -> desk.chat(id)).mine());
            assertTrue(As.call("alice", () -> desk.chat(id)).canWrite());
            assertThrows(ForbiddenException.class, () -> As.call("dave", () -> desk.chat(id)), "an agent who never had it");
            assertThrows(ForbiddenException.class, () -> As.call("dave", () -> desk.reply(id, "hijack")));
            assertThrows(ForbiddenException.class, () -> As.call("dave", () -> desk.resolve(id, "hijack")));
            assertThrows(ForbiddenException.class, () -> As.call("dave", () -> desk.markNotNeeded(id, "not mine")));
            assertThrows(EJBAccessException.class, () -> As.call("alice", () -> teamwork.whisper(id, "agents cannot whisper")));
            assertThrows(EJBAccessException.class, () -> As.call("alice", () -> desk.takeOver(id)), "agents cannot take over");
            assertThrows(EJBAccessException.class, () -> As.call("admin", () -> desk.chat(id)), "an admin is not on the desk");
            AgentDeskService.ChatView seen = As.call("sam", () -> desk.chat(id));
            assertTrue(seen.supervisor() && seen.canWrite() && !seen.mine(), "a supervisor reads and may write, without owning");
        } finally {
            As.call("alice", () -> desk.resolve(id, "auth test done"));
        }
    }

    @Test
    void aSupervisorWhispersRepliesTakesOverAndResolvesAndTheAgentKeepsReadAccess() {
        String id = escalated("desk-sup-1", "this is ridiculous, connect me to an agent about my invoice");
        desk.accept(id, "alice");
        try {
            // a whisper reaches the owner as a note and never the customer
            As.call("sam", () -> teamwork.whisper(id, "Check the refund id before you promise anything"));
            assertTrue(teamwork.notes(id).stream().anyMatch(n -> n.kind().equals("whisper") && n.authorName().equals("Sam Supervisor")));
            assertTrue(customerSees(id).stream().noneMatch(t -> t.contains("refund id before")), "never reaches the customer");

            // a supervisor's reply goes to the customer under their own name; alice keeps the chat
            As.call("sam", () -> desk.reply(id, "Hello, Sam here, I'm looking at this with Alice."));
            MessageView last = conversations.messagesAfter(id, 0, 500).stream().reduce((a, b) -> b).orElseThrow();
            assertEquals("agent", last.author());
            assertEquals("Sam Supervisor", last.authorName());
            assertEquals("alice", conversations.get(id).assignedAgent());

            // take over: sam owns it, the customer is told, alice can read but not write
            ConversationView taken = As.call("sam", () -> desk.takeOver(id));
            assertEquals("sam", taken.assignedAgent());
            assertTrue(customerSees(id).stream().anyMatch(t -> t.contains("Sam Supervisor, a supervisor, has taken over your chat")));
            assertTrue(teamwork.notes(id).stream().anyMatch(n -> n.text().equals("Taken over by Sam Supervisor (supervisor) from Alice Martin.")));
            assertThrows(ConflictException.class, () -> As.call("sam", () -> desk.takeOver(id)), "already his");
            AgentDeskService.ChatView history = As.call("alice", () -> desk.chat(id));
            assertFalse(history.mine());
            assertTrue(history.isReadOnly(), "the previous owner reads, and does not write");
            assertThrows(ForbiddenException.class, () -> As.call("alice", () -> desk.reply(id, "still me?")));
            assertThrows(ForbiddenException.class, () -> As.call("alice", () -> teamwork.addNote(id, "still me?")));
            assertEquals(Presence.BUSY, routing.presenceOf("sam"), "a supervisor who steps in is busy: kept on the desk, offered nothing new");

            // and resolves
            assertEquals("resolved", As.call("sam", () -> desk.resolve(id, "Resolved: refunded by the supervisor")).state());
        } finally {
            routing.setPresence("sam", Presence.OFFLINE);
        }
    }

    @Test
    void aSupervisorPuttingAnAgentsChatBackInTheQueueIsNamedInTheNote() {
        String id = escalated("desk-sup-2", "I was charged twice, get me a human");
        desk.accept(id, "dave");
        As.run("sam", () -> teamwork.transferToSkill(id, "billing", null));
        assertEquals("queued", conversations.get(id).state());
        assertTrue(teamwork.notes(id).stream().anyMatch(n -> n.text().equals("Put back in the billing queue by Sam Supervisor (it was Dave Okafor's)")),
                teamwork.notes(id).toString());
        assertTrue(As.call("dave", () -> desk.chat(id)).isReadOnly(), "dave can still read the chat he had");
        conversations.close(id);
    }

    @Test
    void aSupervisorTakesAWaitingChatOverEvenOutsideThePilotGroup() {
        String id = escalated("desk-sup-3", "I want to speak to a real person about my bill");
        try {
            ConversationView taken = As.call("sam", () -> desk.takeOver(id));
            assertEquals("assigned", taken.state());
            assertEquals("sam", taken.assignedAgent());
            assertTrue(customerSees(id).contains("Sam Supervisor has joined the chat."));
            As.call("sam", () -> desk.resolve(id, "done"));
        } finally {
            routing.setPresence("sam", Presence.OFFLINE);
        }
    }

    private String escalatedFor(String externalId, String name, String text) {
        String id = conversations.start(new StartCommand(externalId, name, null, "pro", null, "web",
                "https://app.example.com/billing", "Billing", null)).id();
        assertTrue(conversations.post(id, new PostCommand(Author.CUSTOMER, text, null, null, null, null)).escalatedNow(), text);
        return id;
    }

    private static HistoryQuery query(String customer, String text, String trigger, String agent, String state, int page, int size) {
        return new HistoryQuery(customer, text, trigger, agent, state, null, null, page, size);
    }

    /** Issue 12, item 7: before, no page listed past conversations, and a chat handed on answered 403 to the agent who had it. */
    @Test
    void historyFindsConversationsByCustomerTextTriggerAgentStateAndDateAPageAtATime() {
        String a = escalatedFor("hist-a", "Histo Alpha", "I was charged twice, the zebra invoice, get me a person");
        String b = escalatedFor("hist-b", "Histo Beta", "connect me to a human agent please");
        String c = escalatedFor("hist-c", "Histo Gamma", "I want to talk to a real person, my export keeps failing");
        desk.accept(a, "alice");
        desk.accept(b, "dave");
        As.call("alice", () -> desk.resolve(a, "Refunded the zebra charge"));
        try {
            HistoryPage all = As.call("sam", () -> history.search(query("histo", null, null, null, null, 0, 25)));
            assertEquals(3, all.total(), all.toString());
            assertEquals(List.of(c, b, a), all.rows().stream().map(r -> r.id()).toList(), "newest first");
            assertEquals(1, As.call("sam", () -> history.search(query("HIST-B", null, null, null, null, 0, 25))).total(), "by external id, any case");
            HistoryPage zebra = As.call("sam", () -> history.search(query(null, "ZEBRA invoice", null, null, null, 0, 25)));
            assertEquals(List.of(a), zebra.rows().stream().map(r -> r.id()).toList(), "by words in a message");
            assertEquals(1, As.call("sam", () -> history.search(query("histo", null, "billing dispute", null, null, 0, 25))).total(),
                    "by trigger, in words");
            assertEquals(List.of(a), As.call("sam", () -> history.search(query("histo", null, null, null, "resolved", 0, 25)))
                    .rows().stream().map(r -> r.id()).toList());
            assertEquals(List.of(b), As.call("sam", () -> history.search(query("histo", null, null, "dave", null, 0, 25)))
                    .rows().stream().map(r -> r.id()).toList(), "by agent");
            HistoryPage first = As.call("sam", () -> history.search(query("histo", null, null, null, null, 0, 2)));
            HistoryPage second = As.call("sam", () -> history.search(query("histo", null, null, null, null, 1, 2)));
            assertEquals(2, first.rows().size());
            assertTrue(first.hasNext() && !second.hasNext() && second.hasPrevious());
            assertEquals(1, second.rows().size());
            assertEquals(2, second.pages());
            Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
            assertEquals(0, As.call("sam", () -> history.search(new HistoryQuery("histo", null, null, null, null, tomorrow, null, 0, 25))).total());
            assertEquals(3, As.call("sam", () -> history.search(new HistoryQuery("histo", null, null, null, null,
                    Instant.now().minus(Duration.ofHours(1)), tomorrow, 0, 25))).total(), "by date range");
            // an agent finds the chats she took part in, and no others
            assertEquals(List.of(a), As.call("alice", () -> history.search(query("histo", null, null, null, null, 0, 25)))
                    .rows().stream().map(r -> r.id()).toList());
            assertEquals(0, As.call("alice", () -> history.search(query("100%_", null, null, null, null, 0, 25))).total(),
                    "LIKE wildcards are searched as text");
        } finally {
            conversations.close(b);
            conversations.close(c);
        }
    }

    @Test
    void aCustomersPageHasEveryConversationHandoffNoteAndRating() throws Exception {
        String first = escalatedFor("hist-timeline", "Tara Line", "I was charged twice, get me a person");
        desk.accept(first, "alice");
        As.call("alice", () -> teamwork.addNote(first, "Card ends 4242; refund pending."));
        As.call("alice", () -> desk.resolve(first, "Refunded"));
        tx.begin();
        events.fire(new CsatReceived(first, "alice", true, 4, "Quick and kind", Instant.now()));
        tx.commit();
        String second = escalatedFor("hist-timeline", "Tara Line", "connect me to an agent, the export is broken");
        try {
            CustomerHistory page = As.call("sam", () -> history.customer("hist-timeline"));
            assertEquals(List.of(second, first), page.conversations().stream().map(r -> r.id()).toList());
            assertEquals(2, page.customer().previousHandoffs(), "handoffs counted");
            List<String> lines = page.timeline().stream().map(e -> e.kind() + ": " + e.text()).toList();
            String all = String.join("\n", lines);
            assertTrue(lines.stream().filter(l -> l.startsWith("handoff: Handed to a person")).count() == 2, all);
            assertTrue(lines.contains("accepted: Alice Martin took the chat"), all);
            assertTrue(lines.contains("note: Note: Card ends 4242; refund pending."), all);
            assertTrue(lines.contains("resolved: Resolved by Alice Martin: Refunded"), all);
            assertTrue(lines.contains("rating: Rated 4/5: \u201cQuick and kind\u201d"), all);
            assertTrue(lines.indexOf("accepted: Alice Martin took the chat") < lines.indexOf("resolved: Resolved by Alice Martin: Refunded"), "oldest first");
            // alice helped her once: she sees the page; dave never did
            assertEquals(2, As.call("alice", () -> history.customer("hist-timeline")).conversations().size());
            assertThrows(ForbiddenException.class, () -> As.call("dave", () -> history.customer("hist-timeline")));
            assertThrows(dev.handoff.platform.NotFoundException.class, () -> As.call("sam", () -> history.customer("no-such-customer")));
        } finally {
            conversations.close(second);
        }
    }

    /** Issue 12, item 9: before, a chat offered to an agent was also listed under "Waiting for my skills" with a Take button. */
    @Test
    void aChatOfferedToAnAgentIsNotAlsoATakeRowInHerInbox() {
        routing.setPresence("alice", Presence.ONLINE);
        try {
            String id = escalatedFor("desk-offer-1", "Otto Offer", "I was charged twice, please get me a person");
            long deadline = System.currentTimeMillis() + 15_000;
            var inbox = desk.inbox("alice");
            while (inbox.offers().stream().noneMatch(o -> o.id().equals(id))) {
                assertTrue(System.currentTimeMillis() < deadline, "the chat was not offered to alice: " + inbox.offers());
                sleep(250);
                inbox = desk.inbox("alice");
            }
            assertTrue(inbox.queue().stream().noneMatch(q -> q.id().equals(id)), "an offer, not also a Take row");
            conversations.close(id);
        } finally {
            routing.setPresence("alice", Presence.OFFLINE);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
