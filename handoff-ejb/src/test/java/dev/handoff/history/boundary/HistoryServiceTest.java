package dev.handoff.history.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.platform.entity.JournalEntry;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class HistoryServiceTest {

    private static final Map<String, String> NAMES = Map.of("alice", "Alice Martin", "bob", "Bob Chen", "sam", "Sam Supervisor");
    private static final Function<String, String> NAME = u -> u == null ? null : NAMES.getOrDefault(u, u);

    private static String text(String type, String agent, String payload) {
        return HistoryService.entry(new JournalEntry(type, "c1", agent, Instant.EPOCH, payload), NAME).map(CustomerHistory.Entry::text).orElse(null);
    }

    @Test
    void journalEventsReadAsPeoplesWords() {
        assertEquals("Handed to a person (billing): billing dispute, explicit human request",
                text("handoff.escalated", null, "{\"skill\":\"billing\",\"triggers\":[\"billing-dispute\",\"explicit_human-request\"]}"));
        assertEquals("Alice Martin took the chat", text("handoff.accepted", "alice", "{\"agent\":\"alice\"}"));
        assertEquals("Alice Martin was given the chat by Sam Supervisor", text("handoff.accepted", "alice", "{\"assignedBy\":\"sam\"}"));
        assertEquals("Sam Supervisor took the chat over", text("handoff.accepted", "sam", "{\"assignedBy\":\"sam\"}"));
        assertEquals("Alice Martin's chat went to Bob Chen", text("handoff.transferred", "alice", "{\"toAgent\":\"bob\",\"by\":\"alice\"}"));
        assertEquals("Alice Martin's chat went to Sam Supervisor (by Sam Supervisor)",
                text("handoff.transferred", "alice", "{\"toAgent\":\"sam\",\"by\":\"sam\"}"));
        assertEquals("Alice Martin's chat went back to the technical queue", text("handoff.transferred", "alice", "{\"toSkill\":\"technical\",\"by\":\"alice\"}"));
        assertEquals("Resolved by Bob Chen: Refunded", text("conversation.resolved", "bob", "{\"resolution\":\"Refunded\"}"));
        assertEquals("Rated 5/5: \u201cgreat\u201d", text("csat.received", "bob", "{\"rating\":5,\"comment\":\"great\"}"));
        assertEquals("Rated 3/5", text("csat.received", null, "{\"rating\":3}"));
        assertEquals(null, text("apikey.revoked", null, "{}"), "events the page does not show");
        assertTrue(text("conversation.started", null, "not json").startsWith("Started a conversation"), "a broken payload still reads");
    }

    @Test
    void typedWildcardsAreSearchedAsText() {
        assertEquals("%100!%!_off%", HistoryService.contains(" 100%_OFF "));
        assertEquals("%a!!b%", HistoryService.contains("a!b"));
    }

    @Test
    void aHistoryPageKnowsWhereItStands() {
        HistoryPage page = new HistoryPage(java.util.List.of(), 0, 0, 25);
        assertEquals(0, page.first());
        assertEquals(1, page.pages());
        HistoryQuery q = new HistoryQuery(null, null, null, null, null, null, null, -3, 1000);
        assertEquals(0, q.page());
        assertEquals(HistoryQuery.MAX_SIZE, q.size());
    }
}
