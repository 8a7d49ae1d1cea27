package dev.handoff.escalation.control;

import java.util.Locale;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Mends three slips of typing in a customer message before any rule reads it or the sentence model
 * embeds it (ADR 0070), each only on a word the word list does not know:
 * <ul>
 * <li><b>letters stretched for emphasis</b> ("Helllooo? anyone theeere? I need a persooon"): a run of
 * three or more of one letter is read as two or one, whichever makes a known word;</li>
 * <li><b>words run together</b> ("Canispeaktosomeoneplease"): a word of {@value #MIN_RUN_TOGETHER}
 * letters or more is split into the known words that cost least (a word's cost grows with the log of
 * its rank in the list, so "can i speak" beats "can is peak"), when it splits into at least
 * {@value #MIN_PARTS} of them, {@value #MIN_MEAN_PART} letters long on average;</li>
 * <li><b>a typo in a word the rules read</b> ("tlak", "agnet", "humen", "persn"): the word of
 * {@link #TYPED_WORDS} two swapped letters away, or, for its words of {@value #MIN_EDITED} letters or
 * more, one letter other, missing or extra away. {@link PhraseMatcher} already reads phrases
 * through one typo of a long word; this reaches four-letter words and the sentence model too.</li>
 * </ul>
 * The word list is the sentence model's own vocabulary, in rough order of frequency; a set without
 * a model mends nothing. The message is returned unchanged, the same instance, when nothing is
 * mended, and a mended message is embedded once, instead of the written one (no extra model run).
 */
final class Spelling {

    private Spelling() {}

    static final int MIN_RUN_TOGETHER = 18;
    /** One letter other, missing or extra is read as a typo only of the longer words the rules read ("humen"; not "helo", "cal"). */
    static final int MIN_EDITED = 5;
    static final int MIN_PARTS = 4;
    /** The parts of a run-together sentence are words of 3.5 letters on average or more. */
    static final double MIN_MEAN_PART = 3.5;
    private static final int MAX_WORD = 60;
    private static final int MAX_PART = 16;
    private static final int MAX_STRETCHES = 4;
    /** A part of a run-together word must be a common word: a rank under this in the word list. */
    private static final int MAX_PART_ID = 10_000;
    /** "i" and "a" sit among the single characters of the word list; they are read as common as "the". */
    private static final int ONE_LETTER_WORD_ID = 2_000;

    /** The words a typo may be mended to, in the order tried: the words requests, people and help are asked with. */
    static final List<String> TYPED_WORDS = List.of("talk", "speak", "call", "help", "human", "person", "agent", "someone",
            "somebody", "anyone", "anybody", "manager", "operator", "please", "phone", "ring", "transfer", "connect", "real",
            "live", "staff", "team", "support", "supervisor", "representative", "people", "chat", "need", "want");

    /**
     * {@code text} with its stretched, run-together and swapped words mended, or {@code text} itself
     * when none is; {@code wordId} gives a lower-case word's rank in the word list, or -1 if unknown.
     */
    static String mend(String text, ToIntFunction<String> wordId) {
        if (text == null || text.isEmpty() || wordId.applyAsInt("the") < 0) {
            return text;
        }
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && Character.isLetter(text.charAt(i))) {
                i++;
            }
            // letters inside a code, an address or a number ("AB12CD", "x@y.com", "don't") are no word typed
            if (i < n && (partOfCode(text.charAt(i)) || text.charAt(i) == '\'') || start > 0 && (partOfCode(text.charAt(start - 1))
                    || text.charAt(start - 1) == '\'' && start > 1 && Character.isLetter(text.charAt(start - 2)))) {
                continue;
            }
            String word = text.substring(start, i);
            String mended = mendWord(word.toLowerCase(Locale.ROOT), wordId);
            if (mended != null) {
                if (out == null) {
                    out = new StringBuilder(n + 16);
                }
                out.append(text, copied, start);
                out.append(Character.isUpperCase(word.charAt(0)) ? Character.toUpperCase(mended.charAt(0)) + mended.substring(1) : mended);
                copied = i;
            }
        }
        return out == null ? text : out.append(text, copied, n).toString();
    }

    private static boolean partOfCode(char c) {
        return Character.isDigit(c) || c == '@' || c == '_' || c == '/' || c == '#';
    }

    /** The mended form of one lower-case word, or null when it needs none. */
    static String mendWord(String word, ToIntFunction<String> wordId) {
        if (word.length() > MAX_WORD || wordId.applyAsInt(word) >= 0) {
            return null;
        }
        String unstretched = unstretched(word, wordId);
        if (unstretched != null) {
            return unstretched;
        }
        if (word.length() >= 4 && word.length() <= 16) {
            for (String target : TYPED_WORDS) {
                if (swapApart(word, target)) {
                    return target;
                }
            }
            for (String target : TYPED_WORDS) {
                if (target.length() >= MIN_EDITED && oneEditApart(word, target)) {
                    return target;
                }
            }
        }
        return word.length() >= MIN_RUN_TOGETHER ? split(word, wordId) : null;
    }

    /** Two neighbouring letters swapped: "tlak", "agnet". */
    static boolean swapApart(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int i = 0;
        while (i < a.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                && a.regionMatches(i + 2, b, i + 2, a.length() - i - 2);
    }

    /** One letter other, missing or extra: "humen", "persn", "agennt". */
    static boolean oneEditApart(String a, String b) {
        int diff = a.length() - b.length();
        if (diff < -1 || diff > 1) {
            return false;
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (diff == 0) {
            return i < a.length() && a.regionMatches(i + 1, b, i + 1, a.length() - i - 1);
        }
        return diff > 0 ? a.regionMatches(i + 1, b, i, b.length() - i) : a.regionMatches(i, b, i + 1, a.length() - i);
    }

    private static boolean stretched(String word) {
        for (int i = 2; i < word.length(); i++) {
            if (word.charAt(i) == word.charAt(i - 1) && word.charAt(i) == word.charAt(i - 2)) {
                return true;
            }
        }
        return false;
    }

    /** A run of three or more of one letter read as two or one, the first choice that is a known word; else null. */
    private static String unstretched(String word, ToIntFunction<String> wordId) {
        if (!stretched(word)) {
            return null;
        }
        int[] starts = new int[MAX_STRETCHES];
        int[] ends = new int[MAX_STRETCHES];
        int runs = 0;
        for (int i = 0; i < word.length();) {
            int j = i;
            while (j < word.length() && word.charAt(j) == word.charAt(i)) {
                j++;
            }
            if (j - i >= 3) {
                if (runs == MAX_STRETCHES) {
                    return null;
                }
                starts[runs] = i;
                ends[runs] = j;
                runs++;
            }
            i = j;
        }
        if (runs == 0) {
            return null;
        }
        // bit r of a choice set: run r read as one letter, else as two
        for (int choice = 0; choice < 1 << runs; choice++) {
            StringBuilder candidate = new StringBuilder(word.length());
            int at = 0;
            for (int r = 0; r < runs; r++) {
                candidate.append(word, at, starts[r]);
                char c = word.charAt(starts[r]);
                candidate.append(c);
                if ((choice & 1 << r) == 0) {
                    candidate.append(c);
                }
                at = ends[r];
            }
            candidate.append(word, at, word.length());
            String s = candidate.toString();
            if (wordId.applyAsInt(s) >= 0) {
                return s;
            }
        }
        return null;
    }

    /**
     * The cheapest split of a run-together word into known words ("canispeaktosomeoneplease" → "can i
     * speak to someone please"), one letter only as "i" or "a"; null when it has no split into at least
     * {@value #MIN_PARTS} words.
     */
    private static String split(String word, ToIntFunction<String> wordId) {
        int n = word.length();
        double[] cost = new double[n + 1];
        int[] from = new int[n + 1];
        int[] parts = new int[n + 1];
        java.util.Arrays.fill(cost, Double.POSITIVE_INFINITY);
        cost[0] = 0;
        for (int end = 1; end <= n; end++) {
            for (int start = Math.max(0, end - MAX_PART); start < end; start++) {
                if (cost[start] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                String part = word.substring(start, end);
                int id = part.length() > 1 ? wordId.applyAsInt(part) : part.equals("i") || part.equals("a") ? ONE_LETTER_WORD_ID : -1;
                if (id < 0 || id >= MAX_PART_ID) {
                    continue;
                }
                double c = cost[start] + Math.log(id);
                if (c < cost[end]) {
                    cost[end] = c;
                    from[end] = start;
                    parts[end] = parts[start] + 1;
                }
            }
        }
        // a long word of short common pieces ("preauthorisation": pre author is at i on) is one word misspelt or unknown
        if (cost[n] == Double.POSITIVE_INFINITY || parts[n] < MIN_PARTS || n < MIN_MEAN_PART * parts[n]) {
            return null;
        }
        StringBuilder out = new StringBuilder(n + parts[n]);
        for (int end = n; end > 0; end = from[end]) {
            out.insert(0, word.substring(from[end], end)).insert(0, ' ');
        }
        return out.substring(1);
    }
}
