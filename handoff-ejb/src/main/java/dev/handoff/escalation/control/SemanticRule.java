package dev.handoff.escalation.control;

import dev.handoff.escalation.semantic.SemanticMatch;
import java.util.Map;
import java.util.Optional;

/**
 * A phrase or sentiment trigger that also names a topic: it fires as its kind does, or when the
 * customer's message lies near the topic's examples (score at least {@code minScore}, default 0.5)
 * — so "could u get me somebody from ur team" reads as a request for a person though no phrase
 * says it.
 */
record SemanticRule(TriggerSetDocument.TriggerSpec spec, Rule inner, String label, String minScoreText) implements Rule {

    SemanticRule(TriggerSetDocument.TriggerSpec spec, Rule inner, TriggerSetDocument.TopicSpec topic) {
        this(spec, inner, spec.labelOrNull() != null ? spec.labelOrNull() : topic.label(), Rule.twoDecimals(spec.minScoreOrDefault()));
    }

    @Override
    public Optional<TriggerFiring> test(Analysis a, Map<String, TriggerFiring> fired) {
        if (inner instanceof SentimentRule && a.notAProblem()) {
            return Optional.empty(); // "my old bank was a nightmare, that's why I switched to you"
        }
        if (inner instanceof SentimentRule && a.asksHowToComplain()) {
            return Optional.empty(); // "how do I complain about a rude driver": what went wrong is what the complaint will say
        }
        if (inner instanceof SentimentRule && a.asksAboutWaiting()) {
            return Optional.empty(); // "card payment still pending after 2 days, is that normal?": waiting is the question's subject
        }
        Optional<TriggerFiring> own = inner.test(a, fired);
        if (own.isPresent() && inner instanceof PhraseRule && (NotARequest.asksAboutStaff(a.tokens()) || NotARequest.asksForChannel(a.questionTokens())
                || NotARequest.sendsSomething(a.tokens())
                || NotARequest.forOthers(a.tokens()) || NotARequest.asksAboutAppointment(a.latest.text())
                || NotARequest.aboutAFeature(a.questionTokens()) || NotARequest.ownPerson(a.tokens())
                || calmlyAsksForNobody(a))) {
            return Optional.empty(); // "are your support people around on weekends", "are you a bot or a person?", "can our customers talk to an agent?"
        }
        if (own.isPresent() || !a.customerSpoke()) {
            return own;
        }
        if (inner instanceof PhraseRule && (negatedRequest(a.tokens()) || NotARequest.applies(a.tokens())
                || NotARequest.asksAboutStaff(a.tokens()) || NotARequest.asksForChannel(a.questionTokens()) || NotARequest.forOthers(a.tokens())
                || NotARequest.sendsSomething(a.tokens())
                || NotARequest.asksAboutAppointment(a.latest.text()) || NotARequest.aboutAFeature(a.questionTokens())
                || NotARequest.ownPerson(a.tokens())
                || calmlyAsksForNobody(a))) {
            return Optional.empty(); // "I don't need to talk to anyone", "I talked to an agent yesterday": vectors read neither
        }
        if (inner instanceof PhraseRule && calmQuestion(a) && (NotARequest.namesNobody(a.tokens())
                || NotARequest.namesNobody(Text.tokens(RoutineQuestion.afterOwnAside(a.questionText()))))) {
            // "do you have branches I can visit?": a question about the company, nobody asked for; "I work in customer
            // support myself haha, respect. Anyway how do I change my billing date?": the aside names a job, the question nobody (ADR 0071)
            return Optional.empty();
        }
        if (inner instanceof SentimentRule && a.asksRoutinely()) {
            return Optional.empty(); // "where can I read about your complaints procedure": the subject of a question, not a mood
        }
        SemanticMatch match = a.semantic(spec.topic());
        if (inner instanceof SentimentRule && a.sentiment().value() > 0 && match.score() < SARCASM && !ironicPraise(a.latest.text(), a.tokens())) {
            // "I don't have any complaints" reads as positive to the lexicon, which knows negation; only a
            // very close match (sarcasm: "very helpful, said nobody ever") overrides it
            return Optional.empty();
        }
        if (match.nearestExample() != null && match.score() >= spec.minScoreOrDefault()) {
            return Optional.of(fireExactly(label, Rule.evidence(a, match, minScoreText)));
        }
        return Optional.empty();
    }

    /**
     * The signs of {@link NotARequest} and {@link NoPersonWanted} that hold only when nothing negative
     * is said: a question for another part of the company, about a role, a supposition, who works at
     * a place, whether a channel is a person or a machine, what the company's people do, feedback.
     */
    private static boolean calmlyAsksForNobody(Analysis a) {
        return a.sentiment().value() >= 0 && (NotARequest.forAnotherFunction(a.tokens()) || NotARequest.asksAboutARole(a.questionTokens())
                || NotARequest.supposes(a.latest.text(), a.questionTokens()) || NotARequest.asksWhoWorksAtAPlace(a.questionTokens())
                || NotARequest.asksPersonOrMachine(a.questionTokens()) || NotARequest.asksWhatStaffDo(a.questionTokens())
                || NotARequest.asksWhetherAvailable(a.tokens()) || NotARequest.asksForDetails(a.latest.text(), a.questionTokens())
                || NotARequest.asksIfVisitorCalls(a.questionTokens()) || NotARequest.asksWhomToContact(a.questionTokens())
                || NotARequest.asksWhatACallReaches(a.questionText(), a.questionTokens()) || NotARequest.checksHearsay(a.questionTokens())
                || NoPersonWanted.applies(a.latest.text(), a.questionTokens()));
    }

    /**
     * A routine question ({@link Analysis#asksRoutinely()}: its words of trouble are its subject,
     * "I'd like to know how to file a complaint"), or a question for information said without a
     * negative word.
     */
    private static boolean calmQuestion(Analysis a) {
        return a.asksRoutinely() || Text.infoQuestion(a.latest.text(), a.questionTokens()) && a.sentiment().value() >= 0;
    }

    /** Emoji that turn praise around in a tweet: clapping, eye-roll, upside-down face, unamused, clown, facepalm. */
    private static final java.util.regex.Pattern IRONY_MARKS = java.util.regex.Pattern.compile("[\\x{1F44F}\\x{1F644}\\x{1F643}\\x{1F612}\\x{1F921}\\x{1F926}]");
    /** A lapse stated: nothing came, nobody answered, it happened again. */
    private static final java.util.Set<String> LAPSES = java.util.Set.of("zero", "no", "nobody", "none", "never", "nothing", "still",
            "again", "another", "yet");
    /** A lapse of answer stated in so many words: "still no answer", "zero replies", "for the 6th time". */
    private static final java.util.regex.Pattern NO_ANSWER = java.util.regex.Pattern.compile("\\b(?:still no|(?:no|zero|0) "
            + "(?:answer|answers|reply|replies|response|responses|callback|call back|word)|nobody (?:has |ever )?(?:answer|repl|respond|call|got)\\w*"
            + "|for the (?:\\d+(?:st|nd|rd|th)?|second|third|fourth|fifth|sixth|tenth|hundredth|nth) time)\\b");

    /**
     * Praise turned around ("6 emails. zero replies. amazing customer service 👏👏", "wow. just wow.
     * 40 minutes and still no answer", ADR 0066): an emoji of irony ({@link #IRONY_MARKS}) beside a
     * lapse stated ({@link #LAPSES}), or a lapse of answer in so many words ({@link #NO_ANSWER}).
     * The lexicon reads the praise; the topic's score, not a near match, then decides.
     */
    static boolean ironicPraise(String raw, java.util.List<Text.Token> tokens) {
        if (raw == null) {
            return false;
        }
        return IRONY_MARKS.matcher(raw).find() && tokens.stream().anyMatch(t -> LAPSES.contains(t.word()))
                || NO_ANSWER.matcher(Text.normalize(raw)).find();
    }

    /** The semantic score that overrides a positive lexicon reading. */
    static final double SARCASM = 0.85;

    private static final java.util.Set<String> NEGATORS = java.util.Set.of("don't", "dont", "do not", "not", "never", "no",
            "without", "didn't", "didnt", "won't", "wont", "doesn't", "doesnt", "nobody");
    private static final java.util.Set<String> REQUEST_WORDS = java.util.Set.of("talk", "speak", "chat", "contact", "call", "phone",
            "ring", "human", "humans", "person", "people", "agent", "agents", "someone", "somebody", "anyone", "anybody",
            "representative", "rep", "operator", "staff", "transfer", "connect", "escalate", "callback");

    /** What a customer refuses when refusing the bot: "i don't want to chat with a machine" asks for a person. */
    private static final java.util.Set<String> MACHINES = java.util.Set.of("bot", "bots", "robot", "robots", "machine", "machines",
            "computer", "computers", "chatbot", "chatbots", "ai", "automated", "automatic", "program", "algorithm", "script");

    /**
     * A negator within four words before a request word of the same clause: "no need to talk to a
     * person" — unless what is refused, later in that clause, is a machine ("i don't want to chat with
     * a machine", "do not want to talk to a bot"): refusing the bot asks for a person.
     */
    static boolean negatedRequest(java.util.List<Text.Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!NEGATORS.contains(tokens.get(i).word())
                    || i + 1 < tokens.size() && CHANNEL_PREPOSITIONS.contains(tokens.get(i + 1).word())) {
                continue; // "with a person, not through the chat": the channel is refused, not the person
            }
            if (i + 2 < tokens.size() && AGAIN.contains(tokens.get(i + 1).word()) && CHATS.contains(tokens.get(i + 2).word())) {
                continue; // "a callback from an engineer, not another chat": one more round of this chat is refused
            }
            int clause = tokens.get(i).clause();
            for (int k = i + 1; k <= i + 4 && k < tokens.size() && tokens.get(k).clause() == clause; k++) {
                if (newWish(tokens, i, k)) {
                    break; // "my english is not good i need person": unpunctuated, a new sentence wants someone
                }
                if (REQUEST_WORDS.contains(tokens.get(k).word()) && !refusesMachine(tokens, k, clause)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** After a negator, these and then {@link #CHATS} refuse more of this chat, not a person: "not another chat", "no more chat". */
    private static final java.util.Set<String> AGAIN = java.util.Set.of("another", "more");
    private static final java.util.Set<String> CHATS = java.util.Set.of("chat", "chats");
    /** After a negator, these refuse a way of reaching, not the person: "not through the chat", "not by email". */
    private static final java.util.Set<String> CHANNEL_PREPOSITIONS = java.util.Set.of("through", "thru", "via", "over", "by", "using", "on");
    private static final java.util.Set<String> SUBJECTS = java.util.Set.of("i", "we", "i'd", "id", "we'd");
    private static final java.util.Set<String> WISH_VERBS = java.util.Set.of("need", "want", "wanna", "like", "would", "must", "have");
    /** Verbs of thought carry a negation over to what they govern: "I don't think I need an agent". */
    private static final java.util.Set<String> THOUGHTS = java.util.Set.of("think", "believe", "reckon", "guess", "suppose", "feel",
            "thought", "sure");

    /**
     * A first-person subject with a wish ("i need", "we want", "i'd like") between the negator at
     * {@code negator} and the word at {@code at}, no verb of thought between them: a new sentence
     * the customer forgot to punctuate, which the negation does not reach.
     */
    private static boolean newWish(java.util.List<Text.Token> tokens, int negator, int at) {
        String w = tokens.get(at).word();
        if (!SUBJECTS.contains(w) || at + 1 >= tokens.size() || !WISH_VERBS.contains(tokens.get(at + 1).word())
                && !w.equals("i'd") && !w.equals("id")) {
            return false;
        }
        for (int k = negator + 1; k < at; k++) {
            if (THOUGHTS.contains(tokens.get(k).word())) {
                return false;
            }
        }
        return true;
    }

    private static boolean refusesMachine(java.util.List<Text.Token> tokens, int from, int clause) {
        for (int k = from + 1; k <= from + 4 && k < tokens.size() && tokens.get(k).clause() == clause; k++) {
            if (MACHINES.contains(tokens.get(k).word())) {
                return true;
            }
        }
        return false;
    }
}
