package dev.handoff.escalation.control;

import java.util.regex.Pattern;

/**
 * A terse statement (or question) of where something stands, with no claim of harm: a payment
 * pending, processing or not showing yet, declined, bounced or returned, a fee asked about, a card
 * kept by a cash machine, a wallet or contactless not working on a card, a card to pause while it
 * is misplaced, a change to confirm ("refund still not showing", "the ATM kept my card",
 * "contactless not working on my new card", "got charged a fee for the atm withdrawal, why?"). A
 * bank's or shop's bot answers these from the account's state; a person is wanted for a claim of
 * harm (sixteenth round, ADR 0060).
 *
 * <p>What counts as harm: money taken twice when neither is pending, a wrong or extra amount, money
 * gone and not arrived after a stated time, a payment the customer did not make, a stranger, a
 * loss or theft, a demand for a refund or a dispute, a cash machine that kept money, a repeat or
 * an attempt already made, urgency or an angry word. Any of them keeps the message a topic's.
 */
final class StatusStatement {

    /** Longer messages tell a story; a status is said in a few words. */
    private static final int MAX_TOKENS = 20;

    /** Where something stands: not there yet, a card kept, a wallet that does not take the card, a change to confirm. */
    private static final Pattern STATUS = anyOf(
            "pending", "processing", "in transit", "on (?:its|the) way",
            "not (?:yet )?(?:arrived|received|come|shown|showing|updated|credited|cleared|there|(?:in|on) my (?:\\w+ )?(?:balance|account|statement|savings|wallet|app))",
            "(?:has|have|did|is|are)(?:n't|nt| not) (?:yet )?(?:arrived|come|came|shown|showing|show|appeared|updated|cleared|gone through)",
            "still (?:not|waiting|pending|processing|hasn't|hasnt|isn't|isnt)",
            // a cash machine that kept the card, nothing said of the money
            "(?:atm|cash ?machine|cash ?point|machine) (?:kept|swallowed|ate|retained|took|has|didn't return|didnt return) (?:my|the) card",
            // a wallet or contactless that does not take the card
            "(?:contactless|apple pay|google pay|samsung pay|tap to pay|wallet) (?:is |isn't |isnt |does |doesn't |doesnt )?"
                    + "(?:not|n't|nt)? ?(?:working|work|showing|show|accepting|adding|appearing)",
            // a change to confirm
            "(?:confirm\\w*|check\\w*|make sure) (?:that )?(?:the |my )?(?:[\\w']+ ){0,5}(?:went through|has gone through|was (?:done|processed|made|changed|updated))");
    /** A payment or an attempt that did not happen; a status only when money is what it is about ({@link #MONEY}). */
    private static final Pattern NON_EVENT = anyOf("declin\\w*", "refused", "rejected", "bounced", "returned", "reverted", "failed",
            "(?:didn't|didnt|did not|won't|wont|doesn't|doesnt|isn't|isnt) go(?:ing)? (?:through|thru)");
    private static final Pattern MONEY = anyOf("payments?", "paid", "pay", "transfers?", "card", "top ?ups?", "topped up", "purchases?",
            "transactions?", "direct debits?", "standing orders?", "refunds?", "money", "cash", "withdrawals?", "deposits?");
    /** A card to pause or freeze while it is looked for: misplaced, not lost. */
    private static final Pattern PAUSE = anyOf("pause", "freeze", "lock", "block", "suspend");
    private static final Pattern MISPLACED = anyOf("misplaced", "mislaid", "(?:can't|cant|cannot|can not) find", "(?:till|until|while) i (?:find|look)",
            "somewhere (?:at|in) (?:home|the house|my (?:house|flat|car|bag))");
    /** A fee asked about: "why was I charged a fee", "got charged a fee for the atm withdrawal, why?". */
    private static final Pattern FEE = anyOf("fees?");
    private static final Pattern ASKS = Pattern.compile("\\?|\\bwhy\\b|^(?:what|how|is|are|do|does|can|will)\\b");
    /** "charged a fee for…" names the fee, not money taken. */
    private static final Pattern FEE_CHARGED = Pattern.compile("\\bcharged (?:a|an|the|this|that|me a|me an) (?:[\\w']+ ){0,2}fee\\b");
    /** Money left the customer: harm unless it is said to be on its way ({@link #STATUS} and no time gone by). */
    private static final Pattern MONEY_LEFT = anyOf("gone", "left my", "taken", "took", "debited", "deducted", "withdrawn", "charged", "billed");
    /** Not there yet, said as such: money that left and has not arrived is in transit. */
    private static final Pattern IN_TRANSIT = anyOf("pending", "processing", "in transit", "yet", "on (?:its|the) way");
    /** A duplicate, settled: harm unless one of the two is still pending. */
    private static final Pattern TWICE = anyOf("twice", "double", "doubled", "duplicate\\w*", "two (?:payments|charges|transactions)", "both");
    /** A claim of harm, a demand, a repeat, time gone by or an angry word. */
    private static final Pattern HARM = anyOf("wrong", "incorrect", "more than", "overcharged", "extra", "free", "not me", "wasn't me", "wasnt me",
            "(?:didn't|didnt|did not|never) (?:make|authori[sz]e|order|buy|recogni[sz]e|agree|give me|dispense|pay out)",
            "(?:don't|dont|do not) recogni[sz]e", "unauthori[sz]ed", "without (?:my )?(?:permission|consent|knowledge)", "someone", "somebody",
            "stolen", "stole", "fraud\\w*", "scam\\w*", "hack\\w*", "lost", "never", "dispute\\w*", "chargeback", "complain\\w*",
            "(?:want|need|demand|expect)\\w* (?:a |my |the )?(?:refund|money)", "refund me", "money back", "give (?:me )?(?:it |my money )?back",
            "no (?:cash|money)", "(?:cash|money) (?:didn't|didnt|did not|never|wasn't|wasnt) (?:come|dispensed|given)",
            "\\d+\\s*(?:hours?|days?|weeks?|months?|working days|business days)", "(?:a|an|one|two|three|four|five|several|few|couple of) (?:weeks?|days?|months?|years?)",
            "ages", "since", "again", "keeps?", "every time", "tried", "trying", "times", "urgent\\w*", "asap", "ridiculous", "unacceptable",
            "joke", "useless", "nobody", "no one", "supposed", "promised", "already (?:called|contacted|emailed|asked|wrote|chatted)",
            "still no", "help", "error", "(?:didn't|didnt|did not|never|haven't|havent) (?:try|tried|attempt\\w*|use|used|solve|fix|work|help)",
            "alert", "takeover", "taken over", "compromised", "breach\\w*", "nicked", "pinched", "robbed", "mugged", "pickpocket\\w*",
            "(?:not|n't|nt|never) (?:been )?returned", "(?:i|we) paid", "cancel\\w*", "(?:you|they) (?:kept|took|charged|stole|took)",
            "kept (?:the|my|our) (?:fee|money|cash|deposit)", "ago", "after i", "no (?:working|service|signal|access)", "and now",
            "said", "told", "advertised", "zero", "(?:january|february|march|april|june|july|august|september|october|november|december)");

    private StatusStatement() {
    }

    /** Whether {@code text} (handles removed) states where something stands, with no claim of harm. */
    static boolean applies(String text) {
        if (text == null || text.indexOf('!') >= 0 || text.length() > 160) {
            return false;
        }
        String t = RoutineQuestion.lower(text);
        if (Text.tokens(t).size() > MAX_TOKENS || shouting(text)) {
            return false;
        }
        boolean status = STATUS.matcher(t).find() || NON_EVENT.matcher(t).find() && MONEY.matcher(t).find()
                || PAUSE.matcher(t).find() && MISPLACED.matcher(t).find() || feeAsked(t);
        if (!status || HARM.matcher(t).find()) {
            return false;
        }
        String rest = FEE_CHARGED.matcher(t).replaceAll("fee");
        boolean inTransit = IN_TRANSIT.matcher(t).find();
        if (MONEY_LEFT.matcher(rest).find() && !inTransit) {
            return false;
        }
        return !TWICE.matcher(t).find() || t.contains("pending");
    }

    /** Questions that only ask why after the fee is named: "got charged a fee for the atm withdrawal, why?". */
    private static final Pattern ONLY_WHY = Pattern.compile("^(?:and )?(?:why|how come|what for|what is it for|what's it for|is that right|is that normal)$");

    /**
     * A fee asked about in one clause ("why was I charged a fee for my transfer?"), nothing argued
     * after it ("…, it said zero fees", "…, my balance was positive the whole time").
     */
    private static boolean feeAsked(String t) {
        if (!FEE.matcher(t).find() || !ASKS.matcher(t).find()) {
            return false;
        }
        String[] clauses = t.split("[,;.?\\n]+");
        for (int i = 1; i < clauses.length; i++) {
            String c = clauses[i].strip();
            if (!c.isEmpty() && !ONLY_WHY.matcher(c).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean shouting(String text) {
        long upper = text.chars().filter(Character::isUpperCase).count();
        long letters = text.chars().filter(Character::isLetter).count();
        return letters >= 8 && upper * 2 > letters;
    }

    private static Pattern anyOf(String... alternatives) {
        return Pattern.compile("\\b(?:" + String.join("|", alternatives) + ")\\b");
    }
}
