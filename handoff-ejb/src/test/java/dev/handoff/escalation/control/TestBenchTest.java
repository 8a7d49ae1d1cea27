package dev.handoff.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.platform.entity.Author;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench's arithmetic, transcript cases and the "caught by another trigger" list, on a scripted engine. */
class TestBenchTest {

    /** Escalates when the last line says "human" (as 'explicit'), or after two bot fallbacks (as 'bot-failure'). */
    static final TriggerEngine SCRIPTED = input -> {
        TriggerInput.Line last = input.latest();
        if (last.text().contains("human")) {
            return new Decision(List.of(new TriggerFiring("explicit", "asked", "human", "general", 90)));
        }
        long fallbacks = input.transcript().stream().filter(l -> l.author() == Author.BOT && "fallback".equals(l.intent())).count();
        if (fallbacks >= 2) {
            return new Decision(List.of(new TriggerFiring("bot-failure", "bot failed", fallbacks + " fallbacks", "general", 50)));
        }
        return Decision.NONE;
    };

    @Test
    void ratesMissesFalseAlarmsAndWrongTriggers() {
        List<LabelledCase> cases = List.of(
                new LabelledCase("1", "a human please", true, "human", "explicit", ""),
                new LabelledCase("2", "a human please", true, "human", "bot-failure", ""),
                new LabelledCase("3", "where is my order", true, "order", null, ""),
                new LabelledCase("4", "are you human?", false, "chit-chat", null, ""),
                new LabelledCase("5", "thanks", false, "chit-chat", null, ""));
        BenchReport r = TestBench.run(SCRIPTED, cases);
        assertEquals(3, r.shouldEscalate());
        assertEquals(2, r.caught());
        assertEquals(2.0 / 3, r.catchRate(), 1e-9);
        assertEquals(0.5, r.falsePositiveRate(), 1e-9);
        assertEquals(List.of("3"), r.misses().stream().map(o -> o.sample().id()).toList());
        assertEquals(List.of("4"), r.falseAlarmCases().stream().map(o -> o.sample().id()).toList());
        assertEquals(List.of("2"), r.wrongTriggerCases().stream().map(o -> o.sample().id()).toList());
        assertEquals(3, r.hitsPerTrigger().get("explicit"));
        assertEquals("explicit", r.hitsRanked().get(0).getKey());
    }

    @Test
    void aTranscriptCaseIsEvaluatedAsOfItsLastLineWithTheBotSignals() {
        String transcript = "customer: my export fails\nbot[0.3 fallback]: sorry, I did not get that\n"
                + "customer: the export fails\nbot[0.2 fallback]: could you rephrase?";
        BenchReport r = TestBench.run(SCRIPTED, List.of(new LabelledCase("t", transcript, true, "technical", "bot-failure", "")));
        assertEquals(1, r.caught(), "two fallbacks in the transcript escalate");
        assertTrue(r.wrongTriggerCases().isEmpty());
        BenchReport one = TestBench.run(SCRIPTED, List.of(new LabelledCase("t", "customer: my export fails\nbot[0.3 fallback]: sorry?", true, "", null, "")));
        assertEquals(0, one.caught(), "one fallback does not");
    }

    @Test
    void anEmptySuiteHasPerfectRatesRatherThanDividingByZero() {
        BenchReport r = TestBench.run(SCRIPTED, List.of());
        assertEquals(1.0, r.catchRate());
        assertEquals(0.0, r.falsePositiveRate());
    }
}
