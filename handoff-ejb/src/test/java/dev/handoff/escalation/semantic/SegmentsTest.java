package dev.handoff.escalation.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What of a message is embedded besides the whole: its last two sentences, when it is long. */
class SegmentsTest {

    @Test
    void aShortMessageIsReadWhole() {
        assertEquals(List.of("where is my parcel. it was due today"), Segments.of("where is my parcel. it was due today"));
    }

    @Test
    void aLongMessageAddsItsLastTwoSentences() {
        String text = "I ordered a lamp three weeks ago. It arrived broken and the box was wet. "
                + "The courier says it is your problem. I want to talk to someone about it.";
        assertEquals(List.of(text, "The courier says it is your problem.", "I want to talk to someone about it."), Segments.of(text));
    }

    @Test
    void aCommaBeforeARequestDividesLikeAFullStop() {
        String text = "ordered a birthday present and it has to arrive by saturday at the latest, can a person check the courier for me";
        assertEquals(List.of(text, "ordered a birthday present and it has to arrive by saturday at the latest",
                "can a person check the courier for me"), Segments.of(text));
    }

    @Test
    void anOrdinaryCommaDoesNot() {
        String text = "the parcel went to the depot, then to my neighbour, then back to the depot again for some reason";
        assertEquals(List.of(text), Segments.of(text));
    }
}
