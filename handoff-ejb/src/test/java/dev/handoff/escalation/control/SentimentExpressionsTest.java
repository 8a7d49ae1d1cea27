package dev.handoff.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sentence-pattern syntax of the sentiment lexicon ({@link Expressions}). */
class SentimentExpressionsTest {

    static final Expressions PATTERNS = new Expressions(Map.of(
            "(nobody|no one) [(is|was)] (helping|answering)", -4,
            "great , just great", -3,
            "oh great [,] another", -3,
            "i'm done with (this|you)", -3,
            "been waiting [*] [*] <num> (minutes|hours)", -3,
            "[the] <nth> time", -2,
            "what the <swear>", -4,
            "fed up", -3,
            "{still} still (no|nothing)", -2,
            "helping", -1));

    /** The entry matched at the start of {@code text} and how many words it took, as "source/length"; null when none. */
    static String matchAt(String text, int start) {
        List<Text.Token> tokens = Text.tokens(text);
        String[] swears = new String[tokens.size()];
        for (int i = 0; i < swears.length; i++) {
            swears[i] = tokens.get(i).word().equals("hell") ? "hell" : null;
        }
        Expressions.Match m = PATTERNS.scan(tokens, swears).longestAt(start);
        return m == null ? null : m.entry().source() + "/" + (m.end() - m.start());
    }

    @Test
    void choicesAndOptionalWords() {
        assertEquals("(nobody|no one) [(is|was)] (helping|answering)/3", matchAt("nobody is helping", 0));
        assertEquals("(nobody|no one) [(is|was)] (helping|answering)/4", matchAt("No one was answering me", 0));
        assertEquals("(nobody|no one) [(is|was)] (helping|answering)/2", matchAt("nobody helping?", 0));
        assertNull(matchAt("nobody knows", 0));
    }

    @Test
    void wordsOfAMatchStayInOneClauseUnlessABreakIsWritten() {
        assertNull(matchAt("nobody. is helping", 0));
        assertEquals("great , just great/3", matchAt("great, just great", 0));
        assertNull(matchAt("great just great", 0), "the break is required");
        assertEquals("oh great [,] another/3", matchAt("oh great, another", 0));
        assertEquals("oh great [,] another/3", matchAt("oh great another", 0));
    }

    @Test
    void apostrophesAndChatSpellings() {
        assertEquals("i'm done with (this|you)/4", matchAt("I'm done with this", 0));
        assertEquals("i'm done with (this|you)/4", matchAt("im done with u", 0));
        assertEquals("i'm done with (this|you)/5", matchAt("i am done with you", 0));
    }

    @Test
    void numbersOrdinalsAnyWordAndSwearWords() {
        assertEquals("been waiting [*] [*] <num> (minutes|hours)/4", matchAt("been waiting 40 minutes", 0));
        assertEquals("been waiting [*] [*] <num> (minutes|hours)/6", matchAt("been waiting for like two hours", 0));
        assertNull(matchAt("been waiting for the bus", 0));
        assertEquals("[the] <nth> time/3", matchAt("the third time", 0));
        assertEquals("[the] <nth> time/2", matchAt("4th time", 0));
        assertNull(matchAt("1st time", 0), "the first time is not a repetition");
        assertEquals("what the <swear>/3", matchAt("what the hell", 0));
        assertNull(matchAt("what the heck", 0));
    }

    @Test
    void aSmallTypoInAPatternWordIsRead() {
        assertEquals("(nobody|no one) [(is|was)] (helping|answering)/3", matchAt("nobody is helpng", 0));
        assertEquals("(nobody|no one) [(is|was)] (helping|answering)/3", matchAt("nobody is anwsering", 0));
        assertNull(matchAt("nobody is holding", 0), "two letters off");
    }

    @Test
    void theLongestMatchWinsAndTagsAreKept() {
        Expressions.Match m = PATTERNS.scan(Text.tokens("still nothing"), new String[2]).longestAt(0);
        assertEquals("still", m.entry().tag());
        assertEquals(-2, m.entry().score());
        assertEquals("fed up/2", matchAt("fed up", 0));
    }

    @Test
    void oneEditApart() {
        assertEquals(true, Expressions.oneEditApart("helpng", "helping"));
        assertEquals(true, Expressions.oneEditApart("thrid", "third"));
        assertEquals(true, Expressions.oneEditApart("waitimg", "waiting"));
        assertEquals(false, Expressions.oneEditApart("helping", "helping"));
        assertEquals(false, Expressions.oneEditApart("reading", "heading1"));
    }

    @Test
    void aPatternMustStartWithAWordAndBeWellFormed() {
        assertThrows(IllegalStateException.class, () -> new Expressions(Map.of("* helping", -1)));
        assertThrows(IllegalStateException.class, () -> new Expressions(Map.of("(nobody helping", -1)));
        assertThrows(IllegalStateException.class, () -> new Expressions(Map.of("nobody <bogus>", -1)));
    }

    @Test
    void theShippedLexiconCompiles() {
        new Expressions(Lexicons.bundled().sentiment());
    }
}
