package dev.handoff.context.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.handoff.context.control.Stance.Cue;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportedSpeechTest {

    @Test
    void firstAndSecondPersonBecomeThirdPerson() {
        assertEquals("Customer reports that the company charged them twice and their card is maxed out.",
                ReportedSpeech.of("Customer", "You guys charged me twice and my card is maxed out!!", 200));
        assertEquals("Customer reports that they're locked out of their account since Monday.",
                ReportedSpeech.of("Customer", "Hello, hi there. I'm locked out of my account since Monday", 200));
        assertEquals("Customer reports that they were billed for a plan they cancelled.",
                ReportedSpeech.of("Customer", "I was billed for a plan I cancelled.", 200));
    }

    @Test
    void fragmentsAreQuotedAndCut() {
        assertEquals("Ann writes: \u201cDouble charge on…\u201d.",
                ReportedSpeech.of("Ann", "Double charge on the annual renewal", 20));
    }

    @Test
    void stanceCues() {
        assertEquals(List.of(Cue.CANCEL, Cue.REFUND), Stance.of(List.of("I will cancel unless I get a refund")));
        assertEquals(List.of(Cue.PERSON, Cue.UPSET), Stance.of(List.of("Let me speak to someone, this is ridiculous")));
        assertEquals(List.of(), Stance.of(List.of("No need to cancel, I never asked for a refund", "Thanks, USA and EU")));
    }
}
