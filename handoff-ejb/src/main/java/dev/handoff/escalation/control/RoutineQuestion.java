package dev.handoff.escalation.control;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A routine question the bot can answer: the customer asks for the way to do something
 * themselves ("how do I dispute a transaction?", "how do I report a lost card", "where can I read
 * about your complaints procedure", "what's the process to close my account") and claims nothing
 * went wrong. The topic's words are the subject of the question, not a problem the customer has:
 * on the false alarms of the development parts, "dispute", "lost card" or "complaints" in a how-to
 * question drew topic examples that had those words in a claim.
 *
 * <p>What counts as a claim is stricter here than in {@link Analysis#asksPlainly()}: the question
 * may name what it is about ("a lost card", "the wrong size", "an error message") but not a
 * negation, a repeat, a stranger or a broken promise ("how do I get a refund, it never arrived",
 * "how do I stop someone using my card"). Every further clause must be a question without a claim
 * of its own, or say why the customer asks ("just curious", "for future reference", "in case I
 * need it", "is that normal?").
 */
final class RoutineQuestion {

    /** A greeting before the question: "Hi, how do I…", "quick question - where can I…". */
    private static final Pattern GREETING = Pattern.compile("^(?:(?:hi|hello|hey|hiya|morning|good (?:morning|afternoon|evening)|quick question|question)"
            + "(?: there| team| all)?\\b[\\s,:.-]*)+");
    /** Openers of a question for the way to do something: the customer will act, the bot explains. */
    private static final Pattern HOW_TO = Pattern.compile("^"
            + "(?:(?:pls|please|plz|kindly)\\s+)?(?:(?:can|could) (?:you|u) )?(?:(?:tell|show|explain to) me\\s+)?"
            // a question said as a statement: "I'd like to know how to file a complaint", "I was wondering where I can…"
            + "(?:(?:i'?d like to know|i would like to know|i want to know|i wanna know|i was wondering|i wonder|just wondering|wondering)\\s+)?"
            + "(?:how (?:do|can|could|should|would|will|does|to) (?:i|we|one)\\b|how to\\b|how (?:i|we) (?:can|could|should)\\b"
            + "|where (?:do|can|could|should) (?:i|we)\\b|where (?:i|we) (?:can|could|should)\\b|where (?:is|are|'s) the (?:page|form|option|setting|settings|button|link|section) (?:to|for)\\b"
            + "|what(?:'s|s| is) the (?:procedure|process|best way|way|steps?|policy) (?:to|for|if|when|of|on)\\b"
            + "|what (?:do|should) (?:i|we) (?:need to )?do (?:to|if|when)\\b|is there a (?:way|form|page|option|setting|button|link) to\\b"
            // "please tell me the way to complain", "can you show me the steps to close my account" (ADR 0058)
            + "|(?:tell|show|explain to) me the (?:procedure|process|best way|way|steps?) (?:to|for)\\b)");

    /** Why the customer asks, said after the question: nothing is wrong now. */
    private static final Pattern CURIOUS = Pattern.compile("^(?:just |only )?(?:curious|wondering|asking|checking)\\b.*"
            + "|^(?:(?:i )?(?:just )?(?:want|wanted|need|needed|would like|'d like) to know|for (?:future reference|the future|later|reference))\\b.*"
            + "|^(?:asking )?(?:for (?:future|a friend|my info|info|information))\\b.*|^(?:just )?in case\\b.*"
            + "|^(?:is|was) (?:that|this|it) (?:normal|usual|expected|standard|ok|okay)$|^(?:or )?(?:thanks?|thank you|thx|ty|cheers|pls|please)\\b.*$|^$");

    /**
     * Words that claim something went wrong even as the subject of a how-to question: those of
     * {@link Text#CLAIMS} but for the ones that can name what the question is about (a lost card, a
     * wrong size, an error message, a locked account).
     */
    static final Set<String> STRONG_CLAIMS = strong();

    private static Set<String> strong() {
        Set<String> s = new java.util.HashSet<>(Text.CLAIMS);
        s.removeAll(Set.of("lost", "wrong", "mistake", "error", "broken", "locked", "stuck", "missing", "yet"));
        return Set.copyOf(s);
    }

    private RoutineQuestion() {
    }

    /** Whether {@code text} (social-media handles at its start already removed) is a routine how-to question. */
    static boolean applies(String text) {
        if (text == null || text.indexOf('!') >= 0) {
            return false;
        }
        String t = afterSupposition(afterAside(GREETING.matcher(lower(text)).replaceFirst("")));
        var opener = HOW_TO.matcher(t);
        if (!opener.lookingAt()) {
            return false;
        }
        // the question itself is the first clause; the clauses after it (split at , ; . ? and line breaks) say why or ask on
        String[] clauses = t.split("[,;.?\\n]+");
        if (claims(clauses[0], STRONG_CLAIMS) || Text.tokens(clauses[0]).size() > 20) {
            return false;
        }
        for (int i = 1; i < clauses.length; i++) {
            String clause = clauses[i].strip();
            if (!CURIOUS.matcher(clause).matches() && !(followUp(clause) && !claims(clause, Text.CLAIMS))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The question a message asks after a light aside about the customer ({@link #afterLightAside},
     * with <i>I</i> or <i>my</i> in it: "I work in customer support myself haha"), lower case and
     * without its greeting; the message itself when there is none. What the question names is what
     * a calm question asks about, not the job the aside tells.
     */
    static String afterOwnAside(String text) {
        String t = GREETING.matcher(lower(text)).replaceFirst("");
        String question = afterLightAside(t);
        if (question.equals(t)) {
            return t;
        }
        List<Text.Token> aside = Text.tokens(t.substring(0, t.length() - question.length()));
        return aside.stream().anyMatch(w -> OWN.contains(w.word())) ? question : t;
    }

    private static final Set<String> OWN = Set.of("i", "i'm", "im", "my", "myself");

    /** A first sentence before the question: up to four words, then a full stop, comma or line break. */
    private static final Pattern ASIDE = Pattern.compile("^([^,;.?!\\n]+)[,;.!\\n]+\\s*(?=\\S)");
    private static final Set<String> ASIDE_NEGATIONS = Set.of("not", "no", "never", "nothing", "nobody", "cant", "cannot", "wont", "dont");

    /**
     * The question after a short aside it opens with ("typical monday lol. how do I check my
     * balance", "ugh, where do I change my pin", ADR 0066): up to four words that claim nothing
     * ({@link Text#CLAIMS}), demand nothing, wait for nothing ({@link #NOT_CONTEXT}), negate
     * nothing and tell nothing past ("app crashed. how do I…" stays as it is).
     */
    static String afterAside(String t) {
        var m = ASIDE.matcher(t);
        if (!m.lookingAt()) {
            return t;
        }
        List<Text.Token> words = Text.tokens(m.group(1));
        if (words.isEmpty() || words.size() > 4) {
            return afterLightAside(t);
        }
        if (!claimsNothing(words)) {
            return t;
        }
        String rest = t.substring(m.end());
        return HOW_TO.matcher(rest).lookingAt() ? rest : afterLightAside(t);
    }

    private static boolean claimsNothing(List<Text.Token> words) {
        for (Text.Token token : words) {
            String w = token.word();
            if (Text.CLAIMS.contains(w) || NOT_CONTEXT.contains(w) || ASIDE_NEGATIONS.contains(w) || w.endsWith("n't") || English.past(w)) {
                return false;
            }
        }
        return true;
    }

    /** Where a sentence or clause may start: after . , ; ! ? or a line break. */
    private static final Pattern BREAK = Pattern.compile("[,;.!?\\n]+\\s*(?=\\S)");
    /** A word that turns from an aside to the question: "anyway how do I…". */
    private static final Pattern PIVOT = Pattern.compile("^(?:anyway|anyways|anyhow|so anyway|but anyway|moving on)\\b[\\s,.:-]*");
    /** Laughter that marks what came before as light: "haha", "lol", "lmao", "hehe". */
    private static final Set<String> LAUGHTER = Set.of("haha", "hahaha", "hahah", "ha", "lol", "lmao", "lool", "hehe", "heh", "rofl");

    /** Faults told in words {@link English#past} does not read as past: "it broke", "the app froze", "it died". */
    private static final Set<String> FAULTS = Set.of("broke", "froze", "died", "dead", "down", "crashing", "failing", "stopped");

    /**
     * The how-to question after a longer light aside (ADR 0071): up to twelve words in one to three
     * clauses, marked as light by laughter or by a pivot the question opens with ("haha I'm useless
     * with tech. how do I attach a photo", "I work in customer support myself haha, respect. Anyway
     * how do I change my billing date"), and, as for the short aside, claiming nothing, demanding or
     * waiting for nothing, negating nothing and telling nothing past. "lol my card got stolen again.
     * how do I freeze it" keeps its claim.
     */
    static String afterLightAside(String t) {
        var b = BREAK.matcher(t);
        int breaks = 0;
        while (b.find() && ++breaks <= 3) {
            String rest = t.substring(b.end());
            var pivot = PIVOT.matcher(rest);
            boolean pivoted = pivot.lookingAt();
            String question = pivoted ? rest.substring(pivot.end()) : rest;
            if (!HOW_TO.matcher(question).lookingAt()) {
                continue;
            }
            List<Text.Token> words = Text.tokens(t.substring(0, b.start()));
            boolean light = pivoted || words.stream().anyMatch(w -> LAUGHTER.contains(w.word()));
            return light && !words.isEmpty() && words.size() <= 12 && claimsNothing(words)
                    && words.stream().noneMatch(w -> FAULTS.contains(w.word())) ? question : t;
        }
        return t;
    }

    /** A supposition the question opens with: "if the airline cancels my flight, how do I claim…". */
    private static final Pattern SUPPOSITION = Pattern.compile("^(?:if|in case) ([^,;.?!\\n]+)[,;]\\s*(?=\\S)");

    /**
     * The question after the supposition it opens with ("if the airline cancels my flight, how do I
     * claim the refund" → "how do I claim the refund", fifteenth round, ADR 0058), when the
     * supposition is in the present and negates nothing ({@link Hypothetical#PAST}): "if I was
     * charged twice, how do I…" and "if you don't fix this, how do I…" stay as they are; "in case
     * my card is lost abroad, how do I freeze it" supposes the loss.
     */
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "nothing", "dont", "doesnt", "didnt", "wont", "cant", "cannot");

    static String afterSupposition(String t) {
        var m = SUPPOSITION.matcher(t);
        if (!m.lookingAt()) {
            return t;
        }
        for (Text.Token token : Text.tokens(m.group(1))) {
            if (Hypothetical.PAST.contains(token.word()) || NEGATIONS.contains(token.word()) || token.word().endsWith("n't")) {
                return t;
            }
        }
        return t.substring(m.end());
    }

    /** Words that make a clause after a how-to question more than context: a demand, money taken, waiting, an angry word. */
    private static final Set<String> NOT_CONTEXT = Set.of("want", "wanted", "wanna", "need", "refund", "refunded", "reverse", "dispute",
            "complain", "complaint", "promised", "charged", "overcharged", "billed", "took", "taken", "debited", "deducted", "cancelled",
            "canceled", "failed", "tried", "days", "weeks", "months", "hours", "ages", "forever", "since", "urgent", "asap", "now",
            "please", "pls", "plz", "help", "fraud", "hacked", "scam", "scammed", "human", "person", "agent", "someone", "somebody");

    /**
     * A how-to question followed by neutral context ("how do I get my refund, the return was
     * accepted yesterday", "where can I change my address, I moved last month"): the question opens
     * the message and claims nothing, every further clause is a short statement with no claim word
     * ({@link Text#CLAIMS}), no demand, no money taken and no waiting, or one of the follow-ups
     * {@link #applies} takes. The caller also wants nothing negative said.
     */
    static boolean withContext(String text) {
        if (text == null || text.indexOf('!') >= 0 || applies(text)) {
            return false;
        }
        String t = afterSupposition(afterAside(GREETING.matcher(lower(text)).replaceFirst("")));
        if (!HOW_TO.matcher(t).lookingAt()) {
            return false;
        }
        String[] clauses = t.split("[,;.?\\n]+");
        if (clauses.length < 2 || claims(clauses[0], STRONG_CLAIMS) || Text.tokens(clauses[0]).size() > 20) {
            return false;
        }
        for (int i = 1; i < clauses.length; i++) {
            String clause = clauses[i].strip();
            if (CURIOUS.matcher(clause).matches() || followUp(clause) && !claims(clause, Text.CLAIMS)) {
                continue;
            }
            List<Text.Token> words = Text.tokens(clause);
            if (words.size() > 12 || words.stream().anyMatch(w -> Text.CLAIMS.contains(w.word()) || NOT_CONTEXT.contains(w.word()))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the customer may set something themselves: "can I make it longer", "can we turn that off". */
    private static final Pattern CAN_I_SET = Pattern.compile("^(?:can|could|do|may) (?:i|we) (?:make|set|change|turn|switch|adjust|extend|increase"
            + "|reduce|shorten|lengthen|add|remove|disable|enable|keep|hide|move)\\b");

    /** Verbs of a question that asks for a repair, not for the way to do something: "how do I fix this". */
    private static final Pattern REPAIR = Pattern.compile("\\b(?:fix|fixed|repair|solve|resolve|recover|sort|get (?:it |this |my \\w+ )?back|get rid|undo|stop (?:it|this) from)\\b");

    /**
     * A message that ends with a question for the way to do something oneself after telling what
     * it is about ("ugh app keeps logging me out every time i switch apps, is there a setting to
     * stay logged in", "dark mode keeps resetting. where do I set it permanently", ADR 0066): the
     * last clause opens like {@link #HOW_TO} and asks for no repair ({@link #REPAIR}); the clauses
     * before it tell nothing past (unless said to repeat: "it logged me out again", ADR 0070), claim nothing but a repeat ({@link Text#CLAIMS}: "keeps" may be
     * what the setting is for, "don't recognise", "missing", "someone" are not), find nothing
     * strange ({@link #SUSPICION}), and name no demand, no money taken, no waiting, no attempt, no
     * person and no call for help ({@link #NOT_CONTEXT}). Every development part labels such a
     * message routine: the customer asks where the setting is, not for someone to fix it.
     */
    static boolean endsAskingTheWay(String text) {
        if (text == null || text.indexOf('!') >= 0) {
            return false;
        }
        String[] clauses = lower(text).strip().split("[,;.?\\n]+");
        if (clauses.length < 2) {
            return false;
        }
        String last = clauses[clauses.length - 1].strip();
        // "to keep it on" is the state wanted, not a repeat claimed
        if (!(HOW_TO.matcher(last).lookingAt() || CAN_I_SET.matcher(last).lookingAt()) || REPAIR.matcher(last).find()
                || claims(last.replaceAll("\\bto keep\\b", "to have"), STRONG_CLAIMS)) {
            return false;
        }
        for (int i = 0; i < clauses.length - 1; i++) {
            List<Text.Token> tokens = Text.tokens(clauses[i]);
            // "logged me out again": a fault told in the past and said to repeat, as "keeps logging me out" (ADR 0070)
            boolean repeated = tokens.stream().anyMatch(t -> t.word().equals("again"));
            for (Text.Token token : tokens) {
                String w = token.word();
                if (NOT_CONTEXT.contains(w) || English.past(w) && !repeated || Hypothetical.PAST.contains(w) || SUSPICION.contains(w)
                        || Text.CLAIMS.contains(w) && !REPEATS.contains(w)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A fault that repeats may be what a setting is asked for ("keeps logging me out"); other claims are not. */
    private static final Set<String> REPEATS = Set.of("keeps", "keep", "again");
    /** Words that report something strange on the account: "a strange login", "an unknown device". */
    private static final Set<String> SUSPICION = Set.of("strange", "suspicious", "unknown", "unusual", "unfamiliar", "unrecognised",
            "unrecognized", "odd", "weird", "random", "foreign");

    /**
     * Whether every clause after the first of {@code text} only says why the customer asks ("why
     * do I see two holds on my card? is that normal", "…, just curious"): a plain question stays
     * plain with it.
     */
    static boolean onlyCuriousAfterFirst(String text) {
        String[] clauses = lower(text).split("[,;.?!\\n]+");
        for (int i = 1; i < clauses.length; i++) {
            if (!CURIOUS.matcher(clauses[i].strip()).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The subject of a question for the way to complain or report: "how do I complain about a rude driver". */
    private static final Pattern COMPLAINING = Pattern.compile("\\b(?:complain\\w*|complaints?|report|feedback|review|ombudsman)\\b");

    /**
     * A routine question for the way to complain, report or give feedback ({@link #applies}: "how
     * do I leave a complaint about a delivery driver who was rude, where's the form", "please tell
     * me the way to complain for bad service in restaurant of hotel", fifteenth round, ADR 0058):
     * the words of what went wrong are what the complaint will say, not the customer's mood towards
     * this chat. Not when written in capitals.
     */
    static boolean howToComplain(String text) {
        return applies(text) && COMPLAINING.matcher(lower(text).split("[,;.?\\n]+")[0]).find() && !shouting(text);
    }

    /** A payment or an attempt that did not happen: declined, refused, returned, failed, not accepted, did not go through. */
    private static final Pattern NON_EVENT = Pattern.compile("\\b(?:declin\\w*|refused|rejected|bounced|returned|reverted|failed|fails?"
            + "|(?:not|n't|nt) (?:be(?:ing)? )?(?:accepted|going through|go(?:ne)? through|went through|approved)"
            + "|(?:didn't|didnt|did not|won't|wont|doesn't|doesnt|isn't|isnt) go(?:ing)? (?:through|thru))\\b");
    /** Money moved after all, or a repeat: "declined but I was charged", "failed again", "keeps failing", "tried four shops". */
    private static final Pattern MOVED = Pattern.compile("\\b(?:charged|charge|billed|debited|deducted|took|taken|withdrawn|gone|left my|lost|"
            + "still|again|keeps?|every|each|always|times|twice|tried|trying|days|weeks|refund\\w*|money back|stolen|fraud\\w*|didn't try|didnt try|"
            + "wasn't me|not me)\\b");
    /** Asking why, what now or what follows: "why would that happen", "will I lose my playlists?", "what can I do". */
    private static final Pattern ASKS = Pattern.compile("\\?|^(?:why|what|how|will|can|should|does|do|is)\\b|\\bwhy\\b"
            + "|\\bwhat (?:can|should|do) (?:i|we) do\\b|\\bwhat (?:now|happens)\\b|\\bwill (?:i|we)\\b");

    /**
     * A question about a payment or an attempt that did not happen ("why was my transfer
     * declined?", "my payment to a friend was returned, why would that happen?", "my payment didn't
     * go through, will I lose my playlists?"): nothing was taken and nothing repeats, so the bot
     * explains; "declined but the money left my account", "keeps failing, tried four times" are
     * claims.
     */
    static boolean aboutNonEvent(String text) {
        if (text == null || text.indexOf('!') >= 0) {
            return false;
        }
        String t = lower(text);
        String rest = t.replace("try again", "try");
        return NON_EVENT.matcher(t).find() && ASKS.matcher(t).find() && !MOVED.matcher(rest).find() && Text.tokens(t).size() <= 24;
    }

    /** Something not there yet: pending, on its way, not arrived, still waiting for it. */
    private static final Pattern NOT_YET = anyOf("pending", "processing", "in transit", "on (?:its|the) way",
            "not (?:yet )?(?:arrived|received|come|shown|showing|updated|shipped|delivered|credited|cleared)",
            "(?:has|have|did|is|are)(?:n't|nt| not) (?:yet )?(?:arrived|received|come|came|shown|showing|show|appeared|updated|shipped|got(?:ten)?"
                    + "|reached|cleared|been (?:delivered|shipped|sent|credited|updated))",
            "still (?:waiting|pending|processing|not|hasn't|hasnt|haven't|havent|isn't|isnt|shows?|showing|says?|saying|on)",
            "waiting (?:for|on)", "yet to (?:arrive|receive|get|come)", "not here yet", "no sign of");
    /** Asking whether that is normal or how long it takes: "is that normal?", "how long does it take?", "when will it arrive?". */
    private static final Pattern HOW_LONG = anyOf("(?:is|was) (?:that|this|it) (?:normal|usual|expected|standard|ok|okay)",
            "how long (?:does|do|will|should|would|is|are|can|usually|normally)", "how many (?:days|hours|working days|business days)",
            "when (?:will|should|can|do|does|would) (?:i|it|they|we|my|the)", "should i (?:wait|worry|be worried)", "how much longer",
            "what(?:'s| is) the usual", "how long(?=\\?)", "normal(?=\\?)");
    /** Money taken, a repeat, a stranger, a loss, a broken promise or an angry word: more than waiting. */
    private static final Pattern MORE_THAN_WAITING = anyOf("charged", "charge", "billed", "debited", "deducted", "took", "taken", "withdrawn",
            "gone", "twice", "double", "again", "keeps?", "times", "tried", "trying", "months", "stolen", "fraud\\w*", "scam\\w*", "hack\\w*",
            "someone", "somebody", "lost", "missing", "wrong", "never", "promised", "supposed", "ridiculous", "unacceptable", "joke",
            "useless", "angry", "annoyed", "fed up", "sick of", "tired of", "still no", "nobody", "no one", "complain\\w*", "refund\\w*",
            "money back", "urgent\\w*", "asap", "already (?:called|contacted|emailed|asked|wrote|chatted)");

    /** One of the alternatives as whole words. */
    private static Pattern anyOf(String... alternatives) {
        return Pattern.compile("\\b(?:" + String.join("|", alternatives) + ")\\b");
    }

    /**
     * A question about something that has not come yet, asking whether that is normal or how long
     * it takes ("my card hasn't arrived yet, how long does delivery take?", "card payment still
     * pending after 2 days, is that normal?", "my transfer is showing as pending, when will it
     * arrive?"): waiting is the subject of the question, not a complaint, as long as nothing was
     * taken, nothing repeats, nothing is lost and no angry word is said.
     */
    static boolean aboutWaiting(String text) {
        if (text == null || text.indexOf('!') >= 0 || text.length() > 200) {
            return false;
        }
        String t = lower(text);
        return NOT_YET.matcher(t).find() && HOW_LONG.matcher(t).find() && !MORE_THAN_WAITING.matcher(t).find()
                && !shouting(text);
    }

    private static boolean shouting(String text) {
        long upper = text.chars().filter(Character::isUpperCase).count();
        long letters = text.chars().filter(Character::isLetter).count();
        return letters >= 8 && upper * 2 > letters;
    }

    /** Question words as customers type them: "hw do i…", "wen will it come thru". */
    private static final Pattern TEXT_SPEAK = Pattern.compile("\\b(?:hw|wen|whn|wat|wht|thru)\\b");

    /** Lower case, straight quotes and the question words of {@link #TEXT_SPEAK} spelt out. */
    static String lower(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        var m = TEXT_SPEAK.matcher(t);
        if (!m.find()) {
            return t;
        }
        StringBuilder b = new StringBuilder();
        m.reset();
        while (m.find()) {
            m.appendReplacement(b, switch (m.group()) {
                case "hw" -> "how";
                case "wen", "whn" -> "when";
                case "wat", "wht" -> "what";
                default -> "through";
            });
        }
        return m.appendTail(b).toString();
    }

    private static final Pattern WHERE_IS = Pattern.compile("^where'?s\\b");

    /** A further question that asks on ("…? do you charge for it", "…, and how long does it take"). */
    private static boolean followUp(String clause) {
        String c = clause.startsWith("and ") ? clause.substring(4) : clause.startsWith("or ") ? clause.substring(3) : clause;
        c = WHERE_IS.matcher(c).replaceFirst("where is"); // "…, where's the form"
        return HOW_TO.matcher(c).lookingAt() || Text.infoQuestion(c, Text.tokens(c));
    }

    private static boolean claims(String clause, Set<String> claims) {
        return Text.tokens(clause).stream().anyMatch(token -> claims.contains(token.word()));
    }
}
