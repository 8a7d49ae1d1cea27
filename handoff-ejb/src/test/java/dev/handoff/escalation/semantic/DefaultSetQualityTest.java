package dev.handoff.escalation.semantic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.escalation.control.CompiledTriggerSet;
import dev.handoff.escalation.control.DefaultTriggerSet;
import dev.handoff.escalation.control.Lexicons;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped default set on the evaluation data (src/test/resources/eval), fifteen sets by fifteen
 * writers, each split in two: the development parts ({@code dev}, {@code fresh-dev},
 * {@code fresh2-dev}, {@code fresh3-dev}, {@code fresh4-dev}, {@code fresh5-dev}, {@code fresh6-dev},
 * {@code fresh7-dev}, {@code fresh8-dev}, {@code fresh9-dev}, {@code fresh10-dev}, {@code fresh11-dev},
 * {@code fresh12-dev}, {@code fresh13-dev}, {@code fresh14-dev}),
 * which the examples and guards were tuned on, and the held-out parts ({@code heldout},
 * {@code fresh-heldout}, {@code fresh2-heldout}, {@code fresh3-heldout}, {@code fresh4-heldout},
 * {@code fresh5-heldout}, {@code fresh6-heldout}, {@code fresh7-heldout}, {@code fresh8-heldout},
 * {@code fresh9-heldout}, {@code fresh10-heldout}, {@code fresh11-heldout}, {@code fresh12-heldout},
 * {@code fresh13-heldout}, {@code fresh14-heldout}), whose figures are read but
 * whose misses never are. Set 16 ({@code fresh15-dev}, {@code fresh15-heldout}) was written blind by a
 * helper that never tuned; its development part was taught from in the sixteenth round (ADR 0060).
 * Set 17 ({@code fresh16-dev}, {@code fresh16-heldout}) was written blind by another helper; its development
 * part was taught from in the eighteenth round (ADR 0065). Set 18 ({@code fresh17-dev},
 * {@code fresh17-heldout}) was written blind by a third helper in new forms (voice transcripts without
 * punctuation, pidgin and other non-native English, e-mails pasted into chat); its development part
 * was taught from in the nineteenth round (ADR 0066). Set 19 ({@code fresh18-dev}, {@code fresh18-heldout})
 * was written blind by a fourth helper in rare domains, code-switching, chat-speak, capitals and pasted
 * data, with near-misses that use escalation words in other senses; its development part was taught from
 * in the twentieth round (ADR 0070). Set 20 ({@code fresh19-dev}, {@code fresh19-heldout}) was written blind
 * by a fifth helper for precision, 163 of its 200 routine messages near-misses; its development part was
 * taught from in the twenty-first round (ADR 0071).
 * The bounds are
 * regression guards a little below the figures published in docs/triggers.md; every build prints
 * the figures.
 */
class DefaultSetQualityTest {

    static CompiledTriggerSet set;

    @BeforeAll
    static void compile() {
        set = CompiledTriggerSet.compile(DefaultTriggerSet.document(), Lexicons.bundled());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // split,          human, catch, false positives
        "dev,              0.98,  0.97,  0.02",
        "fresh-dev,        0.95,  0.96,  0.02",
        "fresh2-dev,       0.97,  0.95,  0.03",
        "fresh3-dev,       0.97,  0.94,  0.03",
        "fresh4-dev,       0.95,  0.97,  0.02",
        "fresh5-dev,       0.97,  0.97,  0.04",
        "fresh6-dev,       0.95,  0.97,  0.04",
        "fresh7-dev,       0.97,  0.95,  0.03",
        "fresh8-dev,       0.97,  0.96,  0.02",
        "fresh9-dev,       0.97,  0.96,  0.02",
        "fresh10-dev,      0.94,  0.96,  0.02",
        "fresh11-dev,      0.98,  0.97,  0.02",
        "fresh12-dev,      0.97,  0.97,  0.03",
        "fresh13-dev,      0.98,  0.97,  0.02",
        "fresh14-dev,      0.96,  0.92,  0.02",
        "fresh15-dev,      0.98,  0.96,  0.02",
        "fresh16-dev,      0.99,  0.99,  0.01",
        "fresh17-dev,      0.99,  0.99,  0.01",
        "fresh18-dev,      0.99,  0.99,  0.04",
        "fresh19-dev,      0.99,  0.98,  0.01",
        "heldout,          0.97,  0.94,  0.04",
        "fresh-heldout,    0.90,  0.95,  0.05",
        "fresh2-heldout,   0.85,  0.91,  0.06",
        "fresh3-heldout,   0.90,  0.92,  0.05",
        "fresh4-heldout,   0.95,  0.96,  0.05",
        "fresh5-heldout,   0.98,  0.96,  0.02",
        "fresh6-heldout,   0.92,  0.95,  0.06",
        "fresh7-heldout,   0.95,  0.95,  0.03",
        "fresh8-heldout,   0.97,  0.97,  0.02",
        "fresh9-heldout,   0.97,  0.97,  0.06",
        "fresh10-heldout,  0.97,  0.96,  0.03",
        "fresh11-heldout,  0.97,  0.97,  0.09",
        "fresh12-heldout,  0.92,  0.89,  0.03",
        "fresh13-heldout,  0.90,  0.91,  0.05",
        "fresh14-heldout,  0.86,  0.90,  0.13",
        "fresh15-heldout,  0.95,  0.94,  0.06",
        "fresh16-heldout,  0.97,  0.96,  0.03",
        "fresh17-heldout,  0.97,  0.97,  0.06",
        "fresh18-heldout,  0.94,  0.93,  0.11",
        "fresh19-heldout,  0.93,  0.93,  0.13",
    })
    void split(String split, double human, double catchRate, double falsePositives) {
        TriggerQualityReport.Figures f = TriggerQualityReport.measure(set, TriggerQualityReport.split(split));
        System.out.println("Default set, " + split + ": " + f.table());
        assertTrue(f.humanRequestCatchRate() >= human, f.table());
        assertTrue(f.catchRate() >= catchRate, f.table());
        assertTrue(f.falsePositiveRate() <= falsePositives, f.table());
    }
}
