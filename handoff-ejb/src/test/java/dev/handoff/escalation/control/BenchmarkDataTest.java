package dev.handoff.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps the benchmark fixtures honest: the 200-trigger set is valid, complete and does fire; the corpus has 5,000 examples. */
class BenchmarkDataTest {

    @Test
    void theBenchmarkSetHas200ValidTriggersOfEveryKind() {
        TriggerSetDocument doc = BenchmarkData.twoHundredTriggers();
        assertEquals(List.of(), TriggerSetValidator.validate(doc));
        assertEquals(200, doc.triggersOrEmpty().size());
        assertTrue(doc.triggersOrEmpty().stream().allMatch(TriggerSetDocument.TriggerSpec::isEnabled));
        for (String kind : TriggerSetValidator.KINDS) {
            assertTrue(doc.triggersOrEmpty().stream().anyMatch(t -> t.kind().equals(kind)), kind);
        }
        CompiledTriggerSet set = CompiledTriggerSet.compile(doc, Lexicons.bundled());
        long escalating = BenchmarkData.messages().stream().filter(m -> set.evaluate(m).escalate()).count();
        assertTrue(escalating >= 5 && escalating < BenchmarkData.MESSAGES.size(), "a mix of escalating and routine: " + escalating);
        assertTrue(set.evaluate(BenchmarkData.transcripts().get(3)).escalate());
        assertFalse(set.evaluate(BenchmarkData.transcripts().get(2)).escalate());
    }

    @Test
    void theTrainingCorpusHas5000Examples() {
        int topics = BenchmarkData.trainingExamples().values().stream().mapToInt(List::size).sum();
        assertEquals(5000, topics + BenchmarkData.trainingNegatives().size());
    }
}
