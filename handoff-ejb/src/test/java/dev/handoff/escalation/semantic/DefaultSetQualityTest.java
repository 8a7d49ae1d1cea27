package dev.handoff.escalation.semantic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.escalation.control.CompiledTriggerSet;
import dev.handoff.escalation.control.DefaultTriggerSet;
import dev.handoff.escalation.control.Lexicons;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped default set on the evaluation data (src/test/resources/eval): the development split,
 * which the examples were tuned on, and the held-out split, which nothing was ever tuned on.
 * The bounds are regression guards a little below the figures published in docs/triggers.md;
 * every build prints the figures.
 */
class DefaultSetQualityTest {

    static CompiledTriggerSet set;

    @BeforeAll
    static void compile() {
        set = CompiledTriggerSet.compile(DefaultTriggerSet.document(), Lexicons.bundled());
    }

    @Test
    void developmentSplit() {
        TriggerQualityReport.Figures f = TriggerQualityReport.measure(set, TriggerQualityReport.split("dev"));
        System.out.println("Default set, development split: " + f.table());
        assertTrue(f.humanRequestCatchRate() >= 0.98, f.table());
        assertTrue(f.catchRate() >= 0.96, f.table());
        assertTrue(f.falsePositiveRate() <= 0.03, f.table());
    }

    @Test
    void heldOutSplit() {
        TriggerQualityReport.Figures f = TriggerQualityReport.measure(set, TriggerQualityReport.split("heldout"));
        System.out.println("Default set, held-out split: " + f.table());
        assertTrue(f.humanRequestCatchRate() >= HELD_OUT_HUMAN, f.table());
        assertTrue(f.catchRate() >= HELD_OUT_CATCH, f.table());
        assertTrue(f.falsePositiveRate() <= HELD_OUT_FALSE_POSITIVES, f.table());
    }

    static final double HELD_OUT_HUMAN = 0.97;
    static final double HELD_OUT_CATCH = 0.92;
    static final double HELD_OUT_FALSE_POSITIVES = 0.07;
}
