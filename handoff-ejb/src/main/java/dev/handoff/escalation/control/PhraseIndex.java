package dev.handoff.escalation.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The phrase matchers of one trigger set, looked up together: each message is tokenised, its
 * typos resolved and its words looked up once for all of them, and only the matchers with a
 * phrase that can start at one of its words (or a one-word request among them) run at all. This
 * keeps a set of hundreds of phrase triggers at a few hash lookups per word.
 */
final class PhraseIndex {

    private static final int[] NONE = new int[0];

    private final List<PhraseMatcher> matchers;
    private final Set<String> vocabulary = new HashSet<>();
    private final Set<String> vocabularyKeys = new HashSet<>();
    /** Delete-one variants of the long vocabulary words → the words they come from. */
    private final Map<String, List<String>> deletes = new HashMap<>();
    /** First words of phrases → the matchers that have them. */
    private final Map<String, int[]> openers = new HashMap<>();
    /** One-word requests → the matchers that have them. */
    private final Map<String, int[]> askers = new HashMap<>();
    /**
     * Hash codes of every vocabulary word and delete-one key, folded to {@value #KEY_BITS} bits:
     * a token's deletes are only built when the bitmap says one may be a key (one memory read
     * per delete, rarely a false alarm), instead of building all of them for every long word.
     */
    private final long[] keyHashes = new long[(1 << KEY_BITS) / 64];
    private static final int KEY_BITS = 18;
    /** Vocabulary word → the matchers whose vocabulary has it, ascending. */
    private final Map<String, int[]> owners = new HashMap<>();

    PhraseIndex(List<PhraseMatcher> matchers) {
        this.matchers = List.copyOf(matchers);
        Map<String, Set<Integer>> open = new HashMap<>();
        Map<String, Set<Integer>> ask = new HashMap<>();
        for (int m = 0; m < this.matchers.size(); m++) {
            PhraseMatcher matcher = this.matchers.get(m);
            vocabulary.addAll(matcher.vocabulary);
            vocabularyKeys.addAll(matcher.vocabularyKeys);
            for (String w : matcher.byFirstWord.keySet()) {
                open.computeIfAbsent(w, k -> new java.util.TreeSet<>()).add(m);
            }
            for (String w : matcher.oneWord) {
                ask.computeIfAbsent(w, k -> new java.util.TreeSet<>()).add(m);
            }
        }
        open.forEach((w, ids) -> openers.put(w, ids.stream().mapToInt(Integer::intValue).toArray()));
        ask.forEach((w, ids) -> askers.put(w, ids.stream().mapToInt(Integer::intValue).toArray()));
        Map<String, List<Integer>> own = new HashMap<>();
        for (int m = 0; m < this.matchers.size(); m++) {
            for (String w : this.matchers.get(m).vocabulary) {
                own.computeIfAbsent(w, k -> new ArrayList<>()).add(m);
            }
        }
        own.forEach((w, ids) -> owners.put(w, ids.stream().mapToInt(Integer::intValue).toArray()));
        for (String word : vocabulary) {
            if (word.length() >= PhraseMatcher.MIN_FUZZY_LENGTH) {
                for (String d : PhraseMatcher.deletesOf(word)) {
                    deletes.computeIfAbsent(d, k -> new ArrayList<>(1)).add(word);
                }
            }
        }
        vocabulary.forEach(this::markKey);
        deletes.keySet().forEach(this::markKey);
    }

    private void markKey(String key) {
        int bit = fold(key.hashCode());
        keyHashes[bit >>> 6] |= 1L << bit;
    }

    private boolean mayBeKey(int hash) {
        int bit = fold(hash);
        return (keyHashes[bit >>> 6] & (1L << bit)) != 0;
    }

    private static int fold(int hash) {
        return (hash ^ (hash >>> KEY_BITS)) & ((1 << KEY_BITS) - 1);
    }

    /** One message, looked up for every matcher; ask {@link Scan#find(int)} per matcher. */
    Scan scan(List<Text.Token> tokens) {
        String[][] readings = new String[tokens.size()][];
        String[] first = new String[readings.length];
        for (int i = 0; i < readings.length; i++) {
            readings[i] = readings(tokens.get(i).word());
            first[i] = readings[i][0];
        }
        return new Scan(tokens, readings, first, new Lookup(new PhraseLexicon.Reading(first, tokens)));
    }

    /** A reading of the message, and per matcher where its phrases can start and whether one of its one-word requests is there. */
    private final class Lookup {
        final PhraseLexicon.Reading reading;
        /** Per matcher, the positions where one of its phrases can start; -1 ends the list; null for none. */
        final int[][] starts = new int[matchers.size()][];
        final boolean[] asks = new boolean[matchers.size()];

        Lookup(PhraseLexicon.Reading r) {
            reading = r;
            for (int i = 0; i < r.n; i++) {
                open(starts, openers.get(r.key[i]), i);
                mark(asks, askers.get(r.key[i]));
                if (r.concept[i] != null) {
                    open(starts, openers.get(r.concept[i]), i);
                    mark(asks, askers.get(r.concept[i]));
                }
            }
        }

        Optional<String> find(List<Text.Token> tokens, int id) {
            if (starts[id] == null && !asks[id]) {
                return Optional.empty();
            }
            return matchers.get(id).find(tokens, reading, starts[id] == null ? NONE : starts[id], asks[id]);
        }
    }

    private static void mark(boolean[] asks, int[] ids) {
        if (ids != null) {
            for (int id : ids) {
                asks[id] = true;
            }
        }
    }

    private static void open(int[][] starts, int[] ids, int position) {
        if (ids == null) {
            return;
        }
        for (int id : ids) {
            int[] at = starts[id];
            if (at == null) {
                at = new int[] {-1, -1, -1, -1};
                starts[id] = at;
            }
            int n = 0;
            while (n < at.length && at[n] >= 0) {
                n++;
            }
            if (n > 0 && at[n - 1] == position) {
                continue;
            }
            if (n == at.length) {
                at = java.util.Arrays.copyOf(at, at.length * 2);
                java.util.Arrays.fill(at, n, at.length, -1);
                starts[id] = at;
            }
            at[n] = position;
        }
    }

    /**
     * The word as written first, then every vocabulary word one typo away; each matcher then reads
     * it as the first of these in its own vocabulary, as {@link PhraseMatcher#corrected} does.
     */
    private String[] readings(String word) {
        if (!PhraseMatcher.typo(word, vocabulary, vocabularyKeys)) {
            return new String[] {word};
        }
        int n = word.length();
        List<String> near = null; // after the word itself, in order, without repeats
        List<String> hit = deletes.get(word);
        if (hit != null) {
            near = addAll(near, word, hit);
        }
        // each delete (the word less letter d, in deletesOf order) is only built when its
        // String.hashCode, worked out from prefix and suffix hashes, may be a vocabulary word or key
        int[] prefix = new int[n + 1];
        for (int k = 0; k < n; k++) {
            prefix[k + 1] = 31 * prefix[k] + word.charAt(k);
        }
        int[] suffix = new int[n + 1];
        int[] scale = new int[n];
        int power = 1;
        for (int k = n - 1; k >= 0; k--) {
            suffix[k] = word.charAt(k) * power + suffix[k + 1];
            scale[k] = power; // 31^(n-1-k)
            power *= 31;
        }
        for (int k = 0; k < n; k++) {
            if (!mayBeKey(prefix[k] * scale[k] + suffix[k + 1])) {
                continue;
            }
            String d = word.substring(0, k) + word.substring(k + 1);
            if (vocabulary.contains(d)) {
                near = addAll(near, word, List.of(d));
            }
            hit = deletes.get(d);
            if (hit != null) {
                near = addAll(near, word, hit);
            }
        }
        return near == null ? new String[] {word} : near.toArray(String[]::new);
    }

    private static List<String> addAll(List<String> near, String word, List<String> more) {
        if (near == null) {
            near = new ArrayList<>(4);
            near.add(word);
        }
        for (String m : more) {
            if (!near.contains(m)) {
                near.add(m);
            }
        }
        return near;
    }

    final class Scan {
        private final List<Text.Token> tokens;
        private final String[] first;
        /** The message read with every token as written; most matchers read it so. */
        private final Lookup base;
        /** The tokens that have typo readings, and per such token what each matcher reads it as when not as written (else null). */
        private final int[] ambiguous;
        private final String[][] chosen;
        /** The message read with typos resolved, one lookup per distinct resolution (most matchers resolve a typo alike). */
        private Map<List<String>, Lookup> resolved;

        private Scan(List<Text.Token> tokens, String[][] readings, String[] first, Lookup base) {
            this.tokens = tokens;
            this.first = first;
            this.base = base;
            int[] several = new int[readings.length];
            int count = 0;
            for (int i = 0; i < readings.length; i++) {
                if (readings[i].length > 1) {
                    several[count++] = i;
                }
            }
            this.ambiguous = java.util.Arrays.copyOf(several, count);
            this.chosen = new String[count][];
            for (int a = 0; a < count; a++) {
                chosen[a] = choose(readings[ambiguous[a]]);
            }
        }

        /**
         * For every matcher at once: a matcher whose vocabulary has the first reading keeps it,
         * otherwise it takes the first later reading in its vocabulary, otherwise the first.
         */
        private String[] choose(String[] r) {
            String[] pick = new String[matchers.size()];
            boolean[] settled = new boolean[matchers.size()];
            for (int m : owners.getOrDefault(r[0], NONE)) {
                settled[m] = true;
            }
            for (int k = 1; k < r.length; k++) {
                for (int m : owners.getOrDefault(r[k], NONE)) {
                    if (!settled[m]) {
                        settled[m] = true;
                        pick[m] = r[k];
                    }
                }
            }
            return pick;
        }

        /** What {@code matchers.get(id).find(tokens)} finds, without looking again at what cannot match. */
        Optional<String> find(int id) {
            String[] words = null;
            for (int a = 0; a < ambiguous.length; a++) {
                String pick = chosen[a][id];
                if (pick != null) {
                    if (words == null) {
                        words = first.clone();
                    }
                    words[ambiguous[a]] = pick;
                }
            }
            if (words == null) {
                return base.find(tokens, id);
            }
            // a typo read as one of this matcher's words: read the message again that way, once per resolution
            if (resolved == null) {
                resolved = new HashMap<>();
            }
            String[] w = words;
            return resolved.computeIfAbsent(List.of(w), k -> new Lookup(new PhraseLexicon.Reading(w, tokens))).find(tokens, id);
        }
    }
}
