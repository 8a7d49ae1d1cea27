package dev.handoff.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Swear words as written, masked and aimed ({@link Profanity}), and how much each use weighs ({@link Sentiment}). */
class SentimentProfanityTest {

    static final Profanity PROFANITY = new Profanity(Lexicons.bundled().profanity());
    static final Sentiment SENTIMENT = new Sentiment(Lexicons.bundled());

    @ParameterizedTest
    @CsvSource({"f***, fuck", "f**k, fuck", "sh*t, shit", "s**t, shit", "s***, shit", "f***ing, fucking", "f*cking, fucking",
        "a**hole, asshole", "b*tch, bitch", "bulls**t, bullshit", "damn, damn", "wtf, wtf"})
    void maskedSwearWordsReadAsTheWord(String written, String word) {
        assertEquals(word, PROFANITY.canonical(written));
    }

    @Test
    void wordsThatAreNotProfanity() {
        assertNull(PROFANITY.canonical("hello"));
        assertNull(PROFANITY.canonical("*important*"));
        assertNull(PROFANITY.canonical("***"));
    }

    @Test
    void symbolMasksBecomeStars() {
        assertEquals("f*ck off", PROFANITY.unmask("f@ck off"));
        assertEquals("what the **** is this", PROFANITY.unmask("what the @#$% is this"));
        assertEquals("sh*t", PROFANITY.unmask("sh!t"));
        assertEquals("mail bob@example.com please!!!", PROFANITY.unmask("mail bob@example.com please!!!"));
        assertEquals("50% off, #1 in sales", PROFANITY.unmask("50% off, #1 in sales"));
        assertEquals("wow!great", PROFANITY.unmask("wow!great"));
    }

    @Test
    void swearingAimedAtTheBotTheCompanyOrItsPeople() {
        assertEquals("\"f*** you\"", aimed("f*** you", 0));
        assertEquals("\"shitty service\"", aimed("shitty service again", 0));
        assertEquals("\"bot is shit\"", aimed("this bot is shit", 3));
        assertEquals("\"this is bullshit\"", aimed("this is bullshit", 2));
        assertEquals("\"piece of shit\"", aimed("what a piece of shit", 4));
        assertEquals("\"stfu\"", aimed("stfu", 0));
        assertNull(aimed("damn that was quick", 0));
        assertNull(aimed("oh shit I typed the wrong email", 1));
        assertNull(aimed("damn can you help me", 0), "'you' further on is not the target");
        assertNull(aimed("that sucks, any workaround", 1));
    }

    private static String aimed(String text, int index) {
        List<Text.Token> tokens = Text.tokens(text);
        String[] keys = tokens.stream().map(Text.Token::word).toArray(String[]::new);
        String swear = PROFANITY.canonical(keys[index]);
        assertTrue(swear != null, keys[index] + " is profanity");
        return PROFANITY.aimedAt(tokens, keys, index, swear);
    }

    @Test
    void aLoneMildSwearWeighsLittleRepeatedOrAimedSwearingWeighsMuch() {
        assertEquals(Sentiment.PROFANITY_SCORE, SENTIMENT.score("wtf").value());
        assertEquals(Sentiment.STRONG_PROFANITY_SCORE, SENTIMENT.score("fuck").value());
        assertEquals(2 * Sentiment.PROFANITY_SCORE + Sentiment.REPEATED_PROFANITY, SENTIMENT.score("damn shit").value());
        assertEquals(Sentiment.STRONG_PROFANITY_SCORE + Sentiment.AIMED_PROFANITY, SENTIMENT.score("f*** you").value());
        assertEquals(Sentiment.PROFANITY_SCORE + Sentiment.AIMED_PROFANITY, SENTIMENT.score("@#$% this bot").value());
        assertEquals(1, SENTIMENT.score("@#$% this bot").profanity());
        assertEquals(2, SENTIMENT.score("what the hell, this shit again").profanity(), "a swear word inside an expression still counts");
        assertEquals(0, SENTIMENT.score("sorry, stupid question").profanity(), "a neutral expression is not swearing");
    }

    @Test
    void swearingWithARealComplaintWeighsMore() {
        Sentiment.Score crashed = SENTIMENT.score("damn, the app crashed again");
        assertTrue(crashed.evidence().contains("swearing with a complaint"), crashed.describe());
        Sentiment.Score typo = SENTIMENT.score("oh shit I typed the wrong email");
        assertTrue(!typo.evidence().contains("swearing with a complaint"), typo.describe());
    }
}
