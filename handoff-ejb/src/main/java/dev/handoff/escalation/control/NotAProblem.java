package dev.handoff.escalation.control;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Messages that name a problem without having one now, so neither a topic's keywords nor its
 * examples should read them as one: a problem already solved ("it crashed once but it's working
 * now, how do I…"), the customer's own doing ("the new login was me"), a question about a word or
 * a case ("what is phishing?", "is my card covered if it gets stolen?") and another company's past
 * ("my old bank charged me twice, that's why I switched to you").
 *
 * <p>A problem named after the all-clear still counts: "it works now but I was charged twice".
 */
final class NotAProblem {

    private static final String SUBJECT = "(?:it|it's|its|it is|everything|everything's|everythings|all|that|things|the app|the site|the issue|the problem)";
    /** "but it's working now", "everything's fine now", "nevermind", "found it". */
    private static final Pattern SOLVED = Pattern.compile("\\b(?:" + SUBJECT + "\\s+(?:is\\s+|are\\s+|seems?\\s+(?:to\\s+be\\s+)?)?"
            + "(?:working|works|fine|ok|okay|good|sorted|resolved|fixed|back(?:\\s+up)?|solved)\\s+(?:now|again|at the moment|for now|right now|so far)"
            + "|(?:working|works|fine|sorted|fixed|resolved)\\s+(?:now|at the moment)"
            + "|never\\s?mind|nvm|found it|sorted it|fixed it|figured it out|false alarm|all good now"
            // "i spoke to an agent earlier and it's sorted, thanks": settled, and thanked for
            + "|(?:it|it's|its|that's|thats|all|everything)\\s+(?:is\\s+|was\\s+|got\\s+|has\\s+been\\s+|been\\s+)?(?:all\\s+)?(?:sorted|resolved|solved|fixed)"
            + "(?:\\s+out)?(?:\\s+now)?,?\\s+(?:thanks?|thank you|thx|cheers|ty)"
            + "|(?:went|go(?:ne)?) through (?:fine|ok|okay|in the end|after all)|worked (?:fine|in the end|after all|the second time)"
            + "|tried again and (?:it|the \\w+) (?:worked|went through)|(?:got|received|had) (?:a|my|the) refund(?: for [\\w ]+)?(?: yesterday| today| already)?,? thanks?"
            + "|was\\s+(?:just\\s+|actually\\s+|really\\s+)?(?:me|my (?:husband|wife|partner|son|daughter|kid))(?!\\s+(?:who|that)\\b))\\b");
    /**
     * A problem denied in so many words, with the reason for asking ("nothing is wrong at the moment,
     * this is only for planning", "I'm not worried about it, I'm just trying to plan my budget",
     * eighteenth round, ADR 0065): what a calm ticket says to be read as a question, not a complaint.
     */
    private static final Pattern CALM = Pattern.compile("\\b(?:nothing(?:'s| is)? (?:wrong|broken)(?: yet| so far| at the moment| right now)?"
            + "|(?:i'm|i am|im|we're|we are) not (?:worried|concerned)(?: about (?:it|this|that))?"
            + "|(?:just|only|purely|simply) (?:for|trying to|want to|wanted to|need to) plan(?:ning)?\\b"
            + "|(?:this is|it's|its) (?:just|only|purely) for (?:planning|information|our records|future reference)"
            + "|no (?:problems?|issues?) (?:at the moment|so far|yet|right now)"
            // a trouble denied now, or why the customer asks (ADR 0071): "nothing's happened yet", "not blocking me"
            + "|(?<=[,.?;!\\u2014-]\\s?)" + Text.NOTHING_NOW + "(?=\\s*(?:[,.;!?]|$)))");
    /** A new trouble after the all-clear: "…works now but I was charged twice". */
    private static final Pattern STILL = Pattern.compile("\\b(?:but|however|still|except|although|though|yet|and now|now i|again)\\b");
    /** "what is phishing?", "what's a chargeback", "what does 2fa mean". */
    private static final Pattern DEFINITION = Pattern.compile("^\\s*(?:what|whats|what's)\\s+(?:is|are|does|do)\\s+(?:a\\s+|an\\s+)?"
            + "[\\w-]+(?:\\s+[\\w-]+)?\\s*(?:mean\\b.*|\\?.*|$|,.*|\\.\\s.*|\\s+(?:exactly|i saw|saw|in your|mentioned|you mentioned)\\b.*)");
    /** "is my card covered if it gets stolen", "what happens if someone hacks my account", "in case my phone is lost". */
    private static final Pattern HYPOTHETICAL = Pattern.compile("\\b(?:what happens|what should i do|what do i do|is my \\w+ (?:protected|covered|safe|insured)"
            + "|are my \\w+ (?:protected|covered|safe|insured)|am i (?:protected|covered))\\b.*\\b(?:if|when|in case)\\b"
            + "|\\b(?:if|in case)\\s+(?:it|my \\w+|someone|somebody|anyone|i)\\s+(?:ever\\s+)?(?:gets?|got|is|was|were|ever|hacks?|steals?|loses?|lose)\\b"
            // "what's the procedure if my phone with the banking app gets stolen": "gets" is what may happen
            + "|\\b(?:if|in case)\\s+(?:my|the|our|your|a)\\s+(?:[\\w']+\\s+){0,7}?(?:ever\\s+)?gets\\s+(?:stolen|lost|hacked|compromised|cloned|damaged|broken|blocked)\\b");
    /**
     * The customer's own slip, said as the reason: "the payment failed because I typed my CVV
     * wrong", "I blocked it myself by mistake", "I forgot to activate it".
     */
    private static final Pattern OWN_DOING = Pattern.compile("\\b(?:because|cos|coz|cause|'cause|since|as)\\s+i\\s+(?:\\w+\\s+)?"
            + "(?:typed|entered|put|used|forgot|pressed|chose|picked|selected|mistyped|misspelled|misspelt|clicked|tapped)\\b"
            + "|\\bi\\s+(?:[\\w']+\\s+){1,3}?(?:myself|by mistake|by accident)\\b|\\bi\\s+(?:accidentally|mistakenly|accidently)\\s+\\w+"
            + "|\\bi\\s+forgot\\s+to\\s+(?:activate|sign|enable|turn|switch|verify|confirm|update|add|set|link|top|pay)\\b");
    /** "my old bank", "the last bank I was with", "on another app", "with a different site". */
    private static final Pattern OTHER_COMPANY = Pattern.compile("\\b(?:(?:my|our|the)\\s+(?:old|previous|last|former|other|ex)|(?:with|on|at|from|in)\\s+(?:another|a different|some other))\\s+"
            + "(?:\\w+\\s+)?(?:bank|provider|company|carrier|supplier|insurer|isp|network|broker|airline|host|hosting|telco|retailer|app|site|website"
            + "|streaming service|platform|clinic|shop|store|gym|landlord|school)\\b");

    /** The trap avoided: "I got a phishing email, I didn't click it", "never gave them my code". */
    private static final Pattern AVOIDED = Pattern.compile("\\b(?:i|we)\\s+(?:didn't|didnt|did not|never|haven't|havent|have not|won't|wont)\\s+"
            + "(?:click(?:ed)?|open(?:ed)?|repl(?:y|ied)|respond(?:ed)?|answer(?:ed)?|give|gave|share(?:d)?|enter(?:ed)?|type(?:d)?|download(?:ed)?"
            + "|tap(?:ped)?|call(?:ed)? (?:it|them|back))\\b(?:\\s+(?:on\\s+)?(?:it|them|anything|the link|the links|any links?|the attachment|my \\w+))?");
    /** "nothing is wrong, but…": what follows the denial is the trouble. */
    private static final Pattern STILL_BUT = Pattern.compile("^[^.?!;]*\\b(?:but|however|except|although|though)\\b");
    /**
     * One of the company's people fixed it ("Your colleague on the phone yesterday was brilliant,
     * fixed my router in five minutes", "the engineer sorted the boiler, thank you"): read with
     * {@link #PRAISE}, a problem told as solved before the customer's next question (ADR 0070).
     */
    private static final Pattern FIXED_BY_STAFF = Pattern.compile("\\b(?:your|the|a|an)\\s+(?:\\w+\\s+)?(?:colleague|agent|engineer|technician|tech"
            + "|rep|representative|advis[eo]r|guy|lady|person|team|staff|support)\\b[^.?!;]{0,60}?\\b(?:fixed|sorted|solved|resolved|repaired)"
            + "\\s+(?:it|(?:my|the|our)\\s+\\w+|everything|that)\\b");
    /** A fault told after the fix: it did not hold ("…great job, now it drops every night"). */
    private static final Pattern AFTER_FIX = Pattern.compile("\\b(?:but|however|still|again|now|keeps?|stopped|broke|broken|drops?|dropping"
            + "|fails?|failing|failed|crash\\w*|not|doesn't|doesnt|isn't|isnt|won't|wont|can't|cant|cannot|error|took|taken|charged|gone|missing"
            + "|locked|hacked)\\b");
    /** Thanks or praise: what makes a fix told a fix that held. */
    private static final Pattern PRAISE = Pattern.compile("\\b(?:thanks?|thank you|thx|brilliant|great|amazing|excellent|fantastic|helpful"
            + "|lovely|kind|star|legend|wonderful|superb|perfect|spot on)\\b");
    /**
     * A past trouble told as over (ADR 0071): the company put it right ("you replaced it quickly",
     * "you refunded my course fee last term"), it has held since ("it's been fine since the
     * update"), or it ended ("the outage on tuesday is over for us now"). Read with {@link #AFTER_RESOLVED}:
     * nothing gone wrong after it.
     */
    private static final Pattern RESOLVED = Pattern.compile("\\b(?:you|you guys|your team|they)\\s+(?:(?:already|quickly|kindly|finally|promptly|just|very kindly)\\s+)?(?:replaced|refunded|reimbursed|reissued"
            + "|re-issued|unlocked|unblocked|restored|credited|fixed|sorted|resolved|repaired|swapped|sent (?:me )?(?:a )?(?:new|replacement))\\b"
            + "|\\b(?:it's|its|it has|it is|has|have|they've|it've|everything's|everything has)\\s+been\\s+(?:fine|ok|okay|good|great|stable|perfect"
            + "|solid|working(?: fine| well| perfectly)?|sorted|resolved)\\s+(?:ever\\s+)?since\\b"
            + "|\\b(?:outage|issue|problem|incident|disruption|fault|breach|fraud|lockout|dispute|complaint)\\b[^.?!;]{0,40}?\\b(?:is|was|'s|are|were)\\s+"
            + "(?:all\\s+)?(?:over|behind (?:me|us))\\b"
            // "the double charge from june was refunded ages ago", "my complaint was resolved nicely"
            + "|\\b(?:was|were|got|has been|have been|had been)\\s+(?:all\\s+)?(?:refunded|replaced|reimbursed|reversed|resolved|settled|sorted"
            + "|fixed|credited|paid back|put right)\\s+(?:ages ago|a while ago|long ago|already|nicely|quickly|promptly|in the end"
            + "|last \\w+|back in \\w+|(?:a few |some |\\d+ |two |three )?(?:days|weeks|months|years) ago)\\b"
            + "|\\b(?:that's|thats|that is|that was|it's|its|it is|it was|all)\\s+(?:long\\s+|all\\s+)?(?:settled|behind (?:me|us)|in the past|over with)\\b"
            // a hand-off the customer called off: "I cancelled the callback I booked"
            + "|\\bi\\s+(?:cancelled|canceled|called off)\\s+(?:the|my)\\s+(?:callback|call back|call|chat)\\b"
            // "thanks for the help earlier with the refund!"
            + "|\\b(?:thanks?|thank you|cheers)\\s+(?:so much\\s+|again\\s+)?for\\s+(?:the|your|all the|all your)\\s+help\\s+"
            + "(?:earlier|yesterday|last \\w+|this morning|the other day|with)\\b");
    /** A fault after the all-clear: the trouble is back ("…it's been fine since, but now it drops", "you refunded it but charged me again"). */
    private static final Pattern AFTER_RESOLVED = Pattern.compile("\\b(?:but|however|still|again|keeps?|stopped|broke|broken|drops?|dropping"
            + "|fails?|failing|failed|crash\\w*|not|doesn't|doesnt|isn't|isnt|won't|wont|can't|cant|cannot|error|took|taken|charged|gone|missing"
            + "|locked|hacked|stolen|declined|wrong|twice|never|slow|down|same|problem|issue|happening|happened|nobody|no one|noone"
            + "|wait|waiting|waited|days|weeks|hours|ridiculous|useless|terrible|awful|joke|hasn't|hasnt|haven't|havent|didn't|didnt|wasn't"
            + "|wasnt|yet|without|supposed|apparently|supposedly)\\b");

    /** A harm word in the name of a service ("the lost and stolen cards line"), which tells no harm done (ADR 0071). */
    private static final Pattern SERVICE_NAME = Pattern.compile("\\b(?:lost|stolen|hacked|fraud|missing|taken)(?: (?:and|&|or) (?:lost|stolen|found|damaged))?"
            + "(?: (?:card|cards|phone|phones|item|items|property|goods|device|devices))? (?:line|hotline|helpline|team|department|desk|unit|process"
            + "|procedure|policy|guarantee|window|form|page|section|cover|number)\\b");
    /** A harm after all ("…but they already took money") keeps the problem. */
    private static final Pattern HARM = Pattern.compile("\\b(?:took|taken|charged|stole|stolen|gone|missing|locked|hacked|drained|withdrawn|spent|logged in|changed)\\b");

    /** A slip the customer wants undone ("I sent it to the wrong account by mistake, can you get it back?") still needs someone. */
    private static final Pattern UNDO = Pattern.compile("\\b(?:refund\\w*|money back|get (?:it|them|this) back|revers\\w+|recall\\w*|undo|chargeback|wrong (?:account|person|recipient|iban))\\b");

    private NotAProblem() {
    }

    static boolean applies(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String t = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        var solved = SOLVED.matcher(t);
        if (solved.find() && !STILL.matcher(t.substring(solved.end())).find()) {
            return true;
        }
        var fixed = FIXED_BY_STAFF.matcher(t);
        if (fixed.find() && PRAISE.matcher(t).find() && !AFTER_FIX.matcher(t.substring(fixed.end())).find()) {
            return true;
        }
        var resolved = RESOLVED.matcher(t);
        if (resolved.find() && !AFTER_RESOLVED.matcher(t.substring(resolved.end())).find()) {
            return true;
        }
        var calm = CALM.matcher(t);
        if (calm.find() && !HARM.matcher(SERVICE_NAME.matcher(t).replaceAll(" ")).find() && !STILL_BUT.matcher(t.substring(calm.end())).find()) {
            return true;
        }
        if ((AVOIDED.matcher(t).find() || OWN_DOING.matcher(t).find() && !UNDO.matcher(t).find()) && !HARM.matcher(t).find()) {
            return true;
        }
        return DEFINITION.matcher(t).matches() || HYPOTHETICAL.matcher(t).find() || OTHER_COMPANY.matcher(t).find();
    }
}
