package dev.handoff.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Slips of typing mended before the rules and the sentence model read a message (twentieth round,
 * ADR 0070): letters stretched for emphasis, words run together, a typo in a word the rules read.
 * The word list here is a small one written for the test, ranked like the model's (common words
 * first); the end-to-end checks use the model's own. Texts are written here, not taken from the
 * evaluation sets.
 */
class SpellingTest {

    static final List<String> WORDS = List.of("the", "i", "a", "to", "is", "can", "you", "me", "my", "please", "help", "at", "on",
            "so", "are", "there", "any", "one", "some", "someone", "anyone", "call", "need", "talk", "hello", "good", "speak",
            "agent", "person", "human", "back", "peak", "author", "pre", "where", "bill", "bills", "money", "it", "ve", "represent",
            "rep", "hell", "helo", "phone", "book", "week", "free", "ringing");
    static final ToIntFunction<String> LIST = list();

    static CompiledTriggerSet set;

    @BeforeAll
    static void compile() {
        set = CompiledTriggerSet.compile(DefaultTriggerSet.document(), Lexicons.bundled());
    }

    private static ToIntFunction<String> list() {
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < WORDS.size(); i++) {
            ranks.put(WORDS.get(i), 2000 + 10 * i);
        }
        return w -> ranks.getOrDefault(w, -1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            helllooo                 | hello
            anyooone                 | anyone
            pleeeease                | please
            hellllp                  | help
            tlak                     | talk
            agnet                    | agent
            humen                    | human
            persn                    | person
            canispeaktosomeoneplease | can i speak to someone please
            someonepleasecallmeback  | someone please call me back
            """)
    void mendsASlip(String written, String read) {
        assertEquals(read, Spelling.mendWord(written, LIST));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            hello             | a known word
            helo              | a known word, though one letter from help
            zooom             | three of a letter that make no word as two or one
            preauthorisation  | a long word, shorter than a sentence run together
            bils              | one letter from a word the rules do not read
            xyzzyxyzzyxyzzyxyzzy | no split into known words
            """)
    void leavesAlone(String written, String why) {
        assertNull(Spelling.mendWord(written, LIST), why);
    }

    @Test
    void mendsInPlaceAndKeepsTheRest() {
        assertEquals("Hello? anyone there? I need a person!!", Spelling.mend("Helllooo? anyooone theeere? I need a persn!!", LIST));
        assertEquals("Can i speak to someone please", Spelling.mend("Canispeaktosomeoneplease", LIST));
        String calm = "where is my bill, order AB1234, ref tlak99";
        assertSame(calm, Spelling.mend(calm, LIST), "nothing to mend: the same instance; letters in a code are no word");
        assertSame(calm, Spelling.mend(calm, w -> -1), "no word list, nothing mended");
        assertEquals("don't", Spelling.mend("don't", LIST), "a word beside an apostrophe is read as written");
    }

    @Test
    void theSetReadsTheMendedMessage() {
        assertTrue(set.evaluate(TriggerInput.of("Helllooo? anyone theeere? I need a persooon")).escalate());
        assertTrue(set.evaluate(TriggerInput.of("Canispeaktoarealpersonplease")).escalate());
        assertTrue(set.evaluate(TriggerInput.of("can i tlak to a humna pls")).escalate());
        assertFalse(set.evaluate(TriggerInput.of("sooo how do I change my delivery address")).escalate());
        assertFalse(set.evaluate(TriggerInput.of("is the preauthorisation refunded automatically?")).escalate());
    }
}
