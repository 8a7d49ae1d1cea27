package dev.handoff.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default trigger set against the shipped labelled suite: the figures docs/triggers.md reports. */
class DefaultTriggerSetTest {

    static CompiledTriggerSet set;
    static List<LabelledCase> suite;
    static BenchReport report;

    @BeforeAll
    static void compile() {
        set = CompiledTriggerSet.compile(DefaultTriggerSet.document(), Lexicons.bundled());
        suite = LabelledSuites.shipped();
        report = TestBench.run(set, suite);
        Map<String, int[]> perCategory = new TreeMap<>();
        for (LabelledCase c : suite) {
            boolean fired = set.evaluate(TriggerInput.of(c.text())).escalate();
            int[] counts = perCategory.computeIfAbsent(c.category(), k -> new int[2]);
            counts[0]++;
            if (fired == c.escalate()) {
                counts[1]++;
            }
        }
        System.out.printf(Locale.ROOT, "default set on shipped suite: %d cases, catch rate %.1f%% (%d/%d), false positives %.1f%% (%d/%d)%n",
                report.cases(), 100 * report.catchRate(), report.caught(), report.shouldEscalate(), 100 * report.falsePositiveRate(),
                report.falseAlarms(), report.shouldStay());
        perCategory.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-14s %3d/%3d right%n", k, v[1], v[0]));
        System.out.println("  hits per trigger: " + report.hitsPerTrigger());
        report.misses().forEach(m -> System.out.println("  MISS  " + m.sample().id() + " [" + m.sample().category() + "] " + m.sample().text()));
        report.falseAlarmCases().forEach(m -> System.out.println("  ALARM " + m.sample().id() + " " + m.sample().text() + " <- "
                + m.firings().stream().map(f -> f.name() + "(" + f.evidence() + ")").toList()));
    }

    @Test
    void theShippedSuiteIsLargeAndCoversEveryCategory() {
        assertTrue(suite.size() >= 300, "at least 300 utterances: " + suite.size());
        for (String category : List.of("human_request", "billing", "frustration", "technical", "security", "none")) {
            assertTrue(suite.stream().filter(c -> c.category().equals(category)).count() >= 20, category);
        }
    }

    @Test
    void catchesAtLeast95PercentOfWhatNeedsAHuman() {
        assertTrue(report.catchRate() >= 0.95, String.format(Locale.ROOT, "catch rate %.3f", report.catchRate()));
    }

    @Test
    void falselyEscalatesAtMost10PercentOfRoutineMessages() {
        assertTrue(report.falsePositiveRate() <= 0.10, String.format(Locale.ROOT, "false-positive rate %.3f", report.falsePositiveRate()));
    }

    @Test
    void theDefaultSetRoundTripsThroughJsonUnchanged() {
        TriggerSetDocument doc = DefaultTriggerSet.document();
        assertEquals(doc, DefaultTriggerSet.parse(DefaultTriggerSet.toJson(doc)));
    }

    @Test
    void everyTriggerExplainsWhyItFired() {
        Decision d = set.evaluate(TriggerInput.of("I was charged twice this month and I want my money back"));
        assertTrue(d.escalate());
        TriggerFiring f = d.firings().get(0);
        assertTrue(!f.reason().isBlank() && !f.evidence().isBlank(), f.toString());
    }
}
