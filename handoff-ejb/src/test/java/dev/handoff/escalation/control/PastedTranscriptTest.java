package dev.handoff.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.platform.entity.Author;
import java.util.List;
import org.junit.jupiter.api.Test;

class PastedTranscriptTest {

    @Test
    void readsAuthorsConfidenceAndIntent() {
        List<TriggerInput.Line> lines = PastedTranscript.parse("""
                Customer: the export fails
                bot[0.2 fallback]: Sorry, I did not get that
                just a plain line

                BOT: try again: it works
                """);
        assertEquals(4, lines.size());
        assertEquals(Author.CUSTOMER, lines.get(0).author());
        assertEquals("the export fails", lines.get(0).text());
        assertEquals(Author.BOT, lines.get(1).author());
        assertEquals(0.2, lines.get(1).botConfidence());
        assertEquals("fallback", lines.get(1).intent());
        assertEquals(Author.CUSTOMER, lines.get(2).author(), "no prefix: the customer");
        assertEquals("try again: it works", lines.get(3).text(), "only the first colon separates the author");
        assertNull(lines.get(3).botConfidence());
    }

    @Test
    void emptyInputGivesNoLines() {
        assertTrue(PastedTranscript.parse(null).isEmpty());
        assertTrue(PastedTranscript.parse(" \n \n").isEmpty());
    }
}
