package dev.handoff.context.control;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one customer sentence into third person for a summary: "Hi, I was charged twice for my
 * subscription!" becomes "Customer reports that they were charged twice for their subscription".
 * Questions, fragments and text in other languages are quoted instead of rewritten, because a
 * wrong rewrite is worse than the customer's own words.
 */
final class ReportedSpeech {

    private static final Pattern GREETING = Pattern.compile(
            "^(?i)(?:hi|hello|hey|hallo|good (?:morning|afternoon|evening)|dear \\p{L}+|ok(?:ay)?|so|well|um+|uh+|yes|there"
                    + "|please|sorry)\\b[\\s,!.:;-]*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");
    private static final Map<String, String> SWAP = Map.ofEntries(
            Map.entry("i", "they"), Map.entry("i'm", "they're"), Map.entry("im", "they're"), Map.entry("i've", "they've"),
            Map.entry("ive", "they've"), Map.entry("i'd", "they'd"), Map.entry("i'll", "they'll"), Map.entry("me", "them"),
            Map.entry("my", "their"), Map.entry("mine", "theirs"), Map.entry("myself", "themselves"), Map.entry("we", "they"),
            Map.entry("we're", "they're"), Map.entry("we've", "they've"), Map.entry("us", "them"), Map.entry("our", "their"),
            Map.entry("ours", "theirs"), Map.entry("you", "the company"), Map.entry("your", "the company's"),
            Map.entry("you've", "the company has"), Map.entry("you're", "the company is"));
    /** After "I" the verb changes too: "I am" → "they are", "I was" → "they were". */
    private static final Map<String, String> AFTER_I = Map.of("am", "are", "was", "were", "wasn't", "weren't");
    private static final Set<String> STARTERS = Set.of("they", "they're", "they've", "they'd", "they'll", "their",
            "the", "it", "it's", "this", "that", "there", "a", "an", "someone", "somebody", "nobody", "nothing");

    private ReportedSpeech() {}

    /** {@code subject} reports that …, or asks / writes "…" when the sentence cannot be rewritten. */
    static String of(String subject, String sentence, int max) {
        String clean = stripGreeting(sentence.strip().replace('\u2019', '\''));
        if (clean.isEmpty()) {
            clean = sentence.strip();
        }
        boolean question = clean.endsWith("?");
        String body = clean.replaceAll("[\\s.!?…]+$", "");
        if (!question) {
            String swapped = swap(body);
            String first = swapped.split("[\\s,]+", 2)[0].toLowerCase(Locale.ROOT);
            if (STARTERS.contains(first)) {
                return subject + " reports that " + Clip.words(lowerFirst(swapped), max) + ".";
            }
        }
        return subject + (question ? " asks: \u201c" : " writes: \u201c") + Clip.words(body, max) + (question ? "?\u201d" : "\u201d") + ".";
    }

    static String stripGreeting(String text) {
        String previous;
        String current = text;
        do {
            previous = current;
            current = GREETING.matcher(current).replaceFirst("");
        } while (!current.equals(previous) && !current.isEmpty());
        return current;
    }

    private static String swap(String text) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        String previous = "";
        while (m.find()) {
            String word = m.group();
            String lower = word.toLowerCase(Locale.ROOT);
            String replacement = previous.equals("i") && AFTER_I.containsKey(lower) ? AFTER_I.get(lower) : SWAP.get(lower);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement != null ? replacement : word));
            previous = lower;
        }
        m.appendTail(out);
        return out.toString().replace("the company guys", "the company");
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
