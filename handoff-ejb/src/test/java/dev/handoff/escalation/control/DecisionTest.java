package dev.handoff.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecisionTest {

    private static final TriggerFiring HUMAN = new TriggerFiring("human", "asked for a person", "talk to a person", "general", 80);
    private static final TriggerFiring BILLING = new TriggerFiring("billing", "refund words", "refund", "billing", 60);
    private static final TriggerFiring VIP = new TriggerFiring("vip", "big account", "tier=gold", "accounts", 70);
    private static final TriggerFiring UNSURE = new TriggerFiring("unsure", "low confidence", "confidence=0.10", "general", 40);

    @Test
    void noneDoesNotEscalate() {
        assertFalse(Decision.NONE.escalate());
        assertEquals(0, Decision.NONE.priority());
        assertEquals(Optional.empty(), Decision.NONE.leading());
        assertEquals(Optional.empty(), Decision.NONE.skill("general"));
        assertEquals("", Decision.NONE.summary());
    }

    @Test
    void anyFiringEscalates() {
        assertTrue(new Decision(List.of(UNSURE)).escalate());
    }

    @Test
    void leadingAndPriorityComeFromTheMostUrgentFiring() {
        Decision decision = new Decision(List.of(UNSURE, BILLING, HUMAN));

        assertEquals(HUMAN, decision.leading().orElseThrow());
        assertEquals(80, decision.priority());
    }

    @Test
    void skillPrefersANonDefaultSkillOverAMoreUrgentDefaultOne() {
        assertEquals(Optional.of("billing"), new Decision(List.of(HUMAN, BILLING)).skill("general"));
        assertEquals(Optional.of("billing"), new Decision(List.of(BILLING, HUMAN)).skill("general"));
    }

    @Test
    void amongNonDefaultSkillsTheMoreUrgentWins() {
        assertEquals(Optional.of("accounts"), new Decision(List.of(BILLING, HUMAN, VIP)).skill("general"));
    }

    @Test
    void skillFallsBackToTheLeadingFiringsDefaultSkill() {
        assertEquals(Optional.of("general"), new Decision(List.of(UNSURE, HUMAN)).skill("general"));
    }

    @Test
    void nullSkillsAreSkipped() {
        TriggerFiring noSkill = new TriggerFiring("x", "why", "ev", null, 99);

        assertEquals(Optional.of("billing"), new Decision(List.of(noSkill, BILLING)).skill("general"));
        assertEquals(Optional.empty(), new Decision(List.of(noSkill)).skill("general"));
    }

    @Test
    void summaryListsEveryReasonInPeoplesWordsMostUrgentFirst() {
        Decision decision = new Decision(List.of(BILLING, HUMAN, HUMAN));

        assertEquals("asked for a person; refund words", decision.summary());
    }

    @Test
    void firingsAreCopiedAndUnmodifiable() {
        List<TriggerFiring> source = new ArrayList<>(List.of(HUMAN));
        Decision decision = new Decision(source);
        source.add(BILLING);

        assertEquals(List.of(HUMAN), decision.firings());
        assertThrows(UnsupportedOperationException.class, () -> decision.firings().add(BILLING));
    }
}
