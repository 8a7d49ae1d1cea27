package dev.handoff.escalation.control;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a question supposes rather than says happened: an "if …" or "in case …" clause in the
 * present ("can I get my money back if I'm not happy with the course", "who do I contact if I have
 * a question about my pension", "what happens if my card is lost abroad"), and a clause that says
 * the customer is only asking ("just want to know the options", "for future reference"). Words of
 * trouble inside a supposition name no trouble the customer has; a supposition in the past ("if I
 * was charged twice", "if you already took it") is read as a claim, as before.
 */
final class Hypothetical {

    /** Who or what an "if" supposes about: the customer, the company, a thing. */
    private static final Set<String> SUBJECTS = Set.of("i", "i'm", "im", "i've", "ive", "we", "we're", "my", "our", "there", "it", "it's",
            "its", "the", "something", "anything", "a", "an", "you", "u", "your", "ur", "this", "that", "someone", "somebody", "one");
    /** "if you can", "if possible", "if that's ok": politeness, not a supposition. */
    private static final Pattern POLITE = Pattern.compile("^(?:possible|poss|so|not|any|ever|needed|necessary|required|that's|thats|that is|ok|okay"
            + "|(?:you|u|ya) (?:can|could|may|would|will|dont|don't|do not|please|pls|mind|have time)|(?:i|we) (?:can|could|may|might))\\b.*");
    /** What makes a supposition a story: it happened, or something was taken. */
    static final Set<String> PAST = Set.of("was", "were", "had", "did", "didn't", "didnt", "already", "been", "charged", "billed",
            "debited", "deducted", "took", "taken", "happened", "went", "got", "received", "sent", "paid", "ordered", "tried", "called");
    /** A clause that only says why the customer asks. */
    private static final Pattern ONLY_ASKING = Pattern.compile("^(?:and |but )?(?:i )?(?:just |only )?(?:(?:want|wanted|need|needed|would like|'d like|wanna) to (?:know|check|understand)"
            + "|curious|wondering|asking|checking|for (?:future reference|the future|later|reference|my (?:info|information))|in case|no rush|not urgent"
            + "|(?:asking )?for a friend)\\b.*");

    /**
     * Words after which "if" asks whether rather than supposes: "I'm not sure if we should still
     * come in", "let me know if", "check if" (ADR 0066).
     */
    private static final Set<String> KNOWING = Set.of("sure", "unsure", "know", "knows", "wonder", "wondering", "wondered", "ask",
            "asking", "check", "checking", "see", "tell", "idea", "clue", "doubt", "confirm", "whether");

    private Hypothetical() {
    }

    /**
     * Which tokens lie in a supposition: from "if" (or "in case") followed by a subject to the end
     * of its clause, when that stretch names nothing past; and every token of a clause that only
     * says why the customer asks.
     */
    static boolean[] supposed(List<Text.Token> tokens) {
        boolean[] mask = new boolean[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            String w = tokens.get(i).word();
            int start = -1;
            if (w.equals("if") && i + 1 < tokens.size() && SUBJECTS.contains(tokens.get(i + 1).word()) && !polite(tokens, i + 1)
                    && !(i > 0 && KNOWING.contains(tokens.get(i - 1).word()))) {
                start = i;
            } else if ((w.equals("in") && i + 2 < tokens.size() && tokens.get(i + 1).word().equals("case") || w.equals("incase"))
                    && i + 1 < tokens.size()) {
                start = i;
            }
            if (start < 0) {
                continue;
            }
            int clause = tokens.get(i).clause();
            int end = i;
            boolean past = false;
            while (end < tokens.size() && tokens.get(end).clause() == clause) {
                past |= PAST.contains(tokens.get(end).word());
                end++;
            }
            if (!past) {
                for (int k = start; k < end; k++) {
                    mask[k] = true;
                }
            }
            i = end - 1;
        }
        int clause = -1;
        StringBuilder text = new StringBuilder();
        int from = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            if (i == tokens.size() || tokens.get(i).clause() != clause) {
                if (clause >= 0 && from > 0 && ONLY_ASKING.matcher(text.toString()).matches()) {
                    for (int k = from; k < i; k++) {
                        mask[k] = true;
                    }
                }
                if (i == tokens.size()) {
                    break;
                }
                clause = tokens.get(i).clause();
                text.setLength(0);
                from = i;
            }
            text.append(text.length() == 0 ? "" : " ").append(tokens.get(i).word());
        }
        return mask;
    }

    /** Whether any token lies in a supposition. */
    static boolean any(boolean[] mask) {
        for (boolean b : mask) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    private static boolean polite(List<Text.Token> tokens, int from) {
        StringBuilder b = new StringBuilder();
        for (int k = from; k < Math.min(tokens.size(), from + 4); k++) {
            b.append(k == from ? "" : " ").append(tokens.get(k).word());
        }
        return POLITE.matcher(b.toString()).matches();
    }
}
