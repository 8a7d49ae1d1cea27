package dev.handoff.escalation.semantic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The two surface cues the logistic layer weighs beside the sentence vector (ADR 0037). */
class CuesTest {

    private static final float S = Cues.SCALE;

    @Test
    void aQuestionThatClaimsNothingIsOnlyAQuestion() {
        assertArrayEquals(new float[] {S, 0}, Cues.of("why is there a fee on my transfer?"));
        assertArrayEquals(new float[] {S, 0}, Cues.of("@BankHelp how long does a new card take"));
    }

    @Test
    void aClaimIsReadInAQuestionOrAStatement() {
        assertArrayEquals(new float[] {S, S}, Cues.of("why was I charged twice?"));
        assertArrayEquals(new float[] {0, S}, Cues.of("my refund still hasn't arrived"));
        assertArrayEquals(new float[] {0, S}, Cues.of("I never made this payment"));
    }

    @Test
    void aPlainStatementHasNeitherCue() {
        assertArrayEquals(new float[] {0, 0}, Cues.of("I was charged a cancellation fee for a free cancellation"));
        assertArrayEquals(new float[] {0, 0}, Cues.of(""));
        assertArrayEquals(new float[] {0, 0}, Cues.of(null));
    }
}
