package dev.handoff.escalation.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Lexicon sentiment of one message, in the spirit of VADER: each known word scores -5..+5, and so
 * do expressions and sentence patterns of several words ("fed up", "nobody is helping", "the third
 * time I'm asking", "I've been waiting 40 minutes", see {@link Expressions}); an intensifier before
 * a word multiplies it (more so when the intensifier is in capitals: "SO annoyed"), a negator in
 * the three words before it (same clause) flips and dampens it, capitals strengthen it;
 * exclamation marks push the total further the way it already leans.
 *
 * <p>Swearing (see {@link Profanity}) is weighed by what it does: a lone mild swear word is
 * only a little negative ("damn that was quick, thanks", "lol wtf where is the export button");
 * repeated swearing, swearing aimed at the bot, the company or its people ("f*** you", "this app
 * is shit"), and swearing together with a real complaint weigh as much as anger. The evidence
 * names what carried the score in the customer's words.
 */
public final class Sentiment {

    static final double CAPS_BOOST = 1.5;
    static final double NEGATION = -0.6;
    /** A mild swear word on its own ("damn", "wtf", "shit"). */
    static final double PROFANITY_SCORE = -1.0;
    /** A strong one ("f***"). */
    static final double STRONG_PROFANITY_SCORE = -1.5;
    /** Two swear words or more in one message. */
    static final double REPEATED_PROFANITY = -2.0;
    /** Swearing at the bot, the company or its people. */
    static final double AIMED_PROFANITY = -3.0;
    /** Swearing in a message whose other words are at least this negative is part of a complaint ... */
    static final double COMPLAINT = -2.0;
    /** ... and weighs this much more. */
    static final double PROFANITY_WITH_COMPLAINT = -1.0;
    /** "still not fixed" in a message that also says the customer asked before ("I've emailed twice"). */
    static final double STILL_AFTER_REPEATS = -2.0;
    static final double SHOUTING = -2.0;

    /** Tags of lexicon patterns ({@code {still}}, {@code {again}}) that together mean "still nothing after repeated contacts". */
    static final String STILL = "still";
    static final String AGAIN = "again";

    private static volatile Compiled cache;

    private final Lexicons lexicons;
    private final Expressions expressions;
    private final Profanity profanity;

    /** The compiled expressions and profanity of one set of lexicons; the bundled ones are compiled once. */
    private record Compiled(Lexicons lexicons, Expressions expressions, Profanity profanity) {}

    public Sentiment(Lexicons lexicons) {
        this.lexicons = lexicons;
        Compiled c = cache;
        if (c == null || c.lexicons() != lexicons) {
            c = new Compiled(lexicons, new Expressions(lexicons.sentiment()), new Profanity(lexicons.profanity()));
            cache = c;
        }
        this.expressions = c.expressions();
        this.profanity = c.profanity();
    }

    /** The score of a message, its profanity count, and the words that mattered. */
    public record Score(double value, int profanity, List<String> evidence) {
        public static final Score NEUTRAL = new Score(0, 0, List.of());

        public String describe() {
            return String.format(Locale.ROOT, "sentiment %.1f%s", value, evidence.isEmpty() ? "" : " (" + String.join(", ", evidence) + ")");
        }
    }

    /** Words for incidents that a calm question can be about ("does it cover theft?", "what are the signs of a scam?"). */
    static final java.util.Set<String> INCIDENTS = java.util.Set.of("theft", "thefts", "scam", "scams", "scammer", "scammers", "scammed",
            "fraud", "frauds", "fraudulent", "cheating", "cheat", "cheats", "cheater", "cheaters", "damage", "damaged", "stolen", "steal",
            "stealing", "hack", "hacked", "hacker", "hackers", "hacking", "virus", "viruses", "malware", "phishing", "crash", "crashes",
            "error", "errors", "loss", "lost", "lose", "fine", "fines", "penalty", "penalties", "debt", "debts", "accident", "accidents",
            "injury", "injuries", "illness", "disease", "allergy", "allergies", "risk", "risks", "dispute", "disputes", "complaint",
            "complaints", "emergency", "emergencies", "death", "fake", "spam", "abuse", "harassment", "fault", "faulty", "broken",
            "problem", "problems", "issue", "issues", "late", "missed", "miss", "delay", "delays", "delayed", "cancel", "cancelled");
    public Score score(String raw) {
        return score(raw, Text.tokens(raw));
    }

    /** The score of a message already tokenised with {@link Text#tokens(String)}. */
    Score score(String raw, List<Text.Token> tokens) {
        if (raw == null) {
            return Score.NEUTRAL;
        }
        // f@ck, sh!t, @#$%: masks written with symbols become * masks the tokeniser keeps whole
        String text = profanity.unmask(raw);
        boolean unmasked = !text.equals(raw);
        if (unmasked) {
            tokens = Text.tokens(text);
        }
        if (tokens.isEmpty()) {
            return Score.NEUTRAL;
        }
        String[] swears = new String[tokens.size()];
        for (int i = 0; i < swears.length; i++) {
            String word = tokens.get(i).word();
            swears[i] = unmasked && isGrawlix(word) ? word : profanity.canonical(word);
        }
        Expressions.Scan scan = expressions.scan(tokens, swears);
        String[] keys = scan.keys();
        double total = 0;
        // how negative the message is apart from its swear words
        double negative = 0;
        List<String> evidence = new ArrayList<>();
        // expressions and sentence patterns of several words ("fed up", "nobody is helping"); their words
        // are not scored again on their own, and a negator inside one ("can't believe") belongs to it
        // rather than negating what follows
        boolean[] inExpression = new boolean[tokens.size()];
        // words of expressions that scored negative: a swear word there still counts as swearing ("what the hell")
        boolean[] inComplaint = new boolean[tokens.size()];
        int still = -1;
        boolean again = false;
        for (int i = 0; i < tokens.size(); i++) {
            Expressions.Match match = scan.longestAt(i);
            if (match == null) {
                continue;
            }
            double value = match.entry().score();
            boolean caps = true;
            for (int k = i; k < match.end(); k++) {
                caps &= tokens.get(k).caps();
                inExpression[k] = true;
            }
            if (value != 0) {
                if (i > 0 && tokens.get(i - 1).clause() == tokens.get(i).clause() && !inExpression[i - 1]) {
                    value *= boost(tokens.get(i - 1));
                }
                // a sentence pattern says what it means ("you're not listening"); a plain expression can be negated ("not fed up")
                if (!match.entry().pattern() && negated(tokens, i, inExpression)) {
                    value *= NEGATION;
                }
                if (caps) {
                    value *= CAPS_BOOST;
                }
                total += value;
                negative += Math.min(0, value);
                Arrays.fill(inComplaint, i, match.end(), value < 0);
                if (STILL.equals(match.entry().tag()) && still < 0) {
                    still = evidence.size();
                }
                again |= AGAIN.equals(match.entry().tag());
                evidence.add((value < 0 ? "" : "+") + Profanity.span(tokens, i, match.end() - 1));
            }
            i = match.end() - 1;
        }
        if (still >= 0 && again) {
            total += STILL_AFTER_REPEATS;
            negative += STILL_AFTER_REPEATS;
            evidence.set(still, evidence.get(still) + " after repeated contacts");
        }
        int swearWords = 0;
        double swearing = 0;
        String aimed = null;
        boolean asking = Text.infoQuestion(raw, tokens);
        for (int i = 0; i < tokens.size(); i++) {
            Text.Token token = tokens.get(i);
            String swear = swears[i];
            if (swear != null) {
                if (!inExpression[i] || inComplaint[i]) {
                    swearWords++;
                }
                if (!inExpression[i]) {
                    swearing += profanity.strong(swear) ? STRONG_PROFANITY_SCORE : PROFANITY_SCORE;
                    String at = aimed == null ? profanity.aimedAt(tokens, keys, i, swear) : null;
                    if (at != null) {
                        aimed = at;
                        evidence.add(at);
                    } else {
                        evidence.add(token.word());
                    }
                }
                continue;
            }
            if (inExpression[i]) {
                continue;
            }
            Integer base = lexicons.sentiment().get(token.word());
            if (base == null || base == 0 || asking && INCIDENTS.contains(token.word())) {
                continue; // "how do I report a player for cheating?": the subject of a question, not a mood
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
            negative += Math.min(0, value);
            evidence.add((value < 0 ? "" : "+") + token.word());
        }
        if (swearing != 0) {
            total += swearing;
            if (swearWords >= 2) {
                total += REPEATED_PROFANITY;
                evidence.add("repeated profanity");
            }
            if (aimed != null) {
                total += AIMED_PROFANITY;
            } else if (swearWords < 2 && negative <= COMPLAINT) {
                total += PROFANITY_WITH_COMPLAINT;
                evidence.add("swearing with a complaint");
            }
        }
        long bangs = 0;
        long letters = 0;
        long upper = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
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
        // laughing at oneself or the situation ("i hate waiting haha", "so dumb lol") halves the negativity
        if (total < 0 && laughs(tokens)) {
            total /= 2;
            evidence.add("laughing");
        }
        return new Score(total, swearWords, List.copyOf(evidence));
    }

    /** A grawlix such as "@#$%", masked to stars by {@link Profanity#unmask}. */
    private static boolean isGrawlix(String word) {
        if (word.length() < 3) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) != '*') {
                return false;
            }
        }
        return true;
    }

    private static final java.util.Set<String> LAUGHTER = java.util.Set.of("haha", "hahaha", "hehe", "lol", "lmao", "rofl", "jk",
            "😂", "🤣", "😅", "xd");

    private static boolean laughs(List<Text.Token> tokens) {
        for (Text.Token t : tokens) {
            if (LAUGHTER.contains(t.word())) {
                return true;
            }
        }
        return false;
    }

    /** The multiplier of an intensifier ("so", "really"), stronger when it is itself shouted ("SO annoyed"); 1 otherwise. */
    private double boost(Text.Token before) {
        Double boost = lexicons.intensifiers().get(before.word());
        if (boost == null && before.word().indexOf('*') >= 0) {
            // f***ing useless
            String swear = profanity.canonical(before.word());
            boost = swear == null ? null : lexicons.intensifiers().get(swear);
        }
        if (boost == null) {
            return 1;
        }
        return before.caps() && boost > 1 ? boost * CAPS_BOOST : boost;
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
}
