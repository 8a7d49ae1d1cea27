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
 * ("talk to human" = "talk to a human"), a few words read as one ("speak with" = "speak to"), up to
 * one other extra word between phrase words, and not when negated in the same clause ("I don't need
 * to talk to anyone") or by the extra word itself ("I don't want to speak to"). Typos are resolved
 * against the phrases' own vocabulary with a delete-one index (SymSpell), so lookups stay cheap
 * however many phrases there are; {@link PhraseIndex} looks a message up once for all the phrase triggers
 * of a set.
 *
 * <p>A phrase that is one word apart from filler ("a human please", "operator please") is a
 * one-word request: it matches only when a sentence or clause is that word (or its plural) alone,
 * give or take filler, attention words and the bare asking ("Operator!", "human", "Manager. Now.",
 * "you're a bot, I want a person", "escalate to a supervisor"), never as a word inside a longer
 * sentence ("is there a person icon?", "how do I add an agent seat").
 */
public final class PhraseMatcher {

    static final int MIN_FUZZY_LENGTH = 5;
    static final int MAX_GAP = 1;
    static final int NEGATION_REACH = 3;
    /** Little words people add or drop at will ("talk to human", "transfer me to an agent"). */
    static final Set<String> FILLER = Set.of("a", "an", "the", "some", "one", "any", "my", "your", "please", "pls", "plz", "just");
    /**
     * Words that mean the same in a request, read as one ("speak with" = "speak to", "somebody" =
     * "someone"). "me" is not filler: it is what makes "connect me to an agent" a request and
     * "connect an agent to the inbox" an admin task; nor are "real" and "actual", which make "real
     * person" a request and "person icon" not.
     */
    static final Map<String, String> SYNONYMS = Map.of("with", "to", "somebody", "someone", "anybody", "anyone",
            "rep", "representative", "reps", "representative", "u", "you", "ur", "your");
    /**
     * Words that may accompany a one-word request without turning it into some other sentence:
     * attention and urgency ("Manager. Now."), the bare asking ("I need a human", "can I get an agent")
     * and the bare handing over ("transfer to agent", "talk to human").
     */
    static final Set<String> ATTENTION = Set.of("now", "hello", "hi", "hey", "helo", "ok", "okay", "asap", "thanks", "thx",
            "immediately", "urgently", "again", "yes", "yo", "oi", "i", "i'd", "we", "need", "want", "get", "give", "can",
            "could", "have", "like", "would", "you", "me", "us", "to", "let", "talk", "speak", "chat", "connect", "transfer",
            "put", "through", "pass", "send", "over", "escalate");
    /** Attention words that are also nouns: after a determiner ("transfer a chat to an agent") they are the topic, not the asking. */
    static final Set<String> VERBS = Set.of("talk", "speak", "chat", "connect", "transfer", "put", "pass", "send", "escalate", "get", "give",
            "need", "want", "like", "have");
    static final Set<String> DETERMINERS = Set.of("a", "an", "the", "this", "that", "my", "your", "our", "their", "his", "her", "its",
            "each", "every", "some", "any");

    /** Read by {@link PhraseIndex}, with {@link #oneWord} and {@link #vocabulary}. */
    final Map<String, List<String[]>> byFirstWord = new HashMap<>();
    final Set<String> oneWord = new HashSet<>();
    private final Set<String> negatingWords = new HashSet<>();
    final Set<String> vocabulary = new HashSet<>();
    private final Map<String, String> deletes = new HashMap<>();
    private final List<String[]> negations = new ArrayList<>();

    public PhraseMatcher(List<String> phrases, List<String> negationPhrases) {
        for (String phrase : phrases) {
            String[] all = java.util.Arrays.stream(Text.words(phrase)).map(w -> SYNONYMS.getOrDefault(w, w)).toArray(String[]::new);
            String[] words = java.util.Arrays.stream(all).filter(w -> !FILLER.contains(w)).toArray(String[]::new);
            if (words.length == 0) {
                words = all;
            }
            if (words.length == 0) {
                continue;
            }
            if (words.length == 1) {
                oneWord.add(words[0]);
            } else {
                byFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>()).add(words);
            }
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
            if (words.length == 1) {
                negatingWords.add(words[0]);
            }
        }
    }

    /** The first phrase found, as written in the message, or empty. */
    public Optional<String> find(List<Text.Token> tokens) {
        String[] canonical = new String[tokens.size()];
        for (int i = 0; i < canonical.length; i++) {
            canonical[i] = canonical(tokens.get(i).word());
        }
        return find(tokens, canonical, null);
    }

    /** {@code starts}: the only token positions where a phrase can begin, ascending; null for all of them. */
    Optional<String> find(List<Text.Token> tokens, String[] canonical, int[] starts) {
        if (!oneWord.isEmpty()) {
            // a one-word request: a sentence or clause that is that word (or its plural), give or take
            // filler and attention words; a request word that is itself an attention word ("escalate")
            // counts when nothing else in the clause does
            int request = -1;
            int asking = -1;
            boolean alone = true;
            for (int i = 0; i < canonical.length; i++) {
                if (i > 0 && tokens.get(i).clause() != tokens.get(i - 1).clause()) {
                    if (alone && (request >= 0 || asking >= 0)) {
                        break;
                    }
                    request = -1;
                    asking = -1;
                    alone = true;
                }
                if (!alone) {
                    continue;
                }
                String c = canonical[i];
                // whether c is a one-word request only matters while asking / request is still open
                boolean noun = VERBS.contains(c) && i > 0 && tokens.get(i - 1).clause() == tokens.get(i).clause()
                        && DETERMINERS.contains(canonical[i - 1]);
                if (FILLER.contains(c) || (ATTENTION.contains(c) && !noun)) {
                    if (asking < 0 && oneWordRequest(c)) {
                        asking = i;
                    }
                } else if (request < 0 && oneWordRequest(c)) {
                    request = i;
                } else {
                    alone = false;
                }
            }
            int at = request >= 0 ? request : asking;
            if (alone && at >= 0 && !negated(tokens, at)) {
                return Optional.of(tokens.get(at).word());
            }
        }
        int positions = starts == null ? canonical.length : starts.length;
        for (int s = 0; s < positions; s++) {
            int start = starts == null ? s : starts[s];
            if (start < 0) {
                break;
            }
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

    /**
     * Index of the last matched token, or -1. Phrase words must be in order within one clause; an
     * extra word between them that is itself a negation ("I don't want to speak to") spoils the match.
     */
    private int match(String[] canonical, List<Text.Token> tokens, int start, String[] phrase) {
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
                    if (negatingWords.contains(tokens.get(next).word())) {
                        return -1;
                    }
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
        String synonym = SYNONYMS.get(word);
        if (synonym != null) {
            return synonym;
        }
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

    private boolean oneWordRequest(String c) {
        return oneWord.contains(c) || oneWord.contains(singular(c));
    }

    /** "agents" → "agent"; other words as they are. */
    static String singular(String word) {
        return word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.substring(0, word.length() - 1) : word;
    }

    static List<String> deletesOf(String word) {
        List<String> out = new ArrayList<>(word.length());
        for (int i = 0; i < word.length(); i++) {
            out.add(word.substring(0, i) + word.substring(i + 1));
        }
        return out;
    }
}
