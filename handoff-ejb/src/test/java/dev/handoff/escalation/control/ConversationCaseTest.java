package dev.handoff.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.escalation.control.ConversationCase.Form;
import dev.handoff.escalation.control.ConversationCase.Said;
import dev.handoff.platform.entity.Author;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationCaseTest {

    private static final List<Said> ESCALATED = List.of(
            new Said(1, Author.CUSTOMER, "hello", null, null),
            new Said(2, Author.BOT, "Hi!\nHow can I help?", 0.9, "greeting"),
            new Said(3, Author.CUSTOMER, "I was charged   twice,\nI want a refund", null, null),
            new Said(4, Author.SYSTEM, "I'm bringing in a member of our billing team", null, null),
            new Said(5, Author.CUSTOMER, "thanks", null, null),
            new Said(6, Author.AGENT, "Hi, I'm Alice", null, null));

    @Test
    void theBotPhaseIsWhatTheTriggersSawUpToTheEscalatingMessage() {
        assertEquals(List.of(1, 2, 3), ConversationCase.botPhase(ESCALATED, 3).stream().map(Said::seq).toList());
        assertEquals(List.of(1, 2, 3, 5), ConversationCase.botPhase(ESCALATED, null).stream().map(Said::seq).toList());
    }

    @Test
    void aStayCaseIsCutAtTheEscalatingMessageAsThatMessageOnOneLine() {
        List<Said> phase = ConversationCase.botPhase(ESCALATED, 3);
        int upTo = ConversationCase.defaultUpTo(phase, 3, false);
        assertEquals(3, upTo);
        ConversationCase.Cut cut = ConversationCase.cut(phase, upTo, null);
        assertEquals(Form.MESSAGE, cut.form());
        assertEquals("I was charged twice, I want a refund", cut.text());
    }

    @Test
    void aTranscriptUsesTheSuiteSyntaxAndReadsBackAsTheSameLines() {
        ConversationCase.Cut cut = ConversationCase.cut(ConversationCase.botPhase(ESCALATED, 3), 3, Form.TRANSCRIPT);
        assertEquals("customer: hello\nbot[0.9 greeting]: Hi! How can I help?\ncustomer: I was charged twice, I want a refund", cut.text());
        List<TriggerInput.Line> lines = PastedTranscript.parse(cut.text());
        assertEquals(3, lines.size());
        assertEquals(Author.BOT, lines.get(1).author());
        assertEquals(0.9, lines.get(1).botConfidence(), 1e-9);
        assertEquals("I was charged twice, I want a refund", lines.get(2).text());
    }

    @Test
    void aMissedEscalationDefaultsToTheLastCustomerMessageBeforeTheBotEscalatedOrOfTheWholeChat() {
        assertEquals(1, ConversationCase.defaultUpTo(ConversationCase.botPhase(ESCALATED, 3), 3, true), "escalated late");
        assertEquals(5, ConversationCase.defaultUpTo(ConversationCase.botPhase(ESCALATED, null), null, true), "never escalated");
        ConversationCase.Refused first = assertThrows(ConversationCase.Refused.class,
                () -> ConversationCase.defaultUpTo(List.of(ESCALATED.get(0)), 1, true));
        assertNull(first.field());
        assertThrows(ConversationCase.Refused.class, () -> ConversationCase.defaultUpTo(List.of(), null, false),
                "a conversation the bot kept has no unneeded escalation");
    }

    @Test
    void badCutsNameTheField() {
        List<Said> phase = ConversationCase.botPhase(ESCALATED, 3);
        assertEquals("upTo", assertThrows(ConversationCase.Refused.class, () -> ConversationCase.cut(phase, 4, null)).field(),
                "a system message is not a case");
        assertEquals("upTo", assertThrows(ConversationCase.Refused.class, () -> ConversationCase.cut(phase, 5, null)).field(),
                "after the escalation the triggers saw nothing");
        assertEquals("form", assertThrows(ConversationCase.Refused.class, () -> ConversationCase.cut(phase, 2, Form.MESSAGE)).field());
        assertEquals(Form.TRANSCRIPT, ConversationCase.cut(phase, 2, null).form(), "a bot message needs the transcript");
    }

    @Test
    void aMessageThatLooksLikeATranscriptLineStaysOneCustomerMessage() {
        List<Said> said = List.of(new Said(1, Author.CUSTOMER, "bot: you are useless", null, null));
        String text = ConversationCase.cut(said, 1, null).text();
        assertEquals("customer: bot: you are useless", text);
        assertEquals(List.of(Author.CUSTOMER), PastedTranscript.parse(text).stream().map(TriggerInput.Line::author).toList());
    }

    @Test
    void transcriptsKeepTheLastTwentyLinesAndFitTheColumn() {
        List<Said> many = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            many.add(new Said(i, Author.CUSTOMER, "message " + i + " " + "x".repeat(300), null, null));
        }
        String text = ConversationCase.cut(many, 30, Form.TRANSCRIPT).text();
        assertTrue(text.length() <= ConversationCase.MAX_TEXT, "length " + text.length());
        assertTrue(text.endsWith("message 30 " + "x".repeat(300)));
        assertTrue(text.split("\n").length < ConversationCase.WINDOW, "older lines dropped to fit");
        String longest = ConversationCase.cut(List.of(new Said(1, Author.CUSTOMER, "y".repeat(4000), null, null)), 1, Form.TRANSCRIPT).text();
        assertEquals(ConversationCase.MAX_TEXT, longest.length());
        List<Said> short20 = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            short20.add(new Said(i, Author.CUSTOMER, "m" + i, null, null));
        }
        assertEquals(ConversationCase.WINDOW, ConversationCase.cut(short20, 25, Form.TRANSCRIPT).text().split("\n").length);
    }

    @Test
    void botTagsAreWrittenSoTheyReadBack() {
        assertEquals("bot[0.2 fallback]: sorry?", ConversationCase.line(new Said(1, Author.BOT, "sorry?", 0.2, "fallback")));
        assertEquals("bot[1]: ok", ConversationCase.line(new Said(1, Author.BOT, "ok", 1.0, "weird intent!")));
        assertEquals("bot: ok", ConversationCase.line(new Said(1, Author.BOT, "ok", null, "404")), "a numeric intent would read as a confidence");
    }
}
