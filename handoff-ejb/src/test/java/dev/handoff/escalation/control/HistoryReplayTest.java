package dev.handoff.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.platform.entity.Author;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replaying history: first escalation only, the bot phase only, rates, per-trigger deltas and the changed conversations. */
class HistoryReplayTest {

    static final CompiledTriggerSet LIVE = CompiledTriggerSet.compile(DefaultTriggerSet.document(), Lexicons.bundled());

    static HistoryReplay.StoredConversation conversation(String id, boolean escalatedThen, String... customerLines) {
        List<TriggerInput.Line> lines = new ArrayList<>();
        for (String text : customerLines) {
            lines.add(text.startsWith("bot:") ? new TriggerInput.Line(Author.BOT, text.substring(4), 0.9, "answer")
                    : TriggerInput.Line.customer(text));
        }
        return new HistoryReplay.StoredConversation(id, Instant.parse("2026-11-30T10:00:00Z"), escalatedThen, lines, null);
    }

    @Test
    void aDraftThatDropsTheExplicitRequestTriggerShowsWhatItWouldMiss() {
        TriggerSetDocument doc = DefaultTriggerSet.document();
        List<TriggerSetDocument.TriggerSpec> triggers = doc.triggersOrEmpty().stream()
                .filter(t -> !t.kind().equals("phrase"))
                .toList();
        CompiledTriggerSet draft = CompiledTriggerSet.compile(
                new TriggerSetDocument(doc.format(), doc.name(), doc.description(), doc.topicsOrEmpty(), doc.negativeExamples(), triggers),
                Lexicons.bundled());
        List<HistoryReplay.StoredConversation> history = List.of(
                conversation("human", true, "hi", "bot:Hello! How can I help?", "connect me to an agent please"),
                conversation("hours", false, "what are your opening hours?", "bot:We are open 9 to 5.", "thanks!"),
                conversation("empty", false));

        HistoryReplay.Report r = HistoryReplay.run(LIVE, draft, history);

        assertEquals(3, r.conversations());
        assertEquals(1, r.escalatedThen());
        assertEquals(1, r.liveEscalates());
        assertEquals(0, r.draftEscalates());
        assertEquals(1, r.noLongerEscalated());
        assertEquals(0, r.newlyEscalated());
        HistoryReplay.Change change = r.changes().get(0);
        assertEquals("human", change.conversationId());
        assertFalse(change.nowEscalates());
        assertEquals(3, change.verdict().atMessage(), "the third message escalated under the live set");
        assertTrue(r.perTrigger().stream().anyMatch(d -> d.live() == 1 && d.draft() == 0), r.perTrigger().toString());
        assertEquals(1.0 / 3, r.liveRate(), 1e-9);
        assertEquals(0.0, r.draftRate(), 1e-9);
    }

    @Test
    void theSameSetChangesNothingAndOnlyTheFirstEscalationCounts() {
        List<HistoryReplay.StoredConversation> history = List.of(
                conversation("twice", true, "I was charged twice for March", "connect me to an agent", "agent now!!!"));
        HistoryReplay.Report r = HistoryReplay.run(LIVE, LIVE, history);
        assertEquals(1, r.liveEscalates());
        assertEquals(1, r.draftEscalates());
        assertTrue(r.changes().isEmpty());
        assertTrue(r.perTrigger().stream().allMatch(d -> d.change() == 0));
        int firstMessageFirings = LIVE.evaluate(TriggerInput.of("I was charged twice for March")).firings().size();
        assertEquals(firstMessageFirings, r.perTrigger().stream().mapToInt(HistoryReplay.TriggerDelta::live).sum(),
                "per-trigger counts are taken at the first escalation only");
    }
}
