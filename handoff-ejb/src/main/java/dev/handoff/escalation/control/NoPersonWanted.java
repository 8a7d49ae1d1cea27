package dev.handoff.escalation.control;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Five frames in which a person word or a verb of reaching asks for nobody (eleventh round, ADR
 * 0050; the fourth twelfth round, ADR 0052; the fifth thirteenth round, ADR 0053), read from the
 * message's words alone:
 * <ul>
 * <li>the customer's own role: "I'm a real estate agent, do you offer business accounts?", "how do
 * I become a rep for your brand" — every person word follows "I am a", "as a" or "become a";</li>
 * <li>whether a person is needed at all: "do I need to speak to someone to close my account or
 * can I do it online?";</li>
 * <li>the bot as the thing asked about: "how do I stop the bot from sending me notifications",
 * "how can i talk to the assistant by voice".</li>
 * <li>thanks and praise for people who helped: "customer service was really helpful yesterday, just
 * want to say thanks", "the engineer who came out was fantastic".</li>
 * <li>feedback on a person asked about or offered: "how can I give feedback about an agent who was
 * very helpful", "where do I rate the advisor from my last chat".</li>
 * </ul>
 * Each gives way to urgency and to a person set against the bot ("now", "human", "real"…), which
 * ask for someone wherever they stand.
 */
final class NoPersonWanted {

    private static final Set<String> PEOPLE = PhraseLexicon.keys(PhraseLexicon.PERSON_NOUNS.toArray(String[]::new));
    private static final Set<String> PRONOUNS = PhraseLexicon.keys(PhraseLexicon.PRONOUNS.toArray(String[]::new));
    /** Words before "a" / "an" that give the customer a role: "I'm a", "as a", "become an". */
    private static final Set<String> ROLE_VERBS = Set.of("am", "i'm", "im", "as", "become", "becoming", "became");
    /** Urgency, or a person contrasted with the bot: a request wherever it stands. */
    private static final Set<String> URGENT_OR_HUMAN = Set.of("now", "urgent", "urgently", "asap", "immediately", "today", "tonight",
            "human", "humans", "real", "live", "actual", "robot", "machine", "automated", "person", "someone", "somebody", "anyone",
            "anybody", "people");

    private NoPersonWanted() {
    }

    /** Any of the five frames, said calmly (the caller checks the sentiment). */
    static boolean applies(String raw, List<Text.Token> tokens) {
        return ownRole(tokens) || asksWhetherNeeded(raw, tokens) || aboutTheBot(tokens) || praises(raw, tokens) || givesFeedback(tokens);
    }

    /**
     * Every person word of the message names the customer's own role: it follows "a" / "an" (and up
     * to three modifiers: "a real estate agent", "a customer care agent") after "am", "I'm", "as" or
     * "become". "I'm a customer, get me an agent" still asks for one (a person word outside a role).
     */
    static boolean ownRole(List<Text.Token> tokens) {
        boolean role = false;
        for (int i = 0; i < tokens.size(); i++) {
            String key = English.key(tokens.get(i).word());
            if (PRONOUNS.contains(key)) {
                return false;
            }
            if (!PEOPLE.contains(key)) {
                continue;
            }
            if (!inRole(tokens, i)) {
                return false;
            }
            role = true;
        }
        return role && tokens.stream().noneMatch(t -> WANTED_NOW.contains(t.word()));
    }

    private static final Set<String> WANTED_NOW = Set.of("now", "urgent", "urgently", "asap", "immediately");

    private static boolean inRole(List<Text.Token> tokens, int person) {
        int clause = tokens.get(person).clause();
        for (int k = person - 1; k >= 1 && k >= person - 4 && tokens.get(k).clause() == clause; k--) {
            String w = tokens.get(k).word();
            if (w.equals("a") || w.equals("an")) {
                return ROLE_VERBS.contains(tokens.get(k - 1).word());
            }
        }
        return false;
    }

    /**
     * "do I need to / do I have to / must I / is it necessary to" + talking or calling, opening the
     * message: whether a person is needed is asked, not for one ("do I need to speak to someone to
     * close my account or can I do it online?", "do i have to call you to cancel").
     */
    private static final Pattern WHETHER_NEEDED = Pattern.compile(
            "^(?:(?:hi|hello|hey|hiya)[,!]? )?(?:(?:do|will|would) (?:i|we|you|one) (?:need|have|got) to|(?:must|should) (?:i|we)|"
                    + "is it (?:necessary|required|mandatory|needed) to|(?:do|does) it (?:need|require) (?:me )?to) "
                    + "(?:(?:\\w+ ){0,2})?(?:talk|speak|chat|call|phone|ring|contact|visit|see|meet)\\b");

    static boolean asksWhetherNeeded(String raw, List<Text.Token> tokens) {
        String t = Text.normalize(raw).trim();
        if (t.indexOf('!') >= 0 || !WHETHER_NEEDED.matcher(t).find()) {
            return false;
        }
        for (Text.Token token : tokens) {
            String w = token.word();
            if (w.equals("now") || w.equals("urgent") || w.equals("urgently") || w.equals("asap") || w.equals("immediately")
                    || w.equals("human") || w.equals("real") || w.equals("live") || w.equals("bot") || w.equals("robot")) {
                return false;
            }
        }
        return true;
    }

    /** Question openers of a how-to: "how do I", "how to", "can the bot", "does the assistant". */
    private static final Set<String> HOW_OPENERS = Set.of("how", "hw", "can", "could", "does", "do", "is", "will");
    /** The bot by name: "the bot", "the assistant", "your chatbot", "alexa". */
    private static final Set<String> BOTS = Set.of("bot", "bots", "chatbot", "chatbots", "assistant", "alexa", "siri", "ai");
    private static final Set<String> DETERMINERS = Set.of("the", "your", "ur", "this", "that", "virtual", "digital", "ai", "voice");
    /** "assistant" is the bot only after these ("your assistant", "an assistant" may be a person). */
    private static final Set<String> THE_MACHINE = Set.of("the", "this", "that", "virtual", "digital", "ai", "voice");
    /** Getting past the bot asks for a person: "how do i get past the bot", "how to skip the chatbot". */
    private static final Set<String> PAST_THE_BOT = Set.of("past", "bypass", "skip", "around", "escape", "avoid", "beyond", "instead",
            "than", "not", "else", "other", "off", "out", "exit", "quit", "leave", "without", "rather", "cant", "can't", "doesnt", "doesn't",
            "useless", "stupid", "dumb");

    /**
     * A how-to question whose only "person" is the bot ("how do I stop the bot from sending me
     * notifications", "how can i talk to the assistant by voice", "can the bot speak french?"): a
     * question opener, a bot word after "the" / "your" (or a name such as "alexa"), no other person
     * word, no urgency, no getting past or off the bot ("how do i get past the bot" asks for a person).
     */
    static boolean aboutTheBot(List<Text.Token> tokens) {
        if (tokens.size() < 3 || tokens.size() > 16 || !HOW_OPENERS.contains(tokens.get(0).word())) {
            return false;
        }
        boolean bot = false;
        for (int i = 0; i < tokens.size(); i++) {
            String w = tokens.get(i).word();
            if (URGENT_OR_HUMAN.contains(w) || PAST_THE_BOT.contains(w)) {
                return false;
            }
            String before = i > 0 ? tokens.get(i - 1).word() : "";
            boolean named = BOTS.contains(w) && (w.equals("alexa") || w.equals("siri")
                    || (w.equals("assistant") ? THE_MACHINE : DETERMINERS).contains(before));
            if (named) {
                bot = true;
            } else if (PEOPLE.contains(English.key(w))) {
                return false;
            }
        }
        return bot;
    }

    /** Thanks said outright. */
    private static final Set<String> THANKS = Set.of("thanks", "thank", "thx", "ty", "cheers", "grateful", "kudos", "shoutout",
            "compliment", "compliments", "praise");
    /** A copula before praise: "was helpful", "has always been great". */
    private static final Set<String> COPULAS = Set.of("was", "were", "is", "are", "been");
    private static final Set<String> DEGREE = Set.of("really", "very", "so", "super", "extremely", "incredibly", "always", "truly",
            "absolutely", "genuinely", "just", "all", "such", "most", "amazingly", "ever");
    private static final Set<String> PRAISE = Set.of("helpful", "great", "brilliant", "lovely", "fantastic", "excellent", "amazing", "kind",
            "friendly", "wonderful", "superb", "awesome", "outstanding", "patient", "quick", "fast", "nice", "polite", "professional",
            "good", "supportive", "efficient", "knowledgeable", "star", "legend", "legends", "stars", "top");
    /** What a person did that is praised: "the agent who helped me", "the rep who sorted it". */
    private static final Set<String> DEEDS = Set.of("helped", "sorted", "fixed", "resolved", "solved", "assisted", "dealt", "handled",
            "came", "answered");
    /** Any of these makes the message ask for something, thanks or not. */
    private static final Set<String> ASKING = Set.of("can", "could", "may", "please", "pls", "plz", "get", "give", "need", "needs", "now",
            "asap", "urgent", "urgently", "immediately", "again", "but", "however", "not", "no", "never", "nobody", "don't", "dont",
            "didn't", "didnt", "wasn't", "wasnt", "isn't", "isnt", "why", "transfer", "connect", "speak", "talk", "chat", "call", "ring",
            "contact", "put", "pass", "escalate", "unlike", "except", "shame", "pity", "unfortunately", "sadly", "if", "nothing",
            "would", "i'd", "id", "love", "wish", "hope", "appreciate");

    /**
     * Thanks or praise for people who helped, asking nothing: a thanks word ("thanks", "cheers",
     * "kudos", "grateful") or praise after a copula ("was really helpful", "has always been great"),
     * every person word of the message either followed in its clause by a copula or a deed ("the
     * agent who helped me", "the staff at the branch were brilliant") or after a thanks word ("thank
     * you to the support team"), and nothing that asks, contrasts or negates ("can", "please", "get",
     * "but", "not", a verb of reaching in the present, a question mark). "the agent was great, can I
     * talk to her again?" and "thanks, get me an agent" still ask for someone.
     */
    static boolean praises(String raw, List<Text.Token> tokens) {
        if (raw.indexOf('?') >= 0 || tokens.size() > 30) {
            return false;
        }
        boolean praised = false;
        for (int i = 0; i < tokens.size(); i++) {
            String w = tokens.get(i).word();
            if (ASKING.contains(w) || ASKING.contains(English.key(w)) || PRONOUNS.contains(English.key(w))) {
                return false;
            }
            if (THANKS.contains(w) || PRAISE.contains(w) && afterCopula(tokens, i)) {
                praised = true;
            }
            if (PEOPLE.contains(English.key(w)) && !doerOrThanked(tokens, i)) {
                return false;
            }
        }
        return praised;
    }

    private static boolean afterCopula(List<Text.Token> tokens, int i) {
        int clause = tokens.get(i).clause();
        for (int k = i - 1; k >= 0 && k >= i - 3 && tokens.get(k).clause() == clause; k--) {
            String w = tokens.get(k).word();
            if (COPULAS.contains(w)) {
                return true;
            }
            if (!DEGREE.contains(w)) {
                return false;
            }
        }
        return false;
    }

    private static boolean doerOrThanked(List<Text.Token> tokens, int person) {
        int clause = tokens.get(person).clause();
        for (int k = person + 1; k < tokens.size() && k <= person + 5 && tokens.get(k).clause() == clause; k++) {
            String w = tokens.get(k).word();
            if (COPULAS.contains(w) || DEEDS.contains(w)) {
                return true;
            }
        }
        for (int k = person - 1; k >= 0 && k >= person - 4 && tokens.get(k).clause() == clause; k--) {
            if (THANKS.contains(tokens.get(k).word())) {
                return true;
            }
        }
        return false;
    }

    /** Feedback given on something or someone. */
    private static final Set<String> FEEDBACK = Set.of("feedback", "review", "rate", "rating", "compliment", "compliments", "praise",
            "survey");
    /** Reaching someone, in the present: "rate the agent, then put me through" asks for someone. */
    private static final Set<String> REACHING = PhraseLexicon.keys("talk", "speak", "chat", "contact", "call", "phone", "ring",
            "transfer", "connect", "reach", "message", "escalate", "put", "pass", "hand");
    /** Before a word of reaching, these make it a noun: "my last chat", "the call". */
    private static final Set<String> NOUN_BEFORE = Set.of("my", "the", "a", "this", "that", "our", "your", "last", "previous", "recent");
    /** A person set against the bot. */
    private static final Set<String> CONTRASTED = Set.of("human", "humans", "real", "live", "actual", "bot", "robot", "machine");

    /**
     * Feedback on a person, asked about or offered ("how can I give feedback about an agent who was
     * very helpful", "where can I rate the person who helped me on the phone", "I'd like to leave a
     * review for the advisor I chatted with"): a feedback word, then, within five words of its
     * clause, a person word; no verb of reaching in the present ("…and put me through to a manager"),
     * no urgency, no person set against the bot. A story of reaching ("the advisor I chatted with")
     * and a noun ("from my last chat") are allowed.
     */
    static boolean givesFeedback(List<Text.Token> tokens) {
        boolean onPerson = false;
        for (int i = 0; i < tokens.size(); i++) {
            String w = tokens.get(i).word();
            if (WANTED_NOW.contains(w) || CONTRASTED.contains(w) || REACHING.contains(English.key(w)) && !English.past(w)
                    && !(i > 0 && NOUN_BEFORE.contains(tokens.get(i - 1).word()))) {
                return false;
            }
            if (FEEDBACK.contains(w)) {
                onPerson |= personAfter(tokens, i);
            }
        }
        return onPerson;
    }

    private static boolean personAfter(List<Text.Token> tokens, int feedback) {
        int clause = tokens.get(feedback).clause();
        for (int k = feedback + 1; k < tokens.size() && k <= feedback + 5 && tokens.get(k).clause() == clause; k++) {
            String key = English.key(tokens.get(k).word());
            if (PEOPLE.contains(key) || PRONOUNS.contains(key)) {
                return true;
            }
        }
        return false;
    }
}
