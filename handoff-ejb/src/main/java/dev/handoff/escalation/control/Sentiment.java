package dev.handoff.escalation.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lexicon sentiment of one message, in the spirit of VADER: each known word or expression of
 * several words ("fed up", "are you kidding") scores -5..+5; an intensifier before it multiplies
 * (more so when the intensifier is in capitals: "SO annoyed"), a negator in the three words before
 * it (same clause) flips and dampens it, capitals strengthen it; exclamation marks push the total
 * further the way it already leans; each profanity counts -3. The evidence lists the words that
 * carried the score.
 */
public final class Sentiment {

    static final double CAPS_BOOST = 1.5;
    static final double NEGATION = -0.6;
    static final int PROFANITY_SCORE = -3;
    static final double SHOUTING = -2.0;

    private final Lexicons lexicons;
    /** Lexicon entries of several words, by first word, longest first. */
    private final Map<String, List<String[]>> expressions = new HashMap<>();

    public Sentiment(Lexicons lexicons) {
        this.lexicons = lexicons;
        for (String entry : lexicons.sentiment().keySet()) {
            String[] words = entry.split(" ");
            if (words.length > 1 && lexicons.sentiment().get(entry) != 0) {
                expressions.computeIfAbsent(words[0], k -> new ArrayList<>()).add(words);
            }
        }
        expressions.values().forEach(list -> list.sort(Comparator.comparingInt((String[] w) -> -w.length).thenComparing(w -> String.join(" ", w))));
    }

    /** The score of a message, its profanity count, and the words that mattered. */
    public record Score(double value, int profanity, List<String> evidence) {
        public static final Score NEUTRAL = new Score(0, 0, List.of());

        public String describe() {
            return String.format(Locale.ROOT, "sentiment %.1f%s", value, evidence.isEmpty() ? "" : " (" + String.join(", ", evidence) + ")");
        }
    }

    public Score score(String raw) {
        return score(raw, Text.tokens(raw));
    }

    /** The score of a message already tokenised with {@link Text#tokens(String)}. */
    Score score(String raw, List<Text.Token> tokens) {
        if (tokens.isEmpty()) {
            return Score.NEUTRAL;
        }
        double total = 0;
        int profanity = 0;
        List<String> evidence = new ArrayList<>();
        // expressions of several words the single-word lexicon cannot hold ("fed up", "are you kidding");
        // their words are not scored again on their own, and a negator inside one ("can't believe")
        // belongs to the expression rather than negating what follows
        boolean[] inExpression = new boolean[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            List<String[]> candidates = expressions.get(tokens.get(i).word());
            if (candidates == null || inExpression[i]) {
                continue;
            }
            for (String[] expression : candidates) {
                int n = expression.length;
                if (!matches(tokens, i, expression)) {
                    continue;
                }
                double value = lexicons.sentiment().get(String.join(" ", expression));
                if (i > 0 && tokens.get(i - 1).clause() == tokens.get(i).clause()) {
                    value *= boost(tokens.get(i - 1));
                }
                if (negated(tokens, i, inExpression)) {
                    value *= NEGATION;
                }
                boolean caps = true;
                for (int k = i; k < i + n; k++) {
                    caps &= tokens.get(k).caps();
                    inExpression[k] = true;
                }
                if (caps) {
                    value *= CAPS_BOOST;
                }
                total += value;
                evidence.add((value < 0 ? "" : "+") + String.join(" ", expression));
                break;
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            Text.Token token = tokens.get(i);
            if (inExpression[i]) {
                continue;
            }
            if (isProfanity(token.word())) {
                profanity++;
                total += PROFANITY_SCORE;
                evidence.add(token.word());
                continue;
            }
            Integer base = lexicons.sentiment().get(token.word());
            if (base == null || base == 0) {
                continue;
            }
            double value = base;
            if (i > 0 && tokens.get(i - 1).clause() == token.clause() && !inExpression[i - 1]) {
                value *= boost(tokens.get(i - 1));
            }
            if (negated(tokens, i, inExpression)) {
                value *= NEGATION;
            }
            if (token.caps()) {
                value *= CAPS_BOOST;
            }
            total += value;
            evidence.add((value < 0 ? "" : "+") + token.word());
        }
        long bangs = 0;
        long letters = 0;
        long upper = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '!') {
                bangs++;
            } else if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        bangs = Math.min(bangs, 4);
        if (bangs > 0 && total != 0) {
            total += Math.signum(total) * 0.4 * bangs;
        }
        // SHOUTING: a message mostly in capitals reads as anger even without angry words
        if (letters >= 8 && upper >= 0.7 * letters && total <= 0) {
            total += SHOUTING;
            evidence.add("SHOUTING");
        }
        // several exclamation marks with nothing positive said: urgency, impatience
        if (bangs >= 2 && total <= 0) {
            total -= 0.5 * bangs;
        }
        return new Score(total, profanity, List.copyOf(evidence));
    }

    /** The multiplier of an intensifier ("so", "really"), stronger when it is itself shouted ("SO annoyed"); 1 otherwise. */
    private double boost(Text.Token before) {
        Double boost = lexicons.intensifiers().get(before.word());
        if (boost == null) {
            return 1;
        }
        return before.caps() && boost > 1 ? boost * CAPS_BOOST : boost;
    }

    private static boolean matches(List<Text.Token> tokens, int start, String[] expression) {
        if (start + expression.length > tokens.size()) {
            return false;
        }
        int clause = tokens.get(start).clause();
        for (int k = 0; k < expression.length; k++) {
            Text.Token t = tokens.get(start + k);
            if (t.clause() != clause || !t.word().equals(expression[k])) {
                return false;
            }
        }
        return true;
    }

    private boolean negated(List<Text.Token> tokens, int index, boolean[] inExpression) {
        int clause = tokens.get(index).clause();
        for (int j = index - 1; j >= Math.max(0, index - 3); j--) {
            Text.Token before = tokens.get(j);
            if (before.clause() != clause) {
                return false;
            }
            if (!inExpression[j] && lexicons.negators().contains(before.word())) {
                return true;
            }
        }
        return false;
    }

    private boolean isProfanity(String word) {
        if (lexicons.profanity().contains(word)) {
            return true;
        }
        // f***, s**t: a masked word is profanity when its visible letters start one
        if (word.indexOf('*') > 0) {
            String visible = word.replace("*", "");
            return !visible.isEmpty() && lexicons.profanity().stream().anyMatch(p -> p.startsWith(visible) && p.length() >= word.length() - 1);
        }
        return false;
    }
}
