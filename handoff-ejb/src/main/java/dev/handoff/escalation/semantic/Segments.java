package dev.handoff.escalation.semantic;

import java.util.ArrayList;
import java.util.List;

/**
 * What of a message is embedded: the whole message, and — when it is long enough to hide a request
 * among other sentences — its last two sentences (a bound on the cost of a long message), so "my parcel is lost again. I want to talk to
 * someone." matches a request for a person as well as the short form does.
 */
final class Segments {

    static final int MIN_WORDS_TO_SPLIT = 14;
    /** Sentences embedded besides the whole message: the last ones, where requests usually stand. */
    static final int MAX_SENTENCES = 2;

    /**
     * Where a message divides: after . ! ? ;, at line breaks, at ", but/and/so/because", and at a
     * comma before a request ("…arrive by friday, can a person check for me").
     */
    private static final java.util.regex.Pattern SPLIT = java.util.regex.Pattern.compile(
            "(?<=[.!?;])\\s+|\\s*\\n+\\s*|,\\s+(?:but|and|so|because)\\s+"
            + "|,\\s+(?=(?i:can|could|would|will|please|pls|plz|i want|i need|i'd like|id like|let me|get me|put me|connect me|is there|may i)\\b)");

    private Segments() {
    }

    static List<String> of(String text) {
        String t = text == null ? "" : text.strip();
        List<String> out = new ArrayList<>();
        out.add(t);
        if (t.split("\\s+").length < MIN_WORDS_TO_SPLIT) {
            return out;
        }
        List<String> sentences = new ArrayList<>();
        for (String s : SPLIT.split(t)) {
            String sentence = s.strip();
            if (sentence.split("\\s+").length >= 2 && !sentence.equals(t)) {
                sentences.add(sentence);
            }
        }
        out.addAll(sentences.subList(Math.max(0, sentences.size() - MAX_SENTENCES), sentences.size()));
        return out;
    }
}
