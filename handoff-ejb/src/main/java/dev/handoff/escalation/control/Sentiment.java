package dev.handoff.escalation.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lexicon sentiment of one message, in the spirit of VADER: each known word scores -5..+5; an
 * intensifier before it multiplies, a negator in the three words before it (same clause) flips and
 * dampens it, capitals strengthen it; exclamation marks push the total further the way it already
 * leans; each profanity counts -3. The evidence lists the words that carried the score.
 */
public final class Sentiment {

    static final double CAPS_BOOST = 1.5;
    static final double NEGATION = -0.6;
    static final int PROFANITY_SCORE = -3;
    static final double SHOUTING = -2.0;

    private final Lexicons lexicons;

    public Sentiment(Lexicons lexicons) {
        this.lexicons = lexicons;
    }

    /** The score of a message, its profanity count, and the words that mattered. */
    public record Score(double value, int profanity, List<String> evidence) {
        public static final Score NEUTRAL = new Score(0, 0, List.of());

        public String describe() {
            return String.format(Locale.ROOT, "sentiment %.1f%s", value, evidence.isEmpty() ? "" : " (" + String.join(", ", evidence) + ")");
        }
    }

    public Score score(String raw) {
        List<Text.Token> tokens = Text.tokens(raw);
        if (tokens.isEmpty()) {
            return Score.NEUTRAL;
        }
        double total = 0;
        int profanity = 0;
        List<String> evidence = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Text.Token token = tokens.get(i);
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
            if (i > 0 && tokens.get(i - 1).clause() == token.clause()) {
                Double boost = lexicons.intensifiers().get(tokens.get(i - 1).word());
                if (boost != null) {
                    value *= boost;
                }
            }
            if (negated(tokens, i)) {
                value *= NEGATION;
            }
            if (token.caps()) {
                value *= CAPS_BOOST;
            }
            total += value;
            evidence.add((value < 0 ? "" : "+") + token.word());
        }
        // two-word expressions the single-word lexicon cannot hold ("fed up", "had enough")
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Integer pair = lexicons.sentiment().get(tokens.get(i).word() + " " + tokens.get(i + 1).word());
            if (pair != null && tokens.get(i).clause() == tokens.get(i + 1).clause()) {
                double value = negated(tokens, i) ? pair * NEGATION : pair;
                total += value;
                evidence.add((value < 0 ? "" : "+") + tokens.get(i).word() + " " + tokens.get(i + 1).word());
            }
        }
        long bangs = Math.min(Text.count(raw, '!'), 4);
        if (bangs > 0 && total != 0) {
            total += Math.signum(total) * 0.4 * bangs;
        }
        // SHOUTING: a message mostly in capitals reads as anger even without angry words
        long letters = raw.chars().filter(Character::isLetter).count();
        long upper = raw.chars().filter(Character::isUpperCase).count();
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

    private boolean negated(List<Text.Token> tokens, int index) {
        int clause = tokens.get(index).clause();
        for (int j = index - 1; j >= Math.max(0, index - 3); j--) {
            Text.Token before = tokens.get(j);
            if (before.clause() != clause) {
                return false;
            }
            if (lexicons.negators().contains(before.word())) {
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
