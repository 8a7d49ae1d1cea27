package dev.handoff.conversation.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandoffContextTest {

    private static final Instant T0 = Instant.parse("2026-12-03T07:00:00Z");

    @Test
    void theSameFactsAndPagesAgainChangeNothing() {
        HandoffContext context = new HandoffContext("c-1", T0);
        assertTrue(context.replaceFacts(List.of(new ContextFact("ORDER", "A-1", "a-1", 2))));
        assertTrue(context.replacePages(List.of(new PageVisit("https://x/billing", "Billing", T0))));

        assertFalse(context.replaceFacts(List.of(new ContextFact("ORDER", "A-1", "a-1", 2))), "equal facts: no rewrite");
        assertFalse(context.replacePages(List.of(new PageVisit("https://x/billing", "Billing", T0))), "equal pages: no rewrite");

        assertTrue(context.replaceFacts(List.of(new ContextFact("ORDER", "A-1", "a-1", 2), new ContextFact("EMAIL", "a@b.c", "a@b.c", 4))));
        assertEquals(2, context.getFacts().size());
        assertTrue(context.replacePages(List.of(new PageVisit("https://x/billing", "Invoices", T0))), "a changed title is a change");
    }
}
