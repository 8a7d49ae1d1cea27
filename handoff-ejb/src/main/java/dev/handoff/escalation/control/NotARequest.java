package dev.handoff.escalation.control;

import java.util.List;
import java.util.Set;

/**
 * Signs that a message which sounds like a request for a person is not one — for the semantic
 * path of a phrase trigger, which reads meaning but not grammar: a story in the past ("I talked to
 * an agent yesterday", "I was transferred to a supervisor already"), someone else's people ("I'll
 * speak to my manager", "our customers want to talk to a person"), the bot itself ("the AI agent
 * answered"), and "stop calling me". The phrase rules know these cases already; this keeps the
 * sentence model from undoing them.
 */
final class NotARequest {

    private static final Set<String> REACH = PhraseLexicon.keys("talk", "speak", "chat", "contact", "call", "phone", "ring", "transfer",
            "connect", "reach", "email", "message", "escalate", "put");
    /** Raw words before a past form that make it a request: "can I be transferred", "get connected", "have me called". */
    private static final Set<String> ENABLERS = Set.of("be", "being", "get", "getting", "me", "us");
    /** Things a person word can describe: "supervisor mode", "agent seat", "manager dashboard". */
    private static final Set<String> THINGS = PhraseLexicon.keys("mode", "seat", "account", "dashboard", "view", "role", "permission",
            "license", "licence", "app", "portal", "panel", "login", "setting", "icon", "plan", "tier", "feature", "access", "page", "tool",
            "string", "software", "header", "version", "binary", "daemon", "installer", "commission", "fee");
    /** Words before "agent" that make it a program: "user agent", "the monitoring agent on our server" (ADR 0070). */
    private static final Set<String> PROGRAMS = Set.of("user", "monitoring", "software", "backup", "sync", "antivirus", "endpoint", "build",
            "ssh", "sql", "deployment", "update", "logging", "reporting");
    /** Words after "human" that make it a quality of a thing: "human verification", "human-readable", "human resources" (ADR 0070). */
    private static final Set<String> HUMAN_QUALITIES = Set.of("verification", "verify", "check", "test", "friendly", "readable", "resources",
            "error", "errors", "rights", "body", "nature", "race", "trafficking", "capital", "interest", "touch", "factor", "voice");
    private static final Set<String> THIRD_PARTIES = PhraseLexicon.keys("customer", "client", "user", "member", "husband", "wife",
            "partner", "friend", "colleague", "boss", "accountant", "family", "son", "daughter", "mum", "mom", "dad", "parent",
            "lawyer", "landlord", "team", "manager", "staff", "employee", "supervisor", "agent", "assistant", "people");
    private static final Set<String> PEOPLE = PhraseLexicon.keys(PhraseLexicon.PERSON_NOUNS.toArray(String[]::new));
    private static final String AGENT = English.key("agent");
    private static final String HUMAN = English.key("human");

    private NotARequest() {
    }

    static boolean applies(List<Text.Token> tokens) {
        if (!tokens.isEmpty() && (tokens.get(0).word().equals("who's") || tokens.get(0).word().equals("whos")
                || (tokens.size() > 1 && tokens.get(0).word().equals("who") && tokens.get(1).word().equals("is")))
                && !handsOnLater(tokens)) {
            return true; // "who is the contact person for my account": a question about someone, not for them
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).word().equals("name") && i + 1 < tokens.size() && tokens.get(i + 1).word().equals("of")) {
                return true; // "what's the name of the manager at the store"
            }
            String word = tokens.get(i).word();
            String key = English.key(word);
            int clause = tokens.get(i).clause();
            if (REACH.contains(key) && English.past(word) && !(i > 0 && ENABLERS.contains(tokens.get(i - 1).word()))
                    && !wishedFor(tokens, i)) {
                return true; // "i talked to an agent", "someone called me", "was transferred" (but not "get transferred")
            }
            if (PhraseLexicon.OWNERS.contains(word) && after(tokens, i, clause, THIRD_PARTIES, 2) && !yourPeople(tokens)) {
                return true; // "my manager", "our customers", "my team"
            }
            if (PhraseLexicon.BOT_WORDS.contains(key) && after(tokens, i, clause, PEOPLE, 1) && !personInAnotherClause(tokens, clause)) {
                return true; // "virtual assistant", "ai agent" (but not "… the automated assistant. could a member of your team call me")
            }
            if (key.equals("stop") && after(tokens, i, clause, REACH, 2)) {
                return true; // "stop calling me"
            }
            if (PEOPLE.contains(key) && after(tokens, i, clause, THINGS, 1)) {
                return true; // "is there a supervisor mode"
            }
            if (key.equals(AGENT) && i > 0 && tokens.get(i - 1).clause() == clause && PROGRAMS.contains(tokens.get(i - 1).word())
                    || key.equals(HUMAN) && i + 1 < tokens.size() && tokens.get(i + 1).clause() == clause
                    && HUMAN_QUALITIES.contains(tokens.get(i + 1).word())) {
                return true; // "which user agent string do you expect", "the 'human verification' captcha is hard"
            }
            if (PEOPLE.contains(key) && !key.equals(word) && word.endsWith("s") && after(tokens, i, clause, REACH, 1)) {
                return true; // "how do agents talk to customers": people in general, not a request
            }
        }
        return false;
    }

    /** Verbs that open a clause handing the customer over: "put them on", "get him", "transfer me". */
    private static final Set<String> HAND_OVER_VERBS = Set.of("put", "get", "transfer", "connect", "pass", "give", "bring");
    /** Whom such a verb hands over: the person just asked about, or the customer. */
    private static final Set<String> HANDED = Set.of("them", "him", "her", "me", "us", "em", "dem");

    /**
     * A clause after the first that opens with a verb of handing over and a pronoun ("who's the
     * supervisor on shift? put them on", "whos in charge, get him on the phone"): the question
     * about someone was only the way to ask for them (ADR 0066).
     */
    private static boolean handsOnLater(List<Text.Token> tokens) {
        int first = tokens.get(0).clause();
        for (int i = 1; i + 1 < tokens.size(); i++) {
            boolean opens = tokens.get(i).clause() != tokens.get(i - 1).clause() && tokens.get(i).clause() != first;
            if (opens && HAND_OVER_VERBS.contains(tokens.get(i).word()) && HANDED.contains(tokens.get(i + 1).word())) {
                return true;
            }
        }
        return false;
    }

    /** Who can be asked for besides a person word: "someone", "anyone"… */
    private static final Set<String> SOMEONE = union(PEOPLE, PhraseLexicon.keys(PhraseLexicon.PRONOUNS.toArray(String[]::new)));

    /**
     * A person word or "someone" in a clause other than {@code clause}, not itself named after a
     * word of the bot ("I tried the automated assistant twice. I would be grateful if a member of
     * your team could telephone me"): the bot is one thing the message names, a person another.
     */
    private static boolean personInAnotherClause(List<Text.Token> tokens, int clause) {
        for (int k = 0; k < tokens.size(); k++) {
            boolean botBefore = k > 0 && PhraseLexicon.BOT_WORDS.contains(English.key(tokens.get(k - 1).word()));
            if (tokens.get(k).clause() != clause && !botBefore && SOMEONE.contains(English.key(tokens.get(k).word()))) {
                return true;
            }
        }
        return false;
    }

    /** The details of a channel asked for: "what are the opening hours", "what's your number", "when are you open". */
    private static final java.util.regex.Pattern DETAILS = java.util.regex.Pattern.compile("\\b(?:(?:what|whats|what's|wat) (?:are|is|r|'s)? ?"
            + "(?:the|your|ur|their) (?:opening |office |business |phone |line )?(?:hours|times|number|phone number|opening times)"
            + "|when (?:are|r) (?:you|u|they) open|when (?:is|does) (?:it|the line|the branch|the office) open)\\b");

    /** Whether there is a number or address to reach: "is there a phone number for the claims department". */
    private static final java.util.regex.Pattern NUMBER_ASKED = java.util.regex.Pattern.compile("\\b(?:is there|do you have|have you got|what's|whats|what is)"
            + " (?:a |an |the )?(?:phone |contact |direct |separate |main )?(?:number|line|email address|address)\\b");
    /** Why the number is asked, said after it: "just saving it for the future", "writing it down for later" (ADR 0071). */
    private static final java.util.regex.Pattern FOR_LATER = java.util.regex.Pattern.compile("(?<=[,.?;!]\\s?)" + Text.NOTHING_NOW
            + "(?=\\s*(?:[,.;!?]|$))");

    /**
     * A question about reaching someone that asks for the channel's details too ("is there a way
     * to speak to an advisor about mortgages, like what are the opening hours", "yeah um what's the
     * number to call if I want to speak to someone … like what are the hours", ADR 0066): the
     * details asked in a question, nothing urgent, no human set against the bot and no need outside
     * a supposition ({@link #supposes}'s words). "I need a real person, what's your number" asks for one.
     */
    static boolean asksForDetails(String raw, List<Text.Token> tokens) {
        if (tokens.size() < 4 || tokens.size() > 30 || raw.indexOf('!') >= 0) {
            return false;
        }
        String first = tokens.get(0).word();
        String text = Text.normalize(raw);
        if (!ASKING_OPENERS.contains(first) && raw.indexOf('?') < 0) {
            return false;
        }
        if (!DETAILS.matcher(text).find()) {
            var later = FOR_LATER.matcher(text);
            if (!NUMBER_ASKED.matcher(text).find() || !later.find()) {
                return false;
            }
            tokens = Text.tokens(text.substring(0, later.start())); // "…, no claim right now": the reason is read apart
        }
        boolean[] supposed = Hypothetical.supposed(tokens);
        for (int i = 0; i < tokens.size(); i++) {
            String w = tokens.get(i).word();
            if (URGENT_OR_HUMAN.contains(w) || !supposed[i] && WANTED.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** Wishes whose object, then a past form, is the result wanted: "I'd like this escalated", "want my call transferred". */
    private static final Set<String> WISHES = Set.of("like", "want", "wanna", "need", "needs", "needed", "have", "get", "please", "pls", "plz");
    /** What a customer wants passed on: "this", "my case", "the complaint". */
    private static final Set<String> PASSED_ON = PhraseLexicon.keys("this", "it", "that", "me", "us", "case", "complaint", "issue", "ticket",
            "query", "call", "chat", "conversation", "matter", "problem", "claim", "request");
    private static final Set<String> DETERMINERS = Set.of("my", "the", "this", "our", "that");
    /** Verbs that pass a case on to someone (not "emailed", "called": those send or tell). */
    private static final Set<String> PASSING_ON = PhraseLexicon.keys("escalate", "escalated", "transfer", "transferred", "transfered",
            "connect", "connected", "pass", "passed", "forward", "forwarded", "refer", "referred", "route", "routed", "put");

    /**
     * A past form of reaching that says the result a customer wishes for, not a story: a wish
     * ("like", "want", "need", "have", "get", "please"), then what is to be passed on ("this", "my
     * case", "the complaint"), then the past form — "I'd like this escalated to a team leader", "I
     * want my call transferred to the fraud team", "please have my complaint escalated". "I had my
     * call transferred" and "it was escalated" stay stories.
     */
    static boolean wishedFor(List<Text.Token> tokens, int past) {
        if (!PASSING_ON.contains(English.key(tokens.get(past).word()))) {
            return false; // "I'd like this chat emailed to me": a document sent, nobody reached
        }
        int clause = tokens.get(past).clause();
        int object = past - 1;
        if (object < 1 || tokens.get(object).clause() != clause || !PASSED_ON.contains(English.key(tokens.get(object).word()))) {
            return false;
        }
        int wish = object - 1;
        if (DETERMINERS.contains(tokens.get(wish).word()) && !tokens.get(object).word().equals("this")) {
            wish--;
        }
        return wish >= 0 && tokens.get(wish).clause() == clause && WISHES.contains(tokens.get(wish).word());
    }

    /** "one of your engineers … with our dev team": the company's own people are asked for, whoever else is named. */
    private static boolean yourPeople(List<Text.Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            String w = tokens.get(i).word();
            if ((w.equals("your") || w.equals("ur") || w.equals("yr")) && after(tokens, i, tokens.get(i).clause(), STAFF, 2)) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> STAFF = union(PEOPLE, PhraseLexicon.keys("team", "engineer", "specialist", "expert", "technician",
            "staff", "people", "department", "dept", "support", "colleague"));
    private static final Set<String> BOT_OR_PERSON = PhraseLexicon.keys("bot", "robot", "human", "person", "real", "ai", "machine",
            "computer", "automated", "chatbot");
    private static final Set<String> WHEN_WORDS = Set.of("weekend", "weekends", "weekday", "weekdays", "sunday", "sundays", "saturday",
            "saturdays", "holiday", "holidays", "night", "nights", "overnight", "24/7", "hours", "opening", "christmas", "evenings", "evening");
    private static final Set<String> AVAILABLE = Set.of("available", "around", "open", "online", "working", "work", "staffed", "there",
            "reachable", "contactable", "answer", "answering", "in", "on", "finish", "finishes", "close", "closes", "start", "starts",
            "opens", "until", "till");

    /**
     * A question about the company's people rather than for one: when they work ("are your support
     * people around on weekends", "when is customer service available", "what time does the support
     * team finish today") or whether the customer is
     * talking to one ("are you a bot or a person?") — with no "I", "me" or "we" asking for anything.
     */
    static boolean asksAboutStaff(List<Text.Token> tokens) {
        if (tokens.isEmpty() || tokens.size() > 14 || tokens.stream().anyMatch(t -> Text.FIRST_PERSON.contains(t.word()))) {
            return false;
        }
        String first = tokens.get(0).word();
        String second = tokens.size() > 1 ? tokens.get(1).word() : "";
        boolean aboutYou = (first.equals("are") || first.equals("r")) && (second.equals("you") || second.equals("u"))
                || first.equals("is") && (second.equals("this") || second.equals("it")) && !(tokens.size() > 2 && POSSIBLE.contains(tokens.get(2).word()));
        if (aboutYou && tokens.stream().anyMatch(t -> BOT_OR_PERSON.contains(English.key(t.word()))) && !reachingTo(tokens)) {
            return true; // "is this chat a bot or a human" (but "is it possible to speak to a human" asks for one)
        }
        boolean when = first.equals("when") || first.equals("what") && second.equals("time")
                || tokens.stream().anyMatch(t -> WHEN_WORDS.contains(t.word()));
        return when && tokens.stream().anyMatch(t -> AVAILABLE.contains(t.word())) && tokens.stream().anyMatch(t -> STAFF.contains(English.key(t.word()))
                || ORGANISATION.contains(t.word()) || t.word().equals("anyone")
                || t.word().equals("someone") || t.word().equals("anybody") || t.word().equals("somebody"));
    }

    /** "is it possible / ok / allowed to …": asking for something, never whether this is a bot. */
    private static final Set<String> POSSIBLE = Set.of("possible", "ok", "okay", "allowed", "feasible", "alright", "poss");

    /** "to speak", "to be transferred": reaching someone is the point of the sentence. */
    private static boolean reachingTo(List<Text.Token> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).word().equals("to") && REACH.contains(English.key(tokens.get(i + 1).word()))) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> CHANNEL_OPENERS = Set.of("how", "what", "whats", "what's", "where", "which");
    /** The company's support as a whole, not a person in it. */
    private static final Set<String> ORGANISATION = Set.of("support", "service", "services", "helpdesk", "desk", "care", "helpline");
    private static final Set<String> NEEDS = Set.of("need", "needs", "want", "wanna", "now", "urgent", "urgently", "asap", "immediately", "please", "pls", "plz",
            "real", "live", "actual", "man", "woman", "guy", "lady", "talk", "talking", "speak", "speaking", "chat", "chatting");

    /**
     * A question for the way to reach support rather than a request to be put through ("how do I
     * contact support by email", "what's the best way to contact customer support?"): an opener
     * asking how, what or where, the company's support as the target, and no person ("how can I
     * contact an employee", "a real man from support" ask for one), no conversation ("talk to
     * support" wants one) and no need ("I need…", "now", "please").
     */
    static boolean asksForChannel(List<Text.Token> tokens) {
        if (tokens.size() < 3 || tokens.size() > 14) {
            return false;
        }
        if (existence(tokens)) {
            return offersChannel(tokens);
        }
        if (!CHANNEL_OPENERS.contains(tokens.get(0).word())) {
            return false;
        }
        boolean organisation = false;
        boolean where = viaChannel(tokens);
        for (Text.Token t : tokens) {
            String key = English.key(t.word());
            boolean person = PEOPLE.contains(key) && !key.equals("team") && !key.equals("department");
            // "how do i get a callback from your team": a call from a person is what is asked for
            if (person || PhraseLexicon.PRONOUNS.contains(t.word()) || NEEDS.contains(t.word()) && !(where && CONVERSE.contains(t.word()))
                    || t.word().startsWith("callback")) {
                return false;
            }
            // "how do I contact the claims team": a team is the company's support as much as its helpdesk is
            organisation |= ORGANISATION.contains(t.word()) || CHANNELS.contains(t.word()) || key.equals("team") || key.equals("department");
        }
        return organisation;
    }

    /** Words that open an indirect question: "let me know whether…", "could you tell me if…". */
    private static final Set<String> WHETHER = Set.of("whether", "if");
    /** Being there for customers, the subject of such a question: "whether your phone support is available". */
    private static final Set<String> BEING_THERE = Set.of("available", "open", "staffed", "running", "operating", "reachable", "closed", "reduced");
    /** A person, a conversation, the customer or a need: what makes a question about availability a request after all. */
    private static final Set<String> WANTED_HERE = Set.of("someone", "somebody", "anyone", "anybody", "me", "us", "need", "needs", "want", "wanna",
            "urgent", "urgently", "asap", "immediately", "now", "talk", "speak", "chat", "real", "actual", "human", "transfer", "connect");

    /**
     * A question whether the company's support is there at some time ("could you let me know whether
     * your phone support and your technicians are available between 24 December and 2 January",
     * eighteenth round, ADR 0065): <i>whether</i> or <i>if</i>, then in the same clause a subject and
     * <i>is / are / will be</i> and a word of being there (available, open, staffed…), with no
     * person asked for (<i>someone</i>, <i>anyone</i>), no <i>me</i> or <i>us</i>, no need and no
     * conversation wanted in that clause: "can you check if someone is available to talk to me" asks for one.
     * Nor anywhere else in the message, but for <i>me</i> and <i>us</i> ("let me know whether…"), since the
     * phrase may stand in another sentence than the question.
     */
    static boolean asksWhetherAvailable(List<Text.Token> tokens) {
        for (Text.Token t : tokens) {
            if (WANTED_HERE.contains(t.word()) && !t.word().equals("me") && !t.word().equals("us")) {
                return false;
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (!WHETHER.contains(tokens.get(i).word())) {
                continue;
            }
            int clause = tokens.get(i).clause();
            boolean being = false;
            boolean wanted = false;
            for (int k = i + 1; k < tokens.size() && tokens.get(k).clause() == clause; k++) {
                String w = tokens.get(k).word();
                String before = tokens.get(k - 1).word();
                being |= BEING_THERE.contains(w) && (before.equals("is") || before.equals("are") || before.equals("be") || before.equals("still"));
                wanted |= WANTED_HERE.contains(w);
            }
            if (being && !wanted) {
                return true;
            }
        }
        return false;
    }

    /** Having a conversation: a request when wanted, a question about the way when a channel is named ("how do i chat with support on the app?"). */
    private static final Set<String> CONVERSE = Set.of("talk", "talking", "speak", "speaking", "chat", "chatting");
    /** Where a conversation would take place: "on the app", "through the website", "by phone". */
    private static final Set<String> PLACES = Set.of("app", "website", "site", "web", "phone", "email", "e-mail", "whatsapp", "messenger",
            "twitter", "facebook", "instagram", "portal", "dashboard", "telephone", "online");

    /** "on the app", "via whatsapp", "through your website", "by phone": a place or medium of the conversation named. */
    private static boolean viaChannel(List<Text.Token> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            String w = tokens.get(i).word();
            if (!(w.equals("on") || w.equals("in") || w.equals("via") || w.equals("through") || w.equals("thru") || w.equals("by")
                    || w.equals("over") || w.equals("using"))) {
                continue;
            }
            for (int k = i + 1; k < Math.min(tokens.size(), i + 4); k++) {
                if (PLACES.contains(tokens.get(k).word())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Ways of reaching support a company may or may not offer. */
    private static final Set<String> CHANNELS = Set.of("phone", "number", "email", "e-mail", "line", "hotline", "helpline", "chat", "livechat",
            "whatsapp", "hours", "channel", "channels", "form", "address");
    /** A need or a conversation wanted now: what makes a question about a channel a request after all. */
    private static final Set<String> WANTED_NOW = Set.of("need", "needs", "want", "wanna", "now", "urgent", "urgently", "asap", "immediately",
            "please", "pls", "plz", "real", "actual", "talk", "talking", "speak", "speaking", "chatting", "transfer", "connect", "man", "woman",
            "guy", "lady");

    /** "is there …", "are there …", "do you have …", "does the app have / offer / include …": whether something exists. */
    private static boolean existence(List<Text.Token> tokens) {
        String first = tokens.get(0).word();
        String second = tokens.get(1).word();
        if ((first.equals("is") || first.equals("are")) && second.equals("there")) {
            return true;
        }
        if (first.equals("do") || first.equals("does")) {
            for (int i = 1; i < Math.min(5, tokens.size()); i++) {
                String w = tokens.get(i).word();
                if (w.equals("have") || w.equals("has") || w.equals("offer") || w.equals("include") || w.equals("provide")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * An existence question about a channel ("is there a phone number for customer service", "does
     * the app have live chat?", "do you have a human support line or only chat"): a channel named,
     * nobody ("is there anyone…") and no need or conversation wanted now ("is there a number, I need
     * to talk to someone").
     */
    private static boolean offersChannel(List<Text.Token> tokens) {
        boolean channel = false;
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.get(i).word();
            String next = i + 1 < tokens.size() ? tokens.get(i + 1).word() : "";
            String key = English.key(word);
            boolean person = PEOPLE.contains(key) && !key.equals("team") && !key.equals("department")
                    && !CHANNELS.contains(next) && !ORGANISATION.contains(next); // "a human support line" names a channel
            boolean conversation = word.equals("chat") && (next.equals("with") || next.equals("to"));
            if (person || conversation || PhraseLexicon.PRONOUNS.contains(word) || WANTED_NOW.contains(word) || word.equals("me")) {
                return false;
            }
            channel |= CHANNELS.contains(word) || ORGANISATION.contains(word) && !word.equals("service");
        }
        return channel;
    }

    /** "do I need an appointment", "does one have to book": whether booking is needed, asked. */
    private static final java.util.regex.Pattern NEED_TO_BOOK = java.util.regex.Pattern.compile(
            "\\b(?:do|does|will|would) (?:i|we|you|one) (?:need|have) (?:(?:an )?appointment|to book|to make (?:an )?appointment|(?:a )?booking|to schedule)\\b");
    /** "how do I book an appointment with a mortgage advisor online": the way to book, asked (ADR 0050). */
    private static final java.util.regex.Pattern HOW_TO_BOOK = java.util.regex.Pattern.compile(
            "^(?:how|hw|where) (?:do|can|could|should|would|to) (?:(?:i|we|you) )?(?:book|make|schedule|arrange|set up|get) "
                    + "(?:an? |my |the )?(?:appointment|appt|meeting|consultation)\\b");
    /** "… an appointment to speak with an advisor": the talk, not the booking, is what is wanted. */
    private static final java.util.regex.Pattern TO_TALK = java.util.regex.Pattern.compile("\\bto (?:talk|speak|chat|discuss|meet)\\b");
    /** "without an appointment": the same, when the sentence is a question. */
    private static final java.util.regex.Pattern WITHOUT_BOOKING = java.util.regex.Pattern.compile("\\bwithout (?:an |a )?(?:appointment|booking)\\b");
    private static final Set<String> QUESTION_OPENERS = Set.of("can", "could", "may", "is", "are", "do", "does");

    /**
     * A question about the way to meet someone ("do I need an appointment to speak with a pharmacist
     * in your stores?", "can I talk to someone in branch without an appointment?"): whether booking
     * is needed, nothing urgent. "I want to talk to someone without an appointment" asks for a person.
     */
    static boolean asksAboutAppointment(String raw) {
        String t = Text.normalize(raw);
        if (t.contains("!")) {
            return false;
        }
        String[] words = Text.words(t);
        boolean asks = NEED_TO_BOOK.matcher(t).find() || HOW_TO_BOOK.matcher(t.strip()).find() && !TO_TALK.matcher(t).find()
                || WITHOUT_BOOKING.matcher(t).find()
                && (t.contains("?") || words.length > 0 && QUESTION_OPENERS.contains(words[0]));
        return asks && java.util.Collections.disjoint(java.util.Arrays.asList(words), WANTED_URGENT);
    }

    private static final Set<String> WANTED_URGENT = Set.of("now", "urgent", "urgently", "asap", "immediately", "today");

    /** The people a business customer serves: "let customers hand off", "can our users talk to". */
    private static final Set<String> SERVED = PhraseLexicon.keys("customer", "user", "client", "visitor", "shopper", "guest", "player",
            "student", "patient", "member", "caller", "buyer", "tenant", "subscriber");
    private static final Set<String> HAND_OVER = union(REACH, PhraseLexicon.keys("hand", "handoff", "route", "escalate", "get", "reach"));

    /** Verbs that send something in writing: "text me the code", "email me a copy". */
    private static final Set<String> SENDING = PhraseLexicon.keys("text", "message", "email", "dm", "send", "whatsapp");
    private static final Set<String> RECIPIENTS = Set.of("me", "us");
    /** Words that open what is sent: "the tracking number", "a copy", "my statement". */
    private static final Set<String> SENT = Set.of("the", "a", "an", "my", "our", "your", "this", "that", "some", "any", "it", "them");
    /** Reaching someone by voice or in person: with one of these the message still asks for someone. */
    private static final Set<String> VOICE = PhraseLexicon.keys("call", "phone", "ring", "talk", "speak", "chat", "contact", "connect",
            "transfer", "put", "reach", "callback");

    /**
     * Something sent in writing, not a person asked for (thirteenth round, ADR 0053): a verb of
     * sending, "me" or "us", then what is sent ("can someone text me the tracking number", "could an
     * agent email me a copy of the invoice"), and no verb of calling, talking or transferring
     * anywhere, and no person in what is sent. "can an agent message me on whatsapp", "DM me a real
     * person" and "someone email me and call me back" still ask for someone.
     */
    static boolean sendsSomething(List<Text.Token> tokens) {
        boolean sent = false;
        for (int i = 0; i < tokens.size(); i++) {
            String key = English.key(tokens.get(i).word());
            if (VOICE.contains(key)) {
                return false;
            }
            if (SENDING.contains(key) && i + 2 < tokens.size() && RECIPIENTS.contains(tokens.get(i + 1).word())
                    && SENT.contains(tokens.get(i + 2).word()) && tokens.get(i + 2).clause() == tokens.get(i).clause()) {
                if (personSent(tokens, i + 2)) {
                    return false; // "DM me a real person pls": the person is what is wanted
                }
                sent = true;
            }
        }
        return sent;
    }

    private static boolean personSent(List<Text.Token> tokens, int from) {
        for (int k = from; k < tokens.size() && k <= from + 3 && tokens.get(k).clause() == tokens.get(from).clause(); k++) {
            String key = English.key(tokens.get(k).word());
            if (PEOPLE.contains(key) || PhraseLexicon.PRONOUNS.contains(key) || BOT_OR_PERSON.contains(key) || key.equals("live")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A question about what other people can do ("does your chatbot let customers hand off to a
     * human agent?", "can our users talk to a person through the widget?"): people the customer
     * serves, in the plural, are the ones reaching, and nobody asks for "me".
     */
    static boolean forOthers(List<Text.Token> tokens) {
        boolean others = false;
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.get(i).word();
            if (word.equals("me") || word.equals("i") || word.equals("i'm") || word.equals("im")) {
                return false;
            }
            String key = English.key(word);
            others |= SERVED.contains(key) && !key.equals(word) && after(tokens, i, tokens.get(i).clause(), HAND_OVER, 3);
        }
        return others;
    }

    /** What a business customer buys: "does your chatbot support…", "can the widget hand off…". */
    private static final Set<String> PRODUCTS = PhraseLexicon.keys("chatbot", "bot", "widget", "app", "platform", "software", "tool",
            "product", "plan", "integration", "system", "api", "solution", "service", "inbox", "helpdesk", "feature", "version", "tier");
    private static final Set<String> OFFERS = PhraseLexicon.keys("support", "supports", "allow", "allows", "let", "lets", "offer", "offers", "include",
            "includes", "handle", "handles", "enable", "enables", "have", "has", "do", "does", "provide", "provides", "come", "route", "routes");

    /**
     * A question about what a product can do ("does your chatbot support handing off to a live
     * agent? we're evaluating tools", "can the widget route chats to a person"): a product is the
     * subject, a verb of offering follows it, and nobody asks for "me" or "I".
     */
    static boolean aboutAFeature(List<Text.Token> tokens) {
        if (tokens.size() < 4 || !QUESTION_OPENERS.contains(tokens.get(0).word()) && !tokens.get(0).word().equals("will")) {
            return false;
        }
        for (Text.Token t : tokens) {
            String w = t.word();
            if (w.equals("me") || w.equals("i") || w.equals("i'm") || w.equals("im") || w.equals("my") || w.equals("us")) {
                return false;
            }
        }
        for (int i = 1; i < Math.min(5, tokens.size()); i++) {
            if (PRODUCTS.contains(English.key(tokens.get(i).word())) && after(tokens, i, tokens.get(i).clause(), OFFERS, 1)) {
                return true;
            }
        }
        return false;
    }

    /** Ways of reaching that name no conversation: whom to write to, to send a form to, to contact. */
    private static final Set<String> ADDRESSED = Set.of("contact", "email", "e-mail", "write", "message", "notify", "inform", "ask");
    /** What follows whom to contact when it is the subject asked about: "about a lost item", "for a press enquiry", "if I move". */
    private static final Set<String> SUBJECT_OPENERS = Set.of("about", "for", "regarding", "re", "concerning", "if", "when", "with", "on",
            "to", "in");

    /** The customer's matter in hand: "about this", "regarding it", "about my order". */
    private static final Set<String> THE_MATTER = Set.of("this", "it", "that", "these", "those", "my", "our");

    /**
     * A question for whom to contact about something ("Who do I contact about a lost property item
     * left on the train?", "who should we email regarding an invoice query"): who, then do / should
     * / can / would / shall, I or we, a verb of {@link #ADDRESSED}, then what it is about, named
     * (not "this", "it", "my …": the customer's matter in hand, nor nothing: "who can I contact?" asks whom to reach
     * now). The bot gives the address or the team; unlike "who do I talk to" it wants no
     * conversation (ADR 0070). Not when a person, someone, a need or urgency is named anywhere.
     */
    static boolean asksWhomToContact(List<Text.Token> tokens) {
        if (tokens.size() < 4 || tokens.size() > 24 || !tokens.get(0).word().equals("who")
                || !Set.of("do", "should", "can", "would", "shall", "could", "must").contains(tokens.get(1).word())
                || !Set.of("i", "we").contains(tokens.get(2).word()) || !ADDRESSED.contains(tokens.get(3).word())) {
            return false;
        }
        // "who can I contact" and "who can I contact about this" want someone for the matter in hand
        int clause = tokens.get(0).clause();
        if (tokens.size() < 6 || tokens.get(4).clause() != clause || !SUBJECT_OPENERS.contains(tokens.get(4).word())
                || THE_MATTER.contains(tokens.get(5).word())) {
            return false;
        }
        for (Text.Token t : tokens) {
            String key = English.key(t.word());
            if (PEOPLE.contains(key) || PhraseLexicon.PRONOUNS.contains(t.word()) || WANTED_NOW.contains(t.word()) && !Set.of("please", "pls", "plz").contains(t.word())
                    || WANTED_URGENT.contains(t.word())) {
                return false;
            }
        }
        return true;
    }

    /** People who come to the customer on a booked job: their call is part of the visit, not a way to support. */
    private static final Set<String> VISITORS = PhraseLexicon.keys("driver", "courier", "rider", "delivery", "installer", "technician",
            "engineer", "fitter", "plumber", "electrician", "surveyor", "inspector", "mover", "removal", "chauffeur", "cab", "taxi", "valet");
    /** What such a person does before coming: call, ring, text, phone, message. */
    private static final Set<String> HEADS_UP = PhraseLexicon.keys("call", "ring", "text", "phone", "message", "contact", "buzz", "notify");
    /** When the heads-up comes: "when he's outside", "before arriving", "once they're here". */
    private static final Set<String> WHEN = Set.of("when", "before", "once", "on", "after", "if", "first");

    /**
     * Whether a booked visitor will call ahead ("Will the driver call me when he's outside?", "does
     * the engineer ring before coming", "will the courier text me first"): a question opening with
     * will / does / do / would / is, then the or your and one of {@link #VISITORS}, a verb of
     * {@link #HEADS_UP} with me or us, then when it happens, or nothing. The job is booked; nobody is
     * asked to reach the customer about it (ADR 0070). Nothing urgent said.
     */
    static boolean asksIfVisitorCalls(List<Text.Token> tokens) {
        if (tokens.size() < 5 || tokens.size() > 20 || !Set.of("will", "does", "do", "would", "is", "should").contains(tokens.get(0).word())
                || !Set.of("the", "your", "ur", "my").contains(tokens.get(1).word())) {
            return false;
        }
        int clause = tokens.get(0).clause();
        for (int i = 2; i < Math.min(5, tokens.size() - 1); i++) {
            if (!VISITORS.contains(English.key(tokens.get(i).word())) || tokens.get(i).clause() != clause) {
                continue;
            }
            int verb = i + 1;
            if (tokens.get(verb).word().equals("be") || tokens.get(verb).word().equals("going")) {
                verb += tokens.get(verb).word().equals("going") && verb + 1 < tokens.size() && tokens.get(verb + 1).word().equals("to") ? 2 : 1;
            }
            if (verb + 1 >= tokens.size() || !HEADS_UP.contains(English.key(tokens.get(verb).word()))
                    || !Set.of("me", "us").contains(tokens.get(verb + 1).word())) {
                return false;
            }
            int next = verb + 2;
            boolean when = next == tokens.size() || tokens.get(next).clause() != clause || WHEN.contains(tokens.get(next).word());
            return when && tokens.stream().noneMatch(t -> WANTED_URGENT.contains(t.word()));
        }
        return false;
    }

    /** Parts of a company that are not its support: partnerships, careers, investors, suppliers. */
    private static final Set<String> FUNCTIONS = Set.of("journalist", "journalists", "partnership", "partnerships", "career", "careers",
            "vacancy", "vacancies", "recruitment", "recruiter", "recruiting", "hiring", "investor", "investors", "sponsorship",
            "sponsorships", "affiliate", "affiliates", "supplier", "suppliers", "wholesale", "reseller", "resellers", "collaboration",
            "collab", "influencer", "internship", "internships");
    /** "press" and "media" name a part of the company only before one of these: "press office", "media enquiry". */
    private static final Set<String> DESKS = Set.of("office", "enquiry", "enquiries", "inquiry", "inquiries", "team", "release", "contact",
            "department", "kit", "relations", "desk");

    /**
     * A question for a part of the company that is not its support ("who do I contact for a press
     * enquiry", "is there someone I can email about partnerships", "I'd like to know how to contact
     * your press office"): the bot gives the address; nothing urgent is said (the caller also wants
     * nothing negative said). In a long message ({@value #LONG} words or more, a ticket) the part of
     * the company must be named in a clause that reaches or names someone: "we are restructuring
     * the business from a partnership into a limited company" tells the customer's story, and the
     * request later in the ticket stands (eighteenth round, ADR 0065).
     */
    static boolean forAnotherFunction(List<Text.Token> tokens) {
        boolean function = false;
        for (int i = 0; i < tokens.size(); i++) {
            String w = tokens.get(i).word();
            if (WANTED_URGENT.contains(w)) {
                return false;
            }
            boolean named = FUNCTIONS.contains(w) || (w.equals("press") || w.equals("media")) && i + 1 < tokens.size()
                    && DESKS.contains(tokens.get(i + 1).word());
            function |= named && (tokens.size() < LONG || clauseReachesSomeone(tokens, tokens.get(i).clause()));
        }
        return function;
    }

    /** Words from which a message is a ticket rather than a chat line. */
    static final int LONG = 40;

    private static boolean clauseReachesSomeone(List<Text.Token> tokens, int clause) {
        for (Text.Token t : tokens) {
            String key = English.key(t.word());
            if (t.clause() == clause && (REACH.contains(key) || PEOPLE.contains(key) || PhraseLexicon.PRONOUNS.contains(t.word())
                    || t.word().equals("who"))) {
                return true;
            }
        }
        return false;
    }

    /** Where a company's people work: "at the branch", "in your Leeds shop", "on site". */
    private static final Set<String> WORKPLACES = PhraseLexicon.keys("branch", "shop", "store", "station", "pharmacy", "office", "site",
            "clinic", "surgery", "hospital", "airport", "terminal", "desk", "counter", "building", "depot", "showroom", "centre", "center",
            "garage", "reception", "practice", "hotel", "lobby", "library", "campus", "venue", "platform", "warehouse", "premises",
            "location", "outlet", "port", "school");
    /** Words that put the customer into such a question, which makes it a request: "is there someone I can talk to at the branch". */
    private static final Set<String> THE_CUSTOMER = Set.of("i", "i'm", "im", "i'd", "id", "i'll", "me", "us");

    /**
     * A question whether someone works at a place ("is there someone at the branch who can certify
     * documents?", "is there a pharmacist at every store", "@SouthernRail is there staff at Hove
     * station after 10pm for ramps?", fifteenth round, ADR 0058): it opens with <i>is there</i>,
     * <i>are there</i> or <i>is anyone</i>, names a place of work after <i>at</i>, <i>in</i> or
     * <i>on</i>, and says no <i>I</i> or <i>me</i>, no verb of reaching, no need, nothing urgent and
     * no human set against the bot. "is there anyone there who can help me" (no place) and "is there
     * someone at the branch I can talk to today" ask for someone. The caller also wants nothing
     * negative said.
     */
    static boolean asksWhoWorksAtAPlace(List<Text.Token> tokens) {
        if (tokens.size() < 4 || tokens.size() > 24) {
            return false;
        }
        String first = tokens.get(0).word();
        String second = tokens.get(1).word();
        if (!((first.equals("is") || first.equals("are")) && (second.equals("there") || second.equals("any")
                || PhraseLexicon.PRONOUNS.contains(second)))) {
            return false;
        }
        boolean place = false;
        for (int i = 0; i < tokens.size(); i++) {
            String w = tokens.get(i).word();
            if (THE_CUSTOMER.contains(w) || REACH.contains(English.key(w)) || WANTED.contains(w) || URGENT_OR_HUMAN.contains(w)) {
                return false;
            }
            if (w.equals("at") || w.equals("in") || w.equals("on")) {
                for (int k = i + 1; k < tokens.size() && k <= i + 3 && tokens.get(k).clause() == tokens.get(i).clause(); k++) {
                    place |= WORKPLACES.contains(English.key(tokens.get(k).word()));
                }
            }
        }
        return place;
    }

    /** Openers of a yes-or-no question. */
    private static final Set<String> YES_NO = Set.of("is", "are", "does", "do", "will", "would", "was", "were", "can", "could");
    /** The person side of "a person or a bot". */
    private static final Set<String> PERSON_SIDE = union(PEOPLE, PhraseLexicon.keys("people", "real", "live", "someone", "somebody",
            "humans"));
    /** The machine side of "a person or a bot". */
    private static final Set<String> MACHINE_SIDE = PhraseLexicon.keys("bot", "ai", "automated", "automatic", "machine", "computer", "robot",
            "chatbot", "software", "algorithm", "automation", "auto");
    /** Verbs that hand a chat over: with one of them the question asks for the person. */
    private static final Set<String> HANDING = PhraseLexicon.keys("put", "transfer", "connect", "pass", "escalate", "get", "give");

    /**
     * A question whether a channel is run by people or a machine ("is the chat on your website run
     * by real people or is it automated", "are the emails I send read by a person or an AI",
     * fifteenth round, ADR 0058): a yes-or-no question naming a person and a machine joined by
     * <i>or</i>, and no <i>me</i>, no need, nothing urgent, no verb handing the chat over and no
     * "to talk". "are you a human or a bot, put me through to a human" and "is this a bot or a
     * person? I need a person" ask for one. The caller also wants nothing negative said.
     */
    static boolean asksPersonOrMachine(List<Text.Token> tokens) {
        if (tokens.size() < 4 || tokens.size() > 20 || !YES_NO.contains(tokens.get(0).word()) || reachingTo(tokens)) {
            return false;
        }
        return personOrMachine(tokens, MACHINE_SIDE, HANDING);
    }

    /**
     * Whether the tokens name a person and one of {@code machines} joined by <i>or</i>, with no
     * <i>me / us</i>, need, urgency or word of {@code refused} (keys).
     */
    private static boolean personOrMachine(List<Text.Token> tokens, Set<String> machines, Set<String> refused) {
        boolean person = false;
        boolean machine = false;
        boolean or = false;
        for (Text.Token t : tokens) {
            String w = t.word();
            String key = English.key(w);
            if (w.equals("me") || w.equals("us") || WANTED.contains(w) || WANTED_URGENT.contains(w) || refused.contains(key)) {
                return false;
            }
            person |= PERSON_SIDE.contains(key);
            machine |= machines.contains(key);
            or |= w.equals("or");
        }
        return person && machine && or;
    }

    /** The company's people in general, subject of a question: "agents", "your advisers", "staff". */
    private static final Set<String> GROUPS = PhraseLexicon.keys("staff", "team", "people");
    private static final Set<String> DETERMINERS_OF_STAFF = Set.of("your", "ur", "the", "yr");

    /**
     * A question about what the company's people do ("do agents see my previous chats when I
     * contact support?", "can staff see my card details when I ring up?", "do your engineers carry
     * ID cards", fifteenth round, ADR 0058): it opens with <i>do</i>, <i>does</i>, <i>can</i>,
     * <i>will</i>, <i>would</i> or <i>are</i>, then (after <i>your</i> or <i>the</i>) people in the
     * plural or a group as its subject, and says no <i>me</i> or <i>us</i>, no need, nothing urgent
     * and no human set against the bot. "can your agents call me back this afternoon" asks for one.
     * The caller also wants nothing negative said.
     */
    static boolean asksWhatStaffDo(List<Text.Token> tokens) {
        if (tokens.size() < 4 || tokens.size() > 24 || !YES_NO.contains(tokens.get(0).word())) {
            return false;
        }
        int subject = DETERMINERS_OF_STAFF.contains(tokens.get(1).word()) ? 2 : 1;
        String w = tokens.get(subject).word();
        String key = English.key(w);
        boolean people = GROUPS.contains(key) || PEOPLE.contains(key) && !key.equals(w) && w.endsWith("s");
        if (!people || subject + 1 < tokens.size() && THINGS.contains(English.key(tokens.get(subject + 1).word()))) {
            return false;
        }
        for (Text.Token t : tokens) {
            String word = t.word();
            if (word.equals("me") || word.equals("us") || WANTED.contains(word) || URGENT_OR_HUMAN.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** Openers of a question about what a role is. */
    private static final Set<String> WHAT = Set.of("what", "whats", "what's", "wat");
    /** What such a question asks of the role: "what does a claims handler do", "what is the job of an underwriter". */
    private static final Set<String> ROLE_ASPECTS = Set.of("do", "job", "role", "duties", "responsibility", "responsibilities",
            "difference", "qualifications", "qualification", "mean", "means");
    /** A first person in such a question makes it a request again: "what do I do to talk to a claims handler". */
    private static final Set<String> FIRST_PERSON = Set.of("i", "me", "i'm", "im", "i'd", "we", "us", "my");

    /**
     * A question about what a role is ("what does a claims handler do", "what is the job of an
     * underwriter", "what's the difference between a loss adjuster and an assessor"): it opens with
     * <i>what</i>, names a person, asks what the role does or is, says no <i>I</i> or <i>me</i> and
     * no verb of reaching. The caller also wants nothing negative said.
     */
    static boolean asksAboutARole(List<Text.Token> tokens) {
        if (tokens.size() < 3 || !WHAT.contains(tokens.get(0).word())) {
            return false;
        }
        boolean person = false;
        boolean aspect = false;
        for (Text.Token t : tokens) {
            String w = t.word();
            String key = English.key(w);
            if (FIRST_PERSON.contains(w) || REACH.contains(key) || WANTED_URGENT.contains(w)) {
                return false;
            }
            person |= PEOPLE.contains(key);
            aspect |= ROLE_ASPECTS.contains(w);
        }
        return person && aspect;
    }

    /** Question openers of a supposition about reaching someone: "who do I contact if…", "how do I contact someone about…". */
    private static final Set<String> ASKING_OPENERS = Set.of("how", "hw", "who", "whom", "where", "what", "whats", "what's", "which", "when",
            "is", "are", "can", "could", "do", "does", "should", "would", "will");
    /** Words that make a question about reaching someone a request wherever they stand: urgency, or a person contrasted with the bot. */
    private static final Set<String> URGENT_OR_HUMAN = Set.of("now", "urgent", "urgently", "asap", "immediately", "today", "tonight",
            "human", "humans", "real", "live", "actual", "bot", "robot", "machine", "automated", "ai", "chatbot");
    /** Words that make it a request outside a supposition: "who do I contact, I need…" (but "who do I contact if I need…" supposes). */
    private static final Set<String> WANTED = Set.of("need", "needs", "want", "wanna", "please", "pls", "plz");

    /**
     * A question about reaching someone that supposes rather than asks ("Who do I contact if I have
     * a question about my pension?", "how do I contact someone about a lost parcel, just want to
     * know the options"): it opens like a question, supposes something ({@link Hypothetical}) or
     * says it only asks, says nothing urgent and nothing about a human rather than the bot, and no
     * need outside the supposition. "who do I contact if I need a real person now" still asks for one. The
     * caller also wants nothing negative said.
     */
    static boolean supposes(String raw, List<Text.Token> tokens) {
        if (tokens.size() < 3 || tokens.size() > 30 || raw.indexOf('!') >= 0) {
            return false;
        }
        boolean[] supposed = Hypothetical.supposed(tokens);
        if (!Hypothetical.any(supposed)) {
            return false;
        }
        int first = announced(tokens); // "if my package doesn't arrive, who do I contact?": the question may follow the supposition
        while (first < tokens.size() && supposed[first]) {
            first++;
        }
        if (first == tokens.size() || !ASKING_OPENERS.contains(tokens.get(first).word())) {
            return false;
        }
        boolean later = laterNeed(tokens, supposed);
        for (int i = 0; i < tokens.size(); i++) {
            String w = tokens.get(i).word();
            if (URGENT_OR_HUMAN.contains(w) && !(later && supposed[i] && !WANTED_URGENT.contains(w))
                    || !supposed[i] && WANTED.contains(w) && !othersWant(tokens, i)) {
                return false;
            }
        }
        return true;
    }

    /** What announces a question: "quick q", "quick question". */
    private static final Set<String> QUICK = Set.of("q", "qq", "question", "one", "qn", "ques");

    /** Where a question starts after "quick q -" announces it (ADR 0071), or 0. */
    private static int announced(List<Text.Token> tokens) {
        return tokens.size() > 2 && tokens.get(0).word().equals("quick") && QUICK.contains(tokens.get(1).word()) ? 2 : 0;
    }

    /** Words that put a supposed need in the future: "if I ever need a human agent later". */
    private static final Set<String> LATER = Set.of("ever", "later", "someday", "future", "eventually", "one day");

    /**
     * Whether the supposition puts the need in the future ({@link #LATER}): then a human named in it
     * is the case supposed, not the one asked for now — "if I ever need a human agent later, will
     * they see this chat history?" (ADR 0071). "if I need a human now, who do I ask" stays a request.
     */
    private static boolean laterNeed(List<Text.Token> tokens, boolean[] supposed) {
        for (int i = 0; i < tokens.size(); i++) {
            if (supposed[i] && LATER.contains(tokens.get(i).word())) {
                return true;
            }
        }
        return false;
    }

    /** A question of what a call will reach, after a supposition of calling or not: "if I ring the helpline will I get…". */
    private static final java.util.regex.Pattern WHAT_A_CALL_REACHES = java.util.regex.Pattern.compile("^(?:(?:(?:if|when|once) (?:i|we) "
            + "(?:call|ring|phone|dial|contact|try)|calling|ringing|phoning|dialling|dialing)\\b[^,?]{0,40}?,?\\s+)?"
            + "(?:will|would|do|does) (?:i|we|you|it|calling|ringing|the \\w+) "
            + "(?:usually |normally |always |just |then )?(?:get|reach|end up (?:with|on|in)|go (?:straight )?(?:to|through)|hear"
            + "|be (?:put through|connected|answered))\\b");
    /** The other side of "a real person or one of those press-1 menus". */
    private static final Set<String> RECORDED = union(MACHINE_SIDE, PhraseLexicon.keys("menu", "menus", "recording", "voicemail", "ivr",
            "options", "press", "message"));

    /**
     * A question of what a call reaches, a person or a menu ("If I ring the helpline will I get a
     * real person or one of those press-1 menus?", "when I call, do I get someone or is it
     * automated", ADR 0071): <i>will / would / do I get, reach, end up with…</i> (what happens, not
     * <i>speak</i> or <i>be able to</i>), after a supposition of calling or at the start, a person
     * and a machine or menu joined by <i>or</i>; no <i>me</i>, need or urgency. "can I get a real
     * person or is this a bot" asks with <i>can</i>, and "would I be able to speak to a person or is
     * it all automated" asks politely: both stay requests. The caller also wants nothing negative said.
     */
    static boolean asksWhatACallReaches(String raw, List<Text.Token> tokens) {
        if (tokens.size() < 5 || tokens.size() > 30 || !WHAT_A_CALL_REACHES.matcher(Text.normalize(raw).strip()).lookingAt()) {
            return false;
        }
        return personOrMachine(tokens, RECORDED, Set.of());
    }

    /** Greetings a question may open with. */
    private static final Set<String> HELLOS = Set.of("hi", "hey", "hello", "hiya", "heya", "morning", "evening", "afternoon");
    /** Hearsay a question checks: "is it true you have real people on chat now? my friend said so". */
    private static final java.util.regex.Pattern HEARSAY = java.util.regex.Pattern.compile("^(?:is it true|is that true|i heard|i've heard|ive heard"
            + "|someone told me|somebody told me|my \\w+ (?:said|told me))\\b");

    /**
     * A question whether hearsay about the company's people is true ("hi! is it true you have real
     * people on chat now? my friend said so", ADR 0071): it opens, after a greeting, with <i>is it
     * true</i>, <i>I heard</i> or <i>my friend said</i>, and says no <i>me</i>, need, urgency or
     * handing over and no talking, calling or reaching. "is it true you have real people? put me
     * through" and "I heard I can talk to a person here" ask.
     */
    static boolean checksHearsay(List<Text.Token> tokens) {
        int start = 0;
        while (start < tokens.size() && HELLOS.contains(tokens.get(start).word())) {
            start++;
        }
        if (tokens.size() - start < 4 || tokens.size() > 30 || reachingTo(tokens)) {
            return false;
        }
        StringBuilder opening = new StringBuilder();
        for (int i = start; i < Math.min(tokens.size(), start + 4); i++) {
            opening.append(i > start ? " " : "").append(tokens.get(i).word());
        }
        if (!HEARSAY.matcher(opening).lookingAt()) {
            return false;
        }
        for (int i = 0; i < tokens.size(); i++) {
            String w = tokens.get(i).word();
            if (w.equals("me") && i >= start + 4 || w.equals("us") || WANTED.contains(w) || URGENT.contains(w)
                    || HANDING.contains(English.key(w)) || TALKING.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** Ways of reaching someone that make hearsay a request: "I heard I can talk to a person here". */
    private static final Set<String> TALKING = Set.of("talk", "speak", "call", "ring", "phone", "reach", "contact");
    /** Urgency without "now", which hearsay uses for what is new ("real people on chat now"). */
    private static final Set<String> URGENT = Set.of("urgent", "urgently", "asap", "immediately");

    /** Others than the customer, as the subject of a wish: "would they ever want my PIN". */
    private static final Set<String> OTHERS = Set.of("they", "he", "she", "it", "you", "u");

    /** Whether the wish at {@code at} is someone else's: "they", "he", "you"… one or two words before it, in its clause. */
    private static boolean othersWant(List<Text.Token> tokens, int at) {
        if (!tokens.get(at).word().startsWith("need") && !tokens.get(at).word().startsWith("wan")) {
            return false; // "can you please…": politeness is the customer's
        }
        for (int k = at - 1; k >= 0 && k >= at - 2 && tokens.get(k).clause() == tokens.get(at).clause(); k--) {
            if (OTHERS.contains(tokens.get(k).word())) {
                return true;
            }
        }
        return false;
    }

    /** A group of the customer's own: "on our team", "in my company", "from our office". */
    private static final Set<String> OWN_GROUP = PhraseLexicon.keys("team", "company", "office", "side", "staff", "org", "organisation",
            "organization", "department", "family", "household", "business", "firm", "end");

    /** What a group word can describe instead: "my business account", "our family plan". */
    private static final Set<String> COMPOUNDS = union(THINGS, PhraseLexicon.keys("card", "subscription", "policy", "loan", "booking",
            "order", "contract", "mortgage", "insurance", "broadband", "line", "number", "bill", "email", "address"));

    /**
     * A person of the customer's own group ("route chats to a specific person on our team", "let
     * someone in my company see the invoices"): the person word is followed, in the same clause and
     * within five words, by on / in / from / at and my / our and a group.
     */
    static boolean ownPerson(List<Text.Token> tokens) {
        for (int i = 0; i + 3 < tokens.size(); i++) {
            if (!PEOPLE.contains(English.key(tokens.get(i).word()))) {
                continue;
            }
            int clause = tokens.get(i).clause();
            for (int k = i + 1; k + 2 < tokens.size() && k <= i + 5 && tokens.get(k + 2).clause() == clause; k++) {
                String w = tokens.get(k).word();
                String owner = tokens.get(k + 1).word();
                boolean compound = k + 3 < tokens.size() && COMPOUNDS.contains(English.key(tokens.get(k + 3).word())); // "my business account"
                if ((w.equals("on") || w.equals("in") || w.equals("from") || w.equals("at") || w.equals("of"))
                        && (owner.equals("our") || owner.equals("my")) && OWN_GROUP.contains(English.key(tokens.get(k + 2).word())) && !compound) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Words that name whom or how a request for a person reaches: people, "someone", talking, calling, support. */
    private static final Set<String> ASKED_FOR = union(union(PEOPLE, REACH), union(PhraseLexicon.keys(PhraseLexicon.PRONOUNS.toArray(String[]::new)),
            PhraseLexicon.keys("people", "callback", "support", "service", "desk", "helpline")));

    /**
     * Whether a message names nobody to reach and no way of reaching them ("do you have branches I
     * can visit?", "where can I read about your complaints procedure"): a calm question like that
     * asks about the company, however near a request for a person its sentence vector lies.
     */
    static boolean namesNobody(List<Text.Token> tokens) {
        return tokens.stream().noneMatch(t -> ASKED_FOR.contains(English.key(t.word())));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }

    private static boolean after(List<Text.Token> tokens, int i, int clause, Set<String> keys, int span) {
        for (int k = i + 1; k < tokens.size() && k <= i + span && tokens.get(k).clause() == clause; k++) {
            if (keys.contains(English.key(tokens.get(k).word()))) {
                return true;
            }
        }
        return false;
    }
}
