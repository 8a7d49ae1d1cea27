package dev.handoff.escalation.control;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one way triggers read text: lower case, accents folded, curly quotes straightened, split into
 * word tokens. Each token remembers its clause (split at . , ; ! ? and a dash between spaces) so negation never crosses
 * "I don't want a bot, I want a human".
 */
public final class Text {

    private Text() {}

    /** A word and the clause it belongs to; {@code caps} is true when it was written in capitals. */
    public record Token(String word, int clause, boolean caps) {}

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return folded.replace('\u2019', '\'').replace('\u2018', '\'').toLowerCase(Locale.ROOT);
    }

    public static List<Token> tokens(String raw) {
        List<Token> tokens = new ArrayList<>();
        if (raw == null) {
            return tokens;
        }
        String text = ascii(raw) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .replace('\u2019', '\'').replace('\u2018', '\'');
        int clause = 0;
        StringBuilder word = new StringBuilder();
        boolean upper = true;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean partOfWord = Character.isLetterOrDigit(c) || c == '*'
                    || (c == '\'' && word.length() > 0 && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1)));
            if (partOfWord) {
                word.append(c);
                if (Character.isLetter(c) && !Character.isUpperCase(c)) {
                    upper = false;
                }
                continue;
            }
            if (word.length() > 0) {
                String w = word.toString();
                boolean caps = upper && w.length() >= 2 && w.chars().anyMatch(Character::isLetter);
                tokens.add(new Token(w.toLowerCase(Locale.ROOT), clause, caps));
                word.setLength(0);
            }
            upper = true;
            if (c == '.' || c == ',' || c == ';' || c == '!' || c == '?' || c == '\n' || dash(text, i)) {
                clause++;
            }
        }
        return tokens;
    }

    /**
     * A dash that parts two thoughts, as a comma or full stop would: an en or em dash, or a hyphen
     * with a space on each side ("optician pls - question on my new lens"); not the hyphen of a
     * word ("e-mail", "follow-up") or a number ("2-3 days").
     */
    private static boolean dash(String text, int i) {
        char c = i < text.length() ? text.charAt(i) : ' ';
        if (c == '\u2013' || c == '\u2014') {
            return true;
        }
        return c == '-' && i > 0 && i + 1 < text.length() && Character.isWhitespace(text.charAt(i - 1))
                && Character.isWhitespace(text.charAt(i + 1));
    }

    /** Plain ASCII needs no folding: the common case skips the Unicode normaliser. */
    private static boolean ascii(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    public static String[] words(String raw) {
        return tokens(raw).stream().map(Token::word).toArray(String[]::new);
    }

    public static long count(String raw, char c) {
        return raw == null ? 0 : raw.chars().filter(x -> x == c).count();
    }

    private static final java.util.Set<String> INFO_OPENERS = java.util.Set.of("how", "what", "whats", "what's", "which", "where", "does",
            "do", "is", "are", "can", "could", "will", "would", "should", "when", "if", "hw", "wen", "whn", "wat", "wht");

    /** The customer speaking of themselves ("I", "my", "we"…): a message with none of them asks in general. */
    static final java.util.Set<String> FIRST_PERSON = java.util.Set.of("i", "i'm", "im", "i've", "ive", "i'd", "me", "my",
            "mine", "we", "we're", "our", "us");

    /**
     * Words that claim something went wrong: a negation ("didn't arrive", "not mine"), a repeat
     * ("twice", "again", "still"), a stranger or a loss ("someone", "stolen", "missing"), a broken
     * promise ("supposed to", "already"). A question with none of them asks how things work.
     */
    static final java.util.Set<String> CLAIMS = dev.handoff.escalation.semantic.Cues.CLAIMS;

    /** Asking the company to act ("can you…", "could u…", "will you…"): a request, never a plain question. */
    static boolean asksToAct(List<Text.Token> tokens) {
        if (tokens.size() < 2) {
            return false;
        }
        String first = tokens.get(0).word();
        String second = tokens.get(1).word();
        return (first.equals("can") || first.equals("could") || first.equals("will") || first.equals("would"))
                && (second.equals("you") || second.equals("u") || second.equals("someone") || second.equals("somebody")
                || second.equals("anyone") || second.equals("anybody") || second.equals("ya"));
    }

    /**
     * Words of speech that carry no meaning before a message's first word, as a voice transcript
     * writes them ("yeah so um how do I…", "uh hi I need…", "ok so basically…"), with any
     * punctuation after them.
     */
    private static final java.util.regex.Pattern FILLERS = java.util.regex.Pattern.compile(
            "(?i)^\\s*(?:(?:yeah|yea|yep|yes|um+|uh+|umm+|erm+|er|ah|hmm+|mm+|so|ok|okay|okk?|well|like|oh|right|basically|alright)\\b[\\s,.:-]*)+(?=\\S)");

    /** {@code text} without the fillers of speech before its first word ({@link #FILLERS}). */
    static String withoutFillers(String text) {
        return FILLERS.matcher(text).replaceFirst("");
    }

    /**
     * A calm aside a message ends with, after a comma, full stop or question mark: "not urgent", "no
     * rush", "no hurry", "whenever you can", "thanks": it says the customer can wait, and a question
     * is read without it.
     */
    private static final java.util.regex.Pattern CALM_TAIL = java.util.regex.Pattern.compile(
            "(?i)(?<=[,.?;])\\s*(?:(?:it'?s |its )?(?:not urgent|no rush|no hurry|no urgency|whenever you (?:can|get a chance)"
                    + "|when you get a chance|no worries)[\\s,.!]*(?:(?:thanks?|thank you|thx|ty|cheers)[\\s.!]*)?)$");

    /** {@code text} without the calm aside it ends with ({@link #CALM_TAIL}). */
    static String withoutCalmTail(String text) {
        return CALM_TAIL.matcher(text).replaceFirst("");
    }

    /**
     * A trouble denied now, or the reason for asking told, in so many words: "nothing's happened
     * yet", "no claim right now", "not blocking me", "just saw it once", "just saving it for the
     * future", "writing it on a card for my wallet", "for next time", "just curious" (ADR 0071).
     */
    static final String NOTHING_NOW = "(?:nothing(?:'s| has| have)? (?:happened|gone wrong)(?: yet| so far)?"
            + "|no (?:claim|problem|issue|complaint|emergency|dispute|fraud)s? (?:right now|at the moment|yet|currently|for now)"
            + "|(?:it's |its |it is )?not (?:blocking|affecting|stopping|bothering) (?:me|us|anything|anyone)(?: (?:right now|at the moment|yet))?"
            + "|(?:i )?(?:just |only )?(?:saw|seen|noticed|spotted) (?:it|this|that) (?:once|twice|earlier|today)(?: [a-z ]{1,30})?"
            + "|(?:i'm |im |i am )?(?:just |only )?(?:saving|writing|noting|jotting|keeping|putting) (?:it|this|that|them|the number|the details)"
            + "(?: down)?(?: (?:for|on|in|somewhere)(?: [a-z ]{1,30})?)?"
            + "|(?:just )?for (?:next time|future reference|the future|later|my records)|(?:just |only )?(?:curious|wondering)"
            + "|no (?:reply|response|answer|need to (?:reply|respond|answer|get back)) (?:needed|necessary|required)|no need to (?:reply|respond|answer|get back(?: to me)?)"
            + "|(?:just )?asking for (?:a friend|my (?:son|daughter|mum|mom|dad|kid|kids|partner|husband|wife)),?(?: nothing(?:'s| has)? happened(?: yet)?)?)";

    /** A calm question for information: opens with how, what, does, can… (not why), no exclamation mark. */
    static boolean infoQuestion(String raw, List<Text.Token> tokens) {
        return !tokens.isEmpty() && INFO_OPENERS.contains(tokens.get(0).word()) && raw.indexOf('!') < 0
                && !(tokens.size() > 1 && tokens.get(1).word().equals("many")) && !tokens.get(0).caps();
    }
}
