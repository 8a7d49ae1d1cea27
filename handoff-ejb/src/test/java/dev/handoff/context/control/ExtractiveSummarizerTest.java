package dev.handoff.context.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.context.control.TranscriptLine.Author;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveSummarizerTest {

    private static final Instant T = Instant.parse("2026-03-14T09:30:00Z");
    private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer();

    static List<TranscriptLine> lines(String... authorAndText) {
        List<TranscriptLine> lines = new ArrayList<>();
        for (int i = 0; i < authorAndText.length; i += 2) {
            lines.add(new TranscriptLine(Author.of(authorAndText[i]), authorAndText[i + 1], T.plusSeconds(60L * i)));
        }
        return lines;
    }

    private String summary(List<TranscriptLine> lines) {
        Summary s = summarizer.summarize(new SummaryRequest(lines));
        assertEquals("builtin", s.source());
        assertFalse(s.fellBack());
        return s.text();
    }

    @Test
    void doubleChargeWithIdsAndCancelling() {
        String text = summary(lines(
                "customer", "hi",
                "bot", "Hello! How can I help you today?",
                "customer", "Hi, I was charged twice for my March subscription!",
                "bot", "I'm sorry to hear that. Do you have the transaction IDs?",
                "customer", "yes TX-1 and TX-2",
                "customer", "If this isn't fixed today I'm going to cancel"));

        assertEquals("Customer reports that they were charged twice for their March subscription."
                + " They gave the transaction IDs TX-1 and TX-2. They are considering cancelling.", text);
    }

    @Test
    void factsOfSeveralKindsAndRefundAndPerson() {
        String text = summary(lines(
                "customer", "The app shows an error when I pay and I still got billed $49.99 on 3/14/2026.",
                "customer", "Transaction ID is 4839201, my email is dana@example.com",
                "customer", "I want my money back and I want to talk to a real person"));

        assertEquals("Customer reports that the app shows an error when they pay and they still got billed $49.99 on 3/14/2026."
                + " They gave the transaction ID 4839201 and the e-mail address dana@example.com."
                + " They want a refund and asked for a person.", text);
    }

    @Test
    void customerNameIsTheSubjectAndQuestionsAreQuoted() {
        String text = summarizer.summarize(new SummaryRequest(
                lines("customer", "Why was my card declined for order #12345?"), List.of(), "Dana Whitfield")).text();

        assertEquals("Dana Whitfield asks: \u201cWhy was my card declined for order #12345?\u201d.", text);
    }

    @Test
    void negatedCancelIsNoStance() {
        String text = summary(lines("customer", "I don't want to cancel, my login keeps failing since the update."));

        assertEquals("Customer reports that they don't want to cancel, their login keeps failing since the update.", text);
    }

    @Test
    void theGreetingAndThePersonRequestDoNotWinOverTheProblem() {
        String text = summary(lines(
                "customer", "Hello there",
                "customer", "I need a human",
                "customer", "My package never arrived and the tracking page says delivered."));

        assertTrue(text.startsWith("Customer reports that their package never arrived and the tracking page says delivered."), text);
        assertTrue(text.endsWith("They asked for a person."), text);
    }

    @Test
    void shoutingCountsAsUpset() {
        String text = summary(lines("customer", "THIS IS THE THIRD TIME the export is broken"));

        assertTrue(text.endsWith("They are upset."), text);
    }

    @Test
    void emptyTranscriptGivesTheReasons() {
        Summary s = summarizer.summarize(new SummaryRequest(List.of(), List.of("Customer asked for a human."), null));

        assertEquals("No messages before the handoff. Handed off because: Customer asked for a human.", s.text());
    }

    @Test
    void onlyBotTranscript() {
        String text = summary(lines("bot", "Welcome! Ask me anything.", "system", "Customer idle for 10 minutes"));

        assertEquals("The customer has not written anything yet.", text);
    }

    @Test
    void veryLongMessagesAreCutToTheLimit() {
        String longMessage = "My invoice is wrong because " + "the tax line is counted again and again ".repeat(40);
        String text = summary(lines("customer", longMessage, "customer", "order #99812, invoice INV-77812, txn_8HD2K, $12.00, 12,50 EUR, 2026-01-02"));

        assertTrue(text.length() <= 400, text.length() + ": " + text);
        assertTrue(text.startsWith("Customer reports that their invoice is wrong because the tax line"), text);
        assertTrue(text.contains("\u2026"), text);
        assertTrue(text.contains("(and 1 more)."), text);
    }

    @Test
    void nonAsciiIsQuotedNotMangled() {
        String text = summary(lines("customer", "Ich wurde für März zweimal belastet: 12,50 € und 12,50 €."));

        assertEquals("Customer writes: \u201cIch wurde für März zweimal belastet: 12,50 € und 12,50 €\u201d.", text);
    }

    @Test
    void aShortSentenceTakesTheNextOneAlong() {
        String text = summary(lines("customer", "I was double charged. It happened on the annual plan renewal. Thanks"));

        assertEquals("Customer reports that they were double charged; it happened on the annual plan renewal.", text);
    }
}
