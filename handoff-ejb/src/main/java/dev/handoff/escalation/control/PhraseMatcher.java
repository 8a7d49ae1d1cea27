package dev.handoff.escalation.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds an admin's phrases in a message the way people actually type them: any case, accents
 * folded, one typo per word of five letters or more ("humna", "agnet"), little filler words ignored
 * ("talk to human" = "talk to a human"), up to one other extra word between phrase words, and not
 * when negated in the same clause ("I don't
 * need to talk to anyone"). Typos are resolved against the phrases' own vocabulary with a
 * delete-one index (SymSpell), so lookups stay cheap however many phrases there are.
 */
public final class PhraseMatcher {

    static final int MIN_FUZZY_LENGTH = 5;
    static final int MAX_GAP = 1;
    static final int NEGATION_REACH = 3;
    /** Little words people add or drop at will ("talk to human", "transfer me to an agent"). */
    static final Set<String> FILLER = Set.of("a", "an", "the", "some", "one", "any", "me", "my", "your", "please", "pls", "plz", "just", "real", "actual");

    private final Map<String, List<String[]>> byFirstWord = new HashMap<>();
    private final Set<String> vocabulary = new HashSet<>();
    private final Map<String, String> deletes = new HashMap<>();
    private final List<String[]> negations = new ArrayList<>();

    public PhraseMatcher(List<String> phrases, List<String> negationPhrases) {
        for (String phrase : phrases) {
            String[] all = Text.words(phrase);
            String[] words = java.util.Arrays.stream(all).filter(w -> !FILLER.contains(w)).toArray(String[]::new);
            if (words.length == 0) {
                words = all;
            }
            if (words.length == 0) {
                continue;
            }
            byFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>()).add(words);
            for (String w : words) {
                vocabulary.add(w);
            }
        }
        for (String word : vocabulary) {
            if (word.length() >= MIN_FUZZY_LENGTH) {
                for (String d : deletesOf(word)) {
                    deletes.putIfAbsent(d, word);
                }
            }
        }
        for (String negation : negationPhrases) {
            String[] words = Text.words(negation);
            if (words.length > 0) {
                negations.add(words);
            }
        }
    }

    /** The first phrase found, as written in the message, or empty. */
    public Optional<String> find(List<Text.Token> tokens) {
        String[] canonical = new String[tokens.size()];
        for (int i = 0; i < canonical.length; i++) {
            canonical[i] = canonical(tokens.get(i).word());
        }
        for (int start = 0; start < canonical.length; start++) {
            List<String[]> candidates = byFirstWord.get(canonical[start]);
            if (candidates == null) {
                continue;
            }
            for (String[] phrase : candidates) {
                int end = match(canonical, tokens, start, phrase);
                if (end >= 0 && !negated(tokens, start)) {
                    StringBuilder seen = new StringBuilder();
                    for (int i = start; i <= end; i++) {
                        seen.append(i > start ? " " : "").append(tokens.get(i).word());
                    }
                    return Optional.of(seen.toString());
                }
            }
        }
        return Optional.empty();
    }

    /** Index of the last matched token, or -1. Phrase words must be in order within one clause. */
    private static int match(String[] canonical, List<Text.Token> tokens, int start, String[] phrase) {
        int clause = tokens.get(start).clause();
        int at = start;
        for (int p = 1; p < phrase.length; p++) {
            int found = -1;
            int gaps = 0;
            for (int next = at + 1; next < canonical.length && gaps <= MAX_GAP; next++) {
                if (tokens.get(next).clause() != clause) {
                    break;
                }
                if (canonical[next].equals(phrase[p])) {
                    found = next;
                    break;
                }
                if (!FILLER.contains(canonical[next])) {
                    gaps++;
                }
            }
            if (found < 0) {
                return -1;
            }
            at = found;
        }
        return at;
    }

    private boolean negated(List<Text.Token> tokens, int start) {
        int clause = tokens.get(start).clause();
        for (String[] negation : negations) {
            // the negation ends at most NEGATION_REACH words before the phrase, in the same clause
            for (int end = start - 1; end >= Math.max(0, start - NEGATION_REACH); end--) {
                int begin = end - negation.length + 1;
                if (begin < 0 || tokens.get(begin).clause() != clause) {
                    continue;
                }
                boolean all = true;
                for (int k = 0; k < negation.length && all; k++) {
                    all = tokens.get(begin + k).word().equals(negation[k]);
                }
                if (all) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The vocabulary word a token stands for: itself, or the phrase word one typo away. */
    String canonical(String word) {
        if (vocabulary.contains(word) || word.length() < MIN_FUZZY_LENGTH) {
            return word;
        }
        String hit = deletes.get(word);
        if (hit != null) {
            return hit;
        }
        for (String d : deletesOf(word)) {
            if (vocabulary.contains(d)) {
                return d;
            }
            hit = deletes.get(d);
            if (hit != null) {
                return hit;
            }
        }
        return word;
    }

    private static List<String> deletesOf(String word) {
        List<String> out = new ArrayList<>(word.length());
        for (int i = 0; i < word.length(); i++) {
            out.add(word.substring(0, i) + word.substring(i + 1));
        }
        return out;
    }
}
