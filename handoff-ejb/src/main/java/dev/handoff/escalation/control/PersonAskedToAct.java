package dev.handoff.escalation.control;

import static dev.handoff.escalation.control.PhraseLexicon.PERSON;
import static dev.handoff.escalation.control.PhraseLexicon.REAL;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A person of the company asked, in a question of one's own, to do something for the customer:
 * "can one of your travel consultants rebook me?", "Can a person please sort this out with me?",
 * "is a real person able to check my passport renewal", "anyone at CS who can help me with my
 * bill?" (seventeenth round, ADR 0062). The shipped phrases name the ways of reaching a person
 * ("talk to", "call me"); these name what the person should do, and the message's vector, read as a
 * whole, is diluted when the question ends a long story. Read per clause, like the phrases:
 *
 * <ul>
 *   <li>the clause opens (give or take attention words) with <i>can / could / would / will / may</i>
 *       and a person ("someone", "a real person", "one of your agents", "a claims handler"), or with
 *       <i>is / are</i>, a person and <i>able to</i>; or a pronoun person is followed, at most four
 *       words later ("at CS", "from billing"), by <i>who / that can</i>;
 *   <li>then, give or take <i>please</i>, <i>just</i>, <i>be able to</i>, a verb of seeing to a
 *       customer's matter ({@link #ACTS}: help, sort, check, look, rebook, call…);
 *   <li>and in that clause the customer (<i>me, my, us, our</i>) or the matter (<i>this, it</i>).
 * </ul>
 *
 * The customer's own people ("can my adviser…"), people in the plural without "one of" ("can
 * staff see my card details") and a person counted or added ("can a second person help manage my
 * shop", a user of the product) are not asked; "what does a claims handler do" has no opener. The
 * rule only proposes: the checks of {@link NotARequest} still undo a calm question about a role.
 */
final class PersonAskedToAct {

    private PersonAskedToAct() {}

    static final Set<String> MODALS = PhraseLexicon.keys("can", "could", "would", "will", "may");
    static final Set<String> BE = PhraseLexicon.keys("is", "are");
    /** Verbs of seeing to a customer's matter. */
    static final Set<String> ACTS = PhraseLexicon.keys("help", "assist", "sort", "fix", "check", "look", "review", "handle", "deal",
            "rebook", "call", "ring", "phone", "contact", "explain", "advise", "resolve", "walk", "go", "talk", "speak", "chat",
            "investigate", "assess", "guide", "support", "take");
    static final Set<String> CUSTOMER = PhraseLexicon.keys("me", "my", "us", "our", "this", "it");
    private static final Set<String> OPENING = PhraseLexicon.keys("hi", "hello", "hey", "so", "ok", "okay", "please", "and", "but",
            "then", "now", "sorry", "excuse");
    private static final Set<String> SKIPPED = PhraseLexicon.keys("please", "just", "kindly", "maybe", "possibly", "actually", "quickly",
            "now", "today", "urgently", "personally");
    /**
     * A person counted or added is a user of the product: "can a second person help manage my shop";
     * "another agent" and "a different agent" are asked for.
     */
    private static final Set<String> OTHER = PhraseLexicon.keys("second", "third", "extra", "additional");
    private static final Set<String> RELATIVE = PhraseLexicon.keys("who", "that");
    private static final Set<String> ATTACHING = PhraseLexicon.keys("at", "from", "in", "on");
    private static final Set<String> OF_ONE = PhraseLexicon.keys("one", "any");
    private static final String OF = English.key("of");
    private static final String PLEASE = English.key("please");
    /** Words that begin the matter after "role please", not an instruction to the role. */
    static final Set<String> MATTER = PhraseLexicon.keys("my", "i", "i'm", "im", "i've", "ive", "our", "we", "we're", "the", "this",
            "it's", "its", "question", "quick", "about", "re", "regarding", "with", "need", "help");
    private static final String BE_KEY = English.key("be");
    private static final String ABLE = English.key("able");
    private static final String TO = English.key("to");
    private static final int MAX_BEFORE = 2;
    private static final int MAX_ATTACHED = 4;
    private static final int OBJECT_REACH = 6;

    /** The words of the request as written, or empty. */
    static Optional<String> find(List<Text.Token> tokens, PhraseLexicon.Reading r) {
        Optional<String> opening = roleOpens(tokens, r);
        if (opening.isPresent()) {
            return opening;
        }
        for (int i = 0; i < r.n; i++) {
            if (!PERSON.equals(r.concept[i]) || r.owned[i]) {
                continue;
            }
            int description = start(r, i);
            int from = description > 0 && r.clause[description - 1] == r.clause[i] ? description - 1 : -1;
            boolean oneOf = OF_ONE.contains(r.key[description]); // "one of your travel consultants", "any of your advisers"
            if (r.plural[i] && !oneOf && !r.pronoun[i]) {
                continue;
            }
            int verb = -1;
            if (from >= 0 && opens(r, from) && MODALS.contains(r.key[from])) {
                verb = verbAfter(r, r.end[i] + 1, false);
            } else if (from >= 0 && opens(r, from) && BE.contains(r.key[from])) {
                verb = verbAfter(r, r.end[i] + 1, true);
            } else if (r.pronoun[i]) {
                verb = relative(r, r.end[i] + 1);
            }
            if (verb >= 0 && customerNamed(r, verb)) {
                StringBuilder seen = new StringBuilder();
                for (int k = from >= 0 ? from : description; k <= verb; k++) {
                    seen.append(seen.length() > 0 ? " " : "").append(tokens.get(k).word());
                }
                return Optional.of(seen.toString());
            }
        }
        return Optional.empty();
    }

    /**
     * A role and <i>please</i> open the message and the matter follows without a stop: "nurse pls my
     * son has a rash", "claims handler please the assessor never came". The role words of
     * {@link PhraseLexicon#ROLES}, as for a role with please alone; what follows <i>please</i> must
     * begin the matter ({@link #MATTER}: the customer, a determiner, "question", "about"), not an
     * instruction to the role ("engineer please note the gate code").
     */
    private static Optional<String> roleOpens(List<Text.Token> tokens, PhraseLexicon.Reading r) {
        int i = 0;
        while (i < r.n && r.clause[i] == 0 && (OPENING.contains(r.key[i]) || r.filler[i])) {
            i++;
        }
        int described = 0;
        while (i < r.n && r.clause[i] == 0 && r.concept[i] == null && r.describes[i] && described < MAX_BEFORE) {
            i++;
            described++;
        }
        if (i >= r.n || r.clause[i] != 0 || !PERSON.equals(r.concept[i]) || !r.politely[i] || r.owned[i]) {
            return Optional.empty();
        }
        int please = r.end[i] + 1;
        if (please + 1 >= r.n || !r.key[please].equals(PLEASE) || r.clause[please + 1] != 0 || !MATTER.contains(r.key[please + 1])) {
            return Optional.empty();
        }
        return Optional.of(tokens.get(i).word() + " " + tokens.get(please).word());
    }

    /**
     * Where the person's description starts: filler, real words, up to {@value #MAX_BEFORE}
     * describing words and "one of (your)" before the person at {@code i}.
     */
    private static int start(PhraseLexicon.Reading r, int i) {
        int p = i - 1;
        int described = 0;
        while (p >= 0 && r.clause[p] == r.clause[i]) {
            if (r.filler[p] || REAL.equals(r.concept[p])) {
                p--;
            } else if (r.key[p].equals(OF) && p > 0 && OF_ONE.contains(r.key[p - 1])) {
                p -= 2;
            } else if (r.describes[p] && described < MAX_BEFORE && !MODALS.contains(r.key[p]) && !BE.contains(r.key[p])
                    && !OTHER.contains(r.key[p])) {
                described++;
                p--;
            } else {
                break;
            }
        }
        return p + 1;
    }

    /** Whether only attention words come before token {@code at} in its clause. */
    private static boolean opens(PhraseLexicon.Reading r, int at) {
        for (int k = at - 1; k >= 0 && r.clause[k] == r.clause[at]; k--) {
            if (!OPENING.contains(r.key[k])) {
                return false;
            }
        }
        return true;
    }

    /** The verb of seeing to something at {@code at}, give or take politeness and "(be) able to"; -1 when none. */
    private static int verbAfter(PhraseLexicon.Reading r, int at, boolean ableNeeded) {
        int k = at;
        while (k < r.n && r.clause[k] == r.clause[at] && SKIPPED.contains(r.key[k])) {
            k++;
        }
        if (k < r.n && r.key[k].equals(BE_KEY) && !ableNeeded) {
            k++;
            ableNeeded = true;
        }
        if (ableNeeded) {
            if (k + 1 >= r.n || !r.key[k].equals(ABLE) || !r.key[k + 1].equals(TO)) {
                return -1;
            }
            k += 2;
        }
        return k < r.n && r.clause[k] == r.clause[at] && ACTS.contains(r.key[k]) ? k : -1;
    }

    /** "anyone at CS who can help me": up to {@value #MAX_ATTACHED} words of a place or group, then who / that can and a verb. */
    private static int relative(PhraseLexicon.Reading r, int at) {
        int k = at;
        if (k < r.n && ATTACHING.contains(r.key[k])) {
            int limit = Math.min(r.n, at + MAX_ATTACHED + 1);
            while (k < limit && r.clause[k] == r.clause[at] && !RELATIVE.contains(r.key[k])) {
                k++;
            }
        }
        if (k + 1 >= r.n || r.clause[k] != r.clause[at] || !RELATIVE.contains(r.key[k]) || !MODALS.contains(r.key[k + 1])) {
            return -1;
        }
        return verbAfter(r, k + 2, false);
    }

    /** The customer or their matter within {@value #OBJECT_REACH} words after the verb, in its clause. */
    private static boolean customerNamed(PhraseLexicon.Reading r, int verb) {
        for (int k = verb + 1; k < r.n && k <= verb + OBJECT_REACH && r.clause[k] == r.clause[verb]; k++) {
            if (CUSTOMER.contains(r.key[k])) {
                return true;
            }
        }
        return false;
    }
}
