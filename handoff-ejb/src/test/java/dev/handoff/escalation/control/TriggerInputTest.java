package dev.handoff.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.handoff.platform.entity.Author;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriggerInputTest {

    @Test
    void ofMakesOneCustomerLine() {
        TriggerInput input = TriggerInput.of("hello");

        assertEquals(List.of(new TriggerInput.Line(Author.CUSTOMER, "hello", null)), input.transcript());
        assertSame(TriggerInput.CustomerFacts.UNKNOWN, input.customer());
    }

    @Test
    void latestIsTheLastLine() {
        TriggerInput.Line bot = new TriggerInput.Line(Author.BOT, "answer", 0.4);
        TriggerInput input = new TriggerInput(List.of(TriggerInput.Line.customer("question"), bot), null);

        assertEquals(bot, input.latest());
    }

    @Test
    void latestOfAnEmptyTranscriptIsNull() {
        assertNull(new TriggerInput(List.of(), null).latest());
    }

    @Test
    void missingCustomerFactsAreUnknown() {
        TriggerInput input = new TriggerInput(List.of(), null);

        assertSame(TriggerInput.CustomerFacts.UNKNOWN, input.customer());
        assertNull(input.customer().tier());
        assertNull(input.customer().accountValue());
    }

    @Test
    void transcriptIsRequired() {
        assertThrows(NullPointerException.class, () -> new TriggerInput(null, null));
    }

    @Test
    void transcriptIsCopiedAndUnmodifiable() {
        List<TriggerInput.Line> lines = new ArrayList<>(List.of(TriggerInput.Line.customer("one")));
        TriggerInput input = new TriggerInput(lines, null);
        lines.add(TriggerInput.Line.customer("two"));

        assertEquals(1, input.transcript().size());
        assertEquals("one", input.latest().text());
        assertThrows(UnsupportedOperationException.class, () -> input.transcript().clear());
    }
}
