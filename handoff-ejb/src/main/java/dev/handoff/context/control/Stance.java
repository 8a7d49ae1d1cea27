package dev.handoff.context.control;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what the customer wants or feels from their own words: cancelling, a refund, a person,
 * or plain anger. A cue right after a negation ("I don't want to cancel") does not count.
 */
public final class Stance {

    /** One stance and how a summary says it after "They …". */
    public enum Cue {
        CANCEL("are considering cancelling", "\\b(cancel\\w*|close my account|delete my account|unsubscrib\\w*"
                + "|switch(?:ing)? to (?:another|a different|a competitor)|take my business elsewhere)\\b"),
        REFUND("want a refund", "\\b(refund\\w*|money back|chargeback|reimburs\\w*)\\b"),
        PERSON("asked for a person", "\\b(human|real person|a person|live agent|an agent|representative|supervisor|manager"
                + "|(?:speak|talk) (?:to|with) (?:someone|somebody))\\b"),
        UPSET("are upset", "\\b(ridiculous|unacceptable|furious|angry|outrageous|scam|worst|terrible|awful|fed up|sick of"
                + "|disgusting|useless)\\b|!!");

        private final String phrase;
        private final Pattern pattern;

        Cue(String phrase, String regex) {
            this.phrase = phrase;
            this.pattern = Pattern.compile(regex);
        }

        public String phrase() {
            return phrase;
        }
    }

    private static final Pattern NEGATION = Pattern.compile("\\b(don't|dont|do not|not|never|no need to|won't|no)\\b[^.!?,;]*$");
    private static final Pattern SHOUTED = Pattern.compile("\\b\\p{Lu}{3,}\\b");

    private Stance() {}

    /** The cues found in the customer's messages, in the order of {@link Cue}. */
    public static List<Cue> of(List<String> customerMessages) {
        List<Cue> cues = new ArrayList<>();
        for (Cue cue : Cue.values()) {
            if (customerMessages.stream().anyMatch(m -> present(cue, m))) {
                cues.add(cue);
            }
        }
        if (!cues.contains(Cue.UPSET) && customerMessages.stream().anyMatch(Stance::shouting)) {
            cues.add(Cue.UPSET);
        }
        return cues;
    }

    private static boolean present(Cue cue, String message) {
        String text = fold(message);
        Matcher m = cue.pattern.matcher(text);
        while (m.find()) {
            String before = text.substring(Math.max(0, m.start() - 25), m.start());
            if (!NEGATION.matcher(before).find()) {
                return true;
            }
        }
        return false;
    }

    /** Two or more words of three capitals or more ("THIS IS A JOKE"), not just an acronym. */
    private static boolean shouting(String message) {
        Matcher m = SHOUTED.matcher(message);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count >= 2;
    }

    static String fold(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return folded.replace('\u2019', '\'').toLowerCase(Locale.ROOT);
    }
}
