package dev.handoff.escalation.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Swearing in a message: which words are profanity (masked forms such as {@code f***},
 * {@code sh*t} and {@code f@ck} included; grawlixes such as {@code @#$%} are masked with
 * {@link #unmask}), which are strong and whether one is aimed at someone: at the bot, the company
 * or its people ("f*** you", "your shitty app", "this bot is crap", "piece of s***").
 *
 * <p>{@code profanity.txt} lists one word a line, optionally followed by a tab and its kinds:
 * {@code strong} (the f-word family), {@code noun} (what "this is ..." can be: "shit", "crap") and
 * {@code aimed} (always aimed at the reader: "stfu").
 */
final class Profanity {

    /** Who or what swearing can be aimed at, before or after the swear word. */
    static final Set<String> TARGETS = Set.of("you", "your", "youre", "ur", "yall", "yourself", "yourselves", "bot", "bots", "chatbot",
            "robot", "assistant", "ai", "company", "service", "support", "app", "product", "software", "system", "website", "site", "team",
            "staff", "people", "platform", "business", "bank", "program", "agents", "guys", "firm", "shop", "store", "outfit", "crew");
    /** Words that aim the swear word right before them: "f*** you", "f*** off". */
    private static final Set<String> RIGHT_AFTER = Set.of("you", "yourself", "yourselves", "yall", "off", "ur", "your");
    /** Swear words that, said right before "this" or "that", aim at it: "f*** this", "screw that". */
    private static final Set<String> VERBS = Set.of("fuck", "screw");
    /** "piece of s***", "load of crap". */
    private static final Set<String> CONTAINERS = Set.of("piece", "load", "bunch", "pile", "heap", "sack", "full");
    private static final Set<String> COPULAS = Set.of("is", "was", "are", "s", "its", "thats", "just", "such", "absolute", "complete", "total",
            "utter", "a", "pure", "real");

    private final Set<String> words;
    private final Set<String> strong;
    private final Set<String> nouns;
    private final Set<String> aimed;
    private final List<String> sorted;

    Profanity(Set<String> words) {
        this.words = words;
        Set<String> strongWords = new HashSet<>();
        Set<String> nounWords = new HashSet<>();
        Set<String> aimedWords = new HashSet<>();
        List<String> listed = new ArrayList<>();
        readKinds(listed, strongWords, nounWords, aimedWords);
        this.strong = Set.copyOf(strongWords);
        this.nouns = Set.copyOf(nounWords);
        this.aimed = Set.copyOf(aimedWords);
        // a mask that fits several words reads as the one listed first ("f***" is "fuck", not "fkin")
        List<String> ordered = new ArrayList<>(words);
        ordered.sort(Comparator.comparingInt((String w) -> listed.indexOf(w) < 0 ? Integer.MAX_VALUE : listed.indexOf(w))
                .thenComparing(w -> w));
        this.sorted = List.copyOf(ordered);
    }

    /** The profanity entry {@code word} is, spelled out when it is masked ("f***ing" is "fucking"), or null. */
    String canonical(String word) {
        int star = word.indexOf('*');
        if (star < 0) {
            return words.contains(word) ? word : null;
        }
        String visible = word.replace("*", "");
        if (visible.isEmpty()) {
            return null;
        }
        // same length, every visible letter in place: s**t, f*cking, bulls**t
        for (String p : sorted) {
            if (p.length() == word.length() && p.indexOf('*') < 0 && sameLetters(word, p)) {
                return p;
            }
        }
        if (words.contains(word)) {
            return word;
        }
        // f*, f***: the visible letters start the word
        if (star > 0) {
            for (String p : sorted) {
                if (p.indexOf('*') < 0 && p.startsWith(visible) && p.length() >= word.length() - 1) {
                    return p;
                }
            }
        }
        return null;
    }

    private static boolean sameLetters(String masked, String word) {
        for (int i = 0; i < masked.length(); i++) {
            char c = masked.charAt(i);
            if (c != '*' && c != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    boolean strong(String canonical) {
        return strong.contains(canonical);
    }

    /**
     * The words that aim the swear word at {@code i} at the bot, the company or its people, as
     * written ("f*** you", "your shitty app"), or null when it is not aimed.
     */
    String aimedAt(List<Text.Token> tokens, String[] keys, int i, String canonical) {
        if (aimed.contains(canonical)) {
            return span(tokens, i, i);
        }
        int clause = tokens.get(i).clause();
        // right after: "f*** you", "f*** off", "f*** this" (verbs only), then a target within two words: "shitty service"
        for (int j = i + 1; j <= i + 2 && j < keys.length && tokens.get(j).clause() == clause; j++) {
            String k = keys[j];
            boolean aims = (j == i + 1 && (RIGHT_AFTER.contains(k) || ((k.equals("this") || k.equals("that")) && VERBS.contains(canonical))))
                    || (!k.equals("you") && !k.equals("ur") && !k.equals("your") && TARGETS.contains(k));
            if (aims) {
                return span(tokens, i, j);
            }
        }
        // before: "you idiots", "your crap app", "the bot is stupid", "this shit", "this is bullshit", "piece of s***"
        for (int j = i - 1; j >= Math.max(0, i - 3) && tokens.get(j).clause() == clause; j--) {
            String k = keys[j];
            if (TARGETS.contains(k)) {
                return span(tokens, j, i);
            }
            if (j == i - 1 && k.equals("this")) {
                return span(tokens, j, i);
            }
            if (j == i - 1 && k.equals("of") && j > 0 && CONTAINERS.contains(keys[j - 1])) {
                return span(tokens, j - 1, i);
            }
            boolean about = k.equals("this") || k.equals("that") || k.equals("thats") || k.equals("its") || k.equals("it");
            if (about && nouns.contains(canonical) && between(keys, j + 1, i)) {
                return span(tokens, j, i);
            }
        }
        return null;
    }

    /** Whether everything between is a copula or article ("this is", "that's just", "it is a total"). */
    private static boolean between(String[] keys, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!COPULAS.contains(keys[k])) {
                return false;
            }
        }
        return true;
    }

    static String span(List<Text.Token> tokens, int from, int to) {
        StringBuilder s = new StringBuilder("\"");
        for (int k = from; k <= to; k++) {
            if (k > from) {
                s.append(' ');
            }
            s.append(tokens.get(k).word());
        }
        return s.append('"').toString();
    }

    // ---- masks written with symbols ---------------------------------------------------------------

    private static final String SYMBOLS = "@#$%&!*";

    /**
     * The message with swear words masked by symbols turned into {@code *} masks the tokeniser keeps
     * as one word ("f@ck" → "f*ck", "sh!t" → "sh*t", "@#$%" → "****"), or the message itself when
     * it has none. Only runs of symbols inside or next to letters, or of two kinds or more, count:
     * "!!!" and "bob@example.com" are left alone.
     */
    String unmask(String raw) {
        if (raw == null || !mayMask(raw)) {
            return raw;
        }
        StringBuilder out = null;
        int n = raw.length();
        int i = 0;
        while (i < n) {
            char c = raw.charAt(i);
            if (!Character.isLetter(c) && SYMBOLS.indexOf(c) < 0) {
                i++;
                continue;
            }
            int end = i;
            while (end < n && (Character.isLetter(raw.charAt(end)) || SYMBOLS.indexOf(raw.charAt(end)) >= 0)) {
                end++;
            }
            // trailing exclamation marks stay exclamation marks
            int wordEnd = end;
            while (wordEnd > i && raw.charAt(wordEnd - 1) == '!') {
                wordEnd--;
            }
            String run = raw.substring(i, wordEnd);
            String masked = masked(run);
            if (masked != null) {
                if (out == null) {
                    out = new StringBuilder(raw);
                }
                out.replace(i, wordEnd, masked);
            }
            i = end;
        }
        return out == null ? raw : out.toString();
    }

    private static boolean mayMask(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '@' || c == '#' || c == '$' || c == '%' || c == '&') {
                return true;
            }
            if (c == '!' && i > 0 && i + 1 < raw.length() && Character.isLetter(raw.charAt(i - 1)) && Character.isLetter(raw.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** The run with its symbols as {@code *} when it reads as a masked swear word, else null. */
    private String masked(String run) {
        if (run.length() < 2) {
            return null;
        }
        int letters = 0;
        Set<Character> kinds = new HashSet<>();
        StringBuilder stars = new StringBuilder(run.length());
        for (int k = 0; k < run.length(); k++) {
            char c = run.charAt(k);
            if (Character.isLetter(c)) {
                letters++;
                stars.append(c);
            } else {
                if (c != '*') {
                    kinds.add(c);
                }
                stars.append('*');
            }
        }
        if (kinds.isEmpty() || (kinds.size() == 1 && kinds.contains('!') && letters == 0)) {
            return null;
        }
        String candidate = stars.toString();
        if (letters == 0) {
            // a grawlix: @#$%, #$%&!
            return run.length() >= 3 && kinds.size() >= 2 ? candidate : null;
        }
        return canonical(candidate.toLowerCase(Locale.ROOT)) != null ? candidate : null;
    }

    private static void readKinds(List<String> listed, Set<String> strongWords, Set<String> nounWords, Set<String> aimedWords) {
        try (InputStream in = Profanity.class.getClassLoader().getResourceAsStream("triggers/profanity.txt")) {
            if (in == null) {
                return;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                String word = parts[0].strip().toLowerCase(Locale.ROOT);
                listed.add(word);
                for (int k = 1; k < parts.length; k++) {
                    for (String kind : parts[k].strip().split("[ ,]+")) {
                        if (kind.equals("strong")) {
                            strongWords.add(word);
                        } else if (kind.equals("noun")) {
                            nounWords.add(word);
                        } else if (kind.equals("aimed")) {
                            aimedWords.add(word);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
