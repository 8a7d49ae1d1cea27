package dev.handoff.escalation.semantic;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Two surface cues of a text that a sentence vector reads poorly and that the logistic layer weighs
 * beside the vector (ADR 0037): whether the text is a question, and whether it claims that
 * something went wrong (a negation, a repeat, a stranger, a loss: {@link #CLAIMS}). A fee asked
 * about and a fee disputed lie close together as vectors; the layer learns, per topic, how much
 * each cue moves the odds from the topic's examples and its routine negatives. Each cue is 0 or
 * {@link #SCALE}, so it weighs about as much as a few of the vector's dimensions together.
 */
public final class Cues {

    static final int COUNT = 2;
    static final float SCALE = 0.5f;

    /** Words that claim a wrong: a negation, a repeat, a stranger, something lost or stolen. */
    public static final Set<String> CLAIMS = Set.of("not", "no", "never", "didn't", "didnt", "don't", "dont", "doesn't",
            "doesnt", "haven't", "havent", "hasn't", "hasnt", "wasn't", "wasnt", "weren't", "werent", "isn't", "isnt", "aren't", "arent",
            "can't", "cant", "cannot", "won't", "wont", "couldn't", "couldnt", "wouldn't", "wouldnt", "twice", "double", "again", "still",
            "wrong", "wrongly", "unauthorised", "unauthorized", "recognise", "recognize", "fraud", "fraudulent", "stolen", "hacked",
            "scam", "scammed", "missing", "disappeared", "vanished", "supposed", "already", "overcharged", "without", "keeps", "keep",
            "locked", "someone", "somebody", "nobody", "stuck", "gone", "lost", "mistake", "error", "broken", "nothing", "yet");

    private static final Set<String> QUESTION_OPENERS = Set.of("how", "what", "whats", "what's", "why", "where", "wheres", "where's",
            "when", "which", "who", "is", "are", "do", "does", "can", "could", "will", "would", "should", "may", "am", "hw", "wat", "wht");

    private static final Pattern HANDLES = Pattern.compile("^(@\\w+\\s+)+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}']+");

    private Cues() {
    }

    /** The cues of a text: {@code [question, claim]}, each 0 or {@link #SCALE}. */
    static float[] of(String text) {
        float[] c = new float[COUNT];
        if (text == null) {
            return c;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        String[] words = NON_WORD.split(HANDLES.matcher(t).replaceFirst(""));
        int first = words.length > 0 && words[0].isEmpty() ? 1 : 0;
        boolean question = t.contains("?") || (words.length > first && QUESTION_OPENERS.contains(words[first]));
        boolean claim = false;
        for (int i = first; i < words.length && !claim; i++) {
            claim = CLAIMS.contains(words[i]) || words[i].endsWith("n't");
        }
        c[0] = question ? SCALE : 0;
        c[1] = claim ? SCALE : 0;
        return c;
    }
}
