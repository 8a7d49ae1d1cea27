package dev.handoff.escalation.control;

import dev.handoff.platform.entity.Author;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic data for the JMH benchmarks (docs/benchmarks.md): a 200-trigger set built on the
 * shipped default topics plus 32 generated topics (so 37 topics are scored semantically), realistic
 * customer, bot and agent messages and transcripts, never-seen example texts for cold-cache
 * compiles, and a generated 5,000-example corpus. Everything is generated from fixed seeds so every
 * run measures the same work.
 */
public final class BenchmarkData {

    static final int TRIGGERS = 200;

    private BenchmarkData() {}

    // ---------------------------------------------------------------- the 200-trigger set

    private static final String[] VERBS = {
        "cancel", "close", "terminate", "delete", "end", "stop", "speak to", "talk to", "escalate to", "connect me with",
        "transfer me to", "get", "report", "file", "lodge", "make", "contact", "call", "sue", "complain about", "dispute",
        "reverse", "refund", "unsubscribe from", "remove", "downgrade", "switch off", "freeze", "block", "reset"
    };
    private static final String[] OBJECTS = {
        "my account", "the subscription", "my contract", "this plan", "the membership", "a supervisor", "your manager",
        "a human", "a real person", "someone senior", "customer care", "a complaint", "a formal complaint", "the ombudsman",
        "my lawyer", "legal action", "trading standards", "the regulator", "the charge", "my payment", "this order",
        "the delivery", "my data", "the warranty", "the repair", "my password", "two factor", "the invoice", "my card",
        "the renewal", "the upgrade", "your ceo", "the press", "social media", "my bank", "the police", "a refund",
        "compensation", "the contract terms", "the cancellation fee"
    };
    private static final String[] MODIFIERS = {
        "immediately", "right now", "today", "asap", "urgently", "again", "for good", "permanently", "at once", "this week"
    };
    private static final String[] SINGLE_WORDS = {
        "supervisor", "manager", "lawyer", "ombudsman", "complaint", "escalate", "cancellation", "representative"
    };
    private static final List<String> NEGATIONS = List.of("don't", "do not", "no need to", "never", "not going to", "won't");

    public static TriggerSetDocument twoHundredTriggers() {
        TriggerSetDocument shipped = DefaultTriggerSet.document();
        Random random = new Random(20240601);
        List<TriggerSetDocument.TriggerSpec> triggers = new ArrayList<>(shipped.triggersOrEmpty()); // 9
        List<String> topics = shipped.topicsOrEmpty().stream().map(TriggerSetDocument.TopicSpec::name).toList();

        List<String> phraseNames = new ArrayList<>();
        for (int i = 1; i <= 99; i++) {
            String name = String.format("phrase-%03d", i);
            phraseNames.add(name);
            List<String> negations = i % 3 == 0 ? NEGATIONS.subList(0, 2 + i % 4) : null;
            triggers.add(spec(name, "phrase", true, 40 + i % 50).phrases(phrases(random, 10 + random.nextInt(11))).negations(negations).build());
        }
        // 37 topic triggers: one on each of the 32 generated topics, five more on the shipped topics
        List<TriggerSetDocument.TopicSpec> generated = generatedTopics();
        List<String> topicNames = new ArrayList<>();
        for (int i = 1; i <= 37; i++) {
            String name = String.format("topic-%03d", i);
            topicNames.add(name);
            double minScore = 0.30 + 0.05 * (i % 13); // 0.30 .. 0.90
            String topic = i <= generated.size() ? generated.get(i - 1).name() : topics.get((i - generated.size() - 1) % topics.size());
            triggers.add(spec(name, "topic", true, 55 + i % 40).topic(topic).minScore(minScore).build());
        }
        List<String> sentimentNames = new ArrayList<>();
        for (int i = 1; i <= 28; i++) {
            String name = String.format("sentiment-%03d", i);
            sentimentNames.add(name);
            boolean standalone = i % 4 != 0; // every fourth only feeds combinations
            triggers.add(spec(name, "sentiment", standalone, 50 + i)
                    .threshold(-1.0 - (i % 8)) // -1 .. -8
                    .trend(i % 6 == 0 ? 0 : 2 + i % 4, 1.0 + i % 5, i % 4)
                    .build());
        }
        for (int i = 1; i <= 4; i++) {
            triggers.add(spec(String.format("bot-failure-%03d", i), "botFailure", true, 45 + i)
                    .botFailure(0.2 + 0.05 * i, "fallback", 1 + i, 0.55 + 0.1 * i).build());
        }
        List<String> customerNames = new ArrayList<>();
        String[][] tiers = {{"enterprise"}, {"gold", "platinum"}, {"premium"}, {"enterprise", "strategic"}};
        for (int i = 1; i <= 4; i++) {
            String name = String.format("customer-%03d", i);
            customerNames.add(name);
            triggers.add(spec(name, "customer", false, 0).customer(List.of(tiers[i - 1]), new BigDecimal(10_000 * i), i * 7).build());
        }
        // 19 combinations: 16 over plain triggers, 3 over earlier combinations
        List<String> comboNames = new ArrayList<>();
        for (int i = 1; i <= 16; i++) {
            String name = String.format("combination-%03d", i);
            List<String> of = new ArrayList<>();
            of.add(customerNames.get(i % customerNames.size()));
            of.add(switch (i % 3) {
                case 0 -> sentimentNames.get((i * 4 - 1) % sentimentNames.size()); // the non-standalone ones, mostly
                case 1 -> topicNames.get(i % topicNames.size());
                default -> phraseNames.get(i * 5 % phraseNames.size());
            });
            if (i % 4 == 0) {
                of.add(sentimentNames.get(i % sentimentNames.size()));
            }
            comboNames.add(name);
            triggers.add(spec(name, "combination", true, 70 + i).combination(i % 2 == 0 ? "and" : "or", of).build());
        }
        for (int i = 17; i <= 19; i++) {
            String name = String.format("combination-%03d", i);
            triggers.add(spec(name, "combination", true, 70 + i)
                    .combination(i % 2 == 0 ? "and" : "or", List.of(comboNames.get(i - 17), comboNames.get(i - 10), "frustration")).build());
        }
        if (triggers.size() != TRIGGERS) {
            throw new IllegalStateException("expected " + TRIGGERS + " triggers, built " + triggers.size());
        }
        List<TriggerSetDocument.TopicSpec> allTopics = new ArrayList<>(shipped.topicsOrEmpty());
        allTopics.addAll(generated);
        return new TriggerSetDocument(TriggerSetDocument.FORMAT, "Benchmark: 200 triggers",
                "The shipped default topics and triggers plus 32 generated topics and 191 generated triggers of every kind",
                List.copyOf(allTopics), shipped.negativesOrEmpty(), triggers);
    }

    /**
     * The 200-trigger set with {@code newExamples} added to its generated topics (spread evenly): what
     * an admin's save of a grown set compiles.
     */
    static TriggerSetDocument twoHundredTriggersPlus(List<String> newExamples) {
        TriggerSetDocument doc = twoHundredTriggers();
        List<TriggerSetDocument.TopicSpec> topics = new ArrayList<>(doc.topicsOrEmpty());
        int first = topics.size() - GENERATED_TOPICS.length;
        List<List<String>> extra = new ArrayList<>();
        for (int t = 0; t < GENERATED_TOPICS.length; t++) {
            extra.add(new ArrayList<>(topics.get(first + t).examplesOrEmpty()));
        }
        for (int i = 0; i < newExamples.size(); i++) {
            extra.get(i % GENERATED_TOPICS.length).add(newExamples.get(i));
        }
        for (int t = 0; t < GENERATED_TOPICS.length; t++) {
            TriggerSetDocument.TopicSpec old = topics.get(first + t);
            topics.set(first + t, new TriggerSetDocument.TopicSpec(old.name(), old.description(), old.keywords(), List.copyOf(extra.get(t)),
                    old.negatives()));
        }
        return new TriggerSetDocument(doc.format(), doc.name(), doc.description(), List.copyOf(topics), doc.negativeExamples(),
                doc.triggers());
    }

    // ---------------------------------------------------------------- 32 generated topics

    /** A topic's name and three ways customers name its subject. */
    private static final String[][] GENERATED_TOPICS = {
        {"gift-card", "my gift card", "the voucher code", "the gift card balance"},
        {"loyalty-points", "my loyalty points", "the reward points", "my points balance"},
        {"warranty-claim", "the warranty claim", "my warranty", "the guarantee on the fridge"},
        {"data-export", "the data export", "my csv download", "the report export"},
        {"invoice-details", "the invoice address", "the billing details on my invoice", "the vat number on the invoice"},
        {"delivery-slot", "my delivery slot", "the delivery window", "the booked time slot"},
        {"subscription-pause", "the subscription pause", "the holiday hold on my plan", "pausing my membership"},
        {"seat-licences", "our user seats", "the licence count", "the extra seats we bought"},
        {"api-limits", "the api rate limit", "our api quota", "the webhook calls"},
        {"single-sign-on", "single sign on", "the sso login", "our okta integration"},
        {"app-notifications", "the push notifications", "the app alerts", "the notification sounds"},
        {"price-match", "the price match", "the lower price I found", "your price promise"},
        {"student-discount", "the student discount", "my education discount", "the student verification"},
        {"damaged-item", "the item I received", "the product in the box", "the screen of the new tablet"},
        {"missing-parts", "the missing parts", "the screws and the manual", "one of the pieces of the desk"},
        {"return-label", "the return label", "the returns portal", "the prepaid label"},
        {"engineer-visit", "my appointment", "the engineer visit", "the booking for tuesday"},
        {"installation", "the installation", "the technician visit", "the setup of the router"},
        {"broadband-speed", "my broadband speed", "the internet connection", "the wifi at home"},
        {"roaming-charges", "the roaming charges", "my data abroad", "the roaming bundle"},
        {"insurance-claim", "my insurance claim", "the claim for the broken phone", "the excess payment"},
        {"direct-debit", "the direct debit", "my standing order", "the bank mandate"},
        {"tax-documents", "the tax documents", "my annual statement", "the tax certificate"},
        {"referral-bonus", "the referral bonus", "my invite credit", "the friend referral"},
        {"accessibility", "the screen reader support", "the large text option", "the captions on the videos"},
        {"privacy-request", "my personal data", "the data deletion request", "a copy of my data"},
        {"identity-check", "the age verification", "my id check", "the identity documents"},
        {"order-change", "my order", "the items in my basket", "the size I ordered"},
        {"pre-order", "my pre-order", "the launch day delivery", "the reserved console"},
        {"account-merge", "my two accounts", "the duplicate profiles", "my old account"},
        {"team-permissions", "the team permissions", "the admin role", "my colleague's access"},
        {"outage-credit", "the service credit", "compensation for the outage", "the downtime refund"},
    };
    private static final String[] PROBLEMS = {
        "is not working", "was never applied", "shows the wrong amount", "disappeared from my account", "was rejected",
        "has been pending for three weeks", "is wrong again", "does not match what you promised", "got cancelled without a reason",
        "keeps failing", "was paid for but never arrived", "gives an error I cannot get past", "expired before I could use it",
        "is still not sorted after two calls", "was refused by your team", "vanished after the update", "is stuck on processing",
        "charged me but did nothing", "was promised last week and still nothing", "is completely broken since friday"
    };
    private static final String[] TOPIC_OPENERS = {"", "", "hi, ", "hello, ", "ugh ", "so ", "honestly ", "excuse me, ", "hey ",
        "please help: ", "again, ", "one more thing, "};
    private static final String[] TOPIC_CLOSERS = {"", "", " please", " today", ", what is going on", " and I need it fixed",
        ", can you check", " again", " for the second time", " since monday", "!!", "?"};
    private static final String[] QUESTIONS = {
        "how do I check {s}", "where can I see {s}", "what is {s} exactly", "can you explain {s}", "is {s} available in my country",
        "thanks, {s} is fine now", "do you offer {s}", "quick question about {s}", "how long does {s} usually take",
        "where do I find the terms for {s}", "does {s} cost anything", "can I change {s} myself"
    };

    /**
     * 32 generated topics, each with 10–20 examples (opener + subject + problem + closer, five
     * problems per topic), 5–10 negatives (routine questions about the same subject) and one keyword.
     */
    static List<TriggerSetDocument.TopicSpec> generatedTopics() {
        Random random = new Random(32_3210);
        List<TriggerSetDocument.TopicSpec> out = new ArrayList<>();
        for (String[] topic : GENERATED_TOPICS) {
            String[] subjects = java.util.Arrays.copyOfRange(topic, 1, topic.length);
            List<String> problems = new ArrayList<>(List.of(PROBLEMS));
            java.util.Collections.shuffle(problems, random);
            problems = problems.subList(0, 5);
            int wantExamples = 10 + random.nextInt(11);
            Set<String> examples = new LinkedHashSet<>();
            while (examples.size() < wantExamples) {
                examples.add(TOPIC_OPENERS[random.nextInt(TOPIC_OPENERS.length)] + subjects[random.nextInt(subjects.length)] + " "
                        + problems.get(random.nextInt(problems.size())) + TOPIC_CLOSERS[random.nextInt(TOPIC_CLOSERS.length)]);
            }
            int wantNegatives = 5 + random.nextInt(6);
            Set<String> negatives = new LinkedHashSet<>();
            while (negatives.size() < wantNegatives) {
                negatives.add(QUESTIONS[random.nextInt(QUESTIONS.length)].replace("{s}", subjects[random.nextInt(subjects.length)]));
            }
            String keyword = topic[0].replace('-', ' ') + " complaint";
            out.add(new TriggerSetDocument.TopicSpec(topic[0], "Problems with " + subjects[0], List.of(keyword), List.copyOf(examples),
                    List.copyOf(negatives)));
        }
        return List.copyOf(out);
    }

    /**
     * Example texts never produced before by this generator in this JVM (so never in the encoder's
     * cache): {@code count} distinct combinations of opener, subject, problem and closer over all 32
     * topics' subjects and all problems (96 × 20 × 144 = 276,480 combinations), taken in a fixed
     * shuffled order from where the previous call stopped. None of them is an example of the 200-trigger set.
     */
    static List<String> newExamples(int count) {
        synchronized (NEW_EXAMPLES) {
            List<String> out = new ArrayList<>(count);
            while (out.size() < count) {
                long n = NEW_EXAMPLES.next();
                int subjects = GENERATED_TOPICS.length * 3;
                int s = (int) (n % subjects);
                long rest = n / subjects;
                int p = (int) (rest % PROBLEMS.length);
                rest /= PROBLEMS.length;
                int o = (int) (rest % 12);
                int c = (int) (rest / 12 % 12);
                String text = NEW_OPENERS[o] + GENERATED_TOPICS[s / 3][1 + s % 3] + " " + PROBLEMS[p] + NEW_CLOSERS[c];
                out.add(text);
            }
            return out;
        }
    }

    /** Different from the topics' own openers and closers, so a new example is never one of the set's. */
    private static final String[] NEW_OPENERS = {"right, ", "morning, ", "listen, ", "sorry but ", "well ", "ok so ", "hiya, ",
        "good evening, ", "dear team, ", "um ", "look, ", "to be clear, "};
    private static final String[] NEW_CLOSERS = {" as far as I can tell", " and nobody answers", " on my end", " this morning",
        " once more", " for a week now", " since yesterday", ", please advise", " and it is urgent", ", any idea why",
        " after your last email", " on both devices"};
    private static final Sequence NEW_EXAMPLES = new Sequence(96L * 20 * 12 * 12);

    /** Walks 0 … size-1 in a fixed pseudo-random order without repeats (an affine permutation modulo size). */
    private static final class Sequence {
        private final long size;
        private final long step;
        private long i;

        Sequence(long size) {
            this.size = size;
            this.step = 104_729; // a prime, so coprime with 276,480 = 2^11 * 3^3 * 5
        }

        long next() {
            if (i == size) {
                throw new IllegalStateException("all " + size + " new examples used");
            }
            return (i++ * step + 7_919) % size;
        }
    }

    private static List<String> phrases(Random random, int count) {
        Set<String> out = new LinkedHashSet<>();
        if (random.nextInt(4) == 0) {
            out.add(SINGLE_WORDS[random.nextInt(SINGLE_WORDS.length)]);
        }
        while (out.size() < count) {
            String phrase = VERBS[random.nextInt(VERBS.length)] + " " + OBJECTS[random.nextInt(OBJECTS.length)];
            if (random.nextInt(4) == 0) {
                phrase += " " + MODIFIERS[random.nextInt(MODIFIERS.length)];
            }
            out.add(phrase);
        }
        return List.copyOf(out);
    }

    private static Spec spec(String name, String kind, boolean standalone, int priority) {
        return new Spec(name, kind, standalone, priority);
    }

    /** A terse builder over the 24-field record. */
    private static final class Spec {
        final String name;
        final String kind;
        final boolean standalone;
        final int priority;
        List<String> phrases;
        List<String> negations;
        String topic;
        Double minScore;
        Double threshold;
        Integer trendWindow;
        Double trendDrop;
        Integer profanityRepeats;
        Double minConfidence;
        String fallbackIntent;
        Integer fallbacksInARow;
        Double repeatSimilarity;
        List<String> tiers;
        BigDecimal minAccountValue;
        Integer recentEscalationDays;
        String operator;
        List<String> of;

        Spec(String name, String kind, boolean standalone, int priority) {
            this.name = name;
            this.kind = kind;
            this.standalone = standalone;
            this.priority = Math.min(priority, 100);
        }

        Spec phrases(List<String> p) {
            phrases = p;
            return this;
        }

        Spec negations(List<String> n) {
            negations = n;
            return this;
        }

        Spec topic(String t) {
            topic = t;
            return this;
        }

        Spec minScore(double s) {
            minScore = s;
            return this;
        }

        Spec threshold(double t) {
            threshold = t;
            return this;
        }

        Spec trend(int window, double drop, int profanity) {
            trendWindow = window;
            trendDrop = drop;
            profanityRepeats = profanity;
            return this;
        }

        Spec botFailure(double confidence, String intent, int inARow, double similarity) {
            minConfidence = confidence;
            fallbackIntent = intent;
            fallbacksInARow = inARow;
            repeatSimilarity = similarity;
            return this;
        }

        Spec customer(List<String> t, BigDecimal value, int days) {
            tiers = t;
            minAccountValue = value;
            recentEscalationDays = days;
            return this;
        }

        Spec combination(String op, List<String> parts) {
            operator = op;
            of = parts;
            return this;
        }

        TriggerSetDocument.TriggerSpec build() {
            return TriggerSetDocument.TriggerSpec.of(name, kind, null, true, standalone, priority, List.of("general"), phrases,
                    negations, topic, minScore, threshold, trendWindow, trendDrop, profanityRepeats, minConfidence, fallbackIntent,
                    fallbacksInARow, repeatSimilarity, tiers, minAccountValue, recentEscalationDays, operator, of);
        }
    }

    // ---------------------------------------------------------------- messages

    /** Thirty customer messages: short and long, routine and escalating, some with typos, capitals and profanity; ten about the generated topics. */
    public static final List<String> MESSAGES = List.of(
            "hi",
            "how do I export my invoices to csv?",
            "thanks, that worked!",
            "agent please",
            "I want to talk to a humna",
            "what's the difference between the basic and the pro plan, and can I switch half way through the month?",
            "I was charged twice for March and I want my money back",
            "this is RIDICULOUS, third time I'm asking the same thing!!!",
            "someone logged into my account from another country and changed my email",
            "the app keeps crashing every time I open the reports page, I've reinstalled it twice and cleared the cache, nothing works",
            "I don't need to speak to anyone, just tell me where the settings page is",
            "can you reset my password please",
            "I'm going to cancel my subscription and file a complaint with the ombudsman if this isn't fixed today",
            "Honestly I've been a customer for six years and I have never been treated this badly. The renewal went through at a higher "
                    + "price without any warning, your chat bot keeps sending me the same useless article, and when I finally got an "
                    + "email back it was closed without an answer. I want a refund of the difference and I want to speak to a manager.",
            "where is my package",
            "this is f***ing useless",
            "Manager. Now.",
            "is there a mobile app for android",
            "my export has been stuck at 0% for three hours and my boss needs the numbers for a board meeting at 9, please help",
            "good morning! quick question about adding a colleague to our team account",
            // about the generated topics
            "my gift card balance disappeared",
            "roaming charges again??",
            "the engineer never showed up for my appointment and nobody called to say why",
            "where can I see my loyalty points",
            "Hello. I ordered a desk two weeks ago and one of the pieces is missing, the screws and the manual are not in the box "
                    + "either. I have already sent photos twice. Can you send the parts or do I have to return the whole thing?",
            "our okta integration stopped working after your update and nobody on the team can log in",
            "the student discount was never applied",
            "We have been paying for 40 seats since January but the licence count in the admin panel still says 25. Our finance "
                    + "team needs a corrected invoice before the end of the quarter, and I'd like the difference credited. Who can "
                    + "sort this out?",
            "can I change the delivery window myself",
            "please delete my personal data");

    /** What bots say: text, the bot's confidence and intent (a low confidence or a fallback fires bot-failure triggers). */
    static final List<TriggerInput.Line> BOT_LINES = List.of(
            new TriggerInput.Line(Author.BOT, "You can export your invoices under Billing > Invoices > Export.", 0.91, "export-invoices"),
            new TriggerInput.Line(Author.BOT, "Sorry, I didn't get that. Could you rephrase?", 0.21, "fallback"),
            new TriggerInput.Line(Author.BOT, "I've sent a password reset link to the email address on your account.", 0.88, "password-reset"),
            new TriggerInput.Line(Author.BOT, "Hmm, I'm not sure. Here is an article that might help: Getting started with reports.", 0.33,
                    "help-article"),
            new TriggerInput.Line(Author.BOT, "Your parcel is with the courier and should arrive tomorrow between 9 and 12.", 0.79, "order-status"),
            new TriggerInput.Line(Author.BOT, "Sorry, I still didn't understand. Could you say it differently?", 0.12, "fallback"),
            new TriggerInput.Line(Author.BOT, "The Pro plan adds unlimited reports, SSO and priority support. You can switch at any time "
                    + "and we will prorate the difference on your next invoice.", 0.74, "plans"),
            new TriggerInput.Line(Author.BOT, "Anything else I can help with?", 0.95, "smalltalk"));

    /** What agents say once they have taken a chat over. */
    static final List<String> AGENT_LINES = List.of(
            "Hi, I'm Alice from the billing team, I'm looking at your account now.",
            "I can see the two charges. I've refunded the second one, it will be back on your card in 3-5 working days.",
            "Could you tell me the email address on the account?",
            "Thanks for your patience. I've escalated this to our engineers and they'll update you by email today.",
            "ok",
            "I'm sorry about the trouble with the delivery. I've booked a new slot for Thursday morning and waived the fee.",
            "Is there anything else I can do for you today?",
            "I've reset your two-factor settings; please log in again and set up a new device.");

    static final TriggerInput.CustomerFacts[] CUSTOMERS = {
        TriggerInput.CustomerFacts.UNKNOWN,
        new TriggerInput.CustomerFacts("free", BigDecimal.ZERO),
        new TriggerInput.CustomerFacts("Enterprise", new BigDecimal("120000"), java.time.Instant.now().minusSeconds(3 * 86_400), java.time.Instant.now()),
        new TriggerInput.CustomerFacts("gold", new BigDecimal("15000")),
    };

    /** A customer line followed by a bot line (the bot's line latest), rotating customers, messages and bot lines. */
    static List<TriggerInput> botMessages() {
        List<TriggerInput> out = new ArrayList<>();
        for (int i = 0; i < BOT_LINES.size() * 2; i++) {
            TriggerInput.Line bot = BOT_LINES.get(i % BOT_LINES.size());
            List<TriggerInput.Line> lines = new ArrayList<>();
            lines.add(TriggerInput.Line.customer(MESSAGES.get(i * 3 % MESSAGES.size())));
            if (i % 2 == 1) { // a longer conversation: an earlier fallback, so fallbacks-in-a-row counts
                lines.add(new TriggerInput.Line(Author.BOT, "Sorry, I didn't get that. Could you rephrase?", 0.2, "fallback"));
                lines.add(TriggerInput.Line.customer(MESSAGES.get((i * 7 + 1) % MESSAGES.size())));
            }
            lines.add(bot);
            out.add(new TriggerInput(lines, CUSTOMERS[i % CUSTOMERS.length]));
        }
        return out;
    }

    /** An escalated conversation: the customer's message, a system line, then the agent's line (latest). */
    static List<TriggerInput> agentMessages() {
        List<TriggerInput> out = new ArrayList<>();
        for (int i = 0; i < AGENT_LINES.size() * 2; i++) {
            out.add(new TriggerInput(List.of(
                    TriggerInput.Line.customer(MESSAGES.get((i * 5 + 3) % MESSAGES.size())),
                    new TriggerInput.Line(Author.SYSTEM, "A person is joining the chat", null, null),
                    new TriggerInput.Line(Author.AGENT, AGENT_LINES.get(i % AGENT_LINES.size()), null, null)),
                    CUSTOMERS[i % CUSTOMERS.length]));
        }
        return out;
    }

    static List<TriggerInput> messages() {
        List<TriggerInput> out = new ArrayList<>();
        for (int i = 0; i < MESSAGES.size(); i++) {
            out.add(new TriggerInput(List.of(TriggerInput.Line.customer(MESSAGES.get(i))), CUSTOMERS[i % CUSTOMERS.length]));
        }
        return out;
    }

    /** Four six-line conversations (customer and bot alternating, the customer last) exercising trend, repeat and fallback checks. */
    static List<TriggerInput> transcripts() {
        return List.of(
                transcript(CUSTOMERS[0],
                        "hi, how do I change the billing address on my invoices",
                        "You can change your billing address under Settings > Billing.", 0.82, "billing-address",
                        "I don't see a billing section under settings",
                        "Sorry, I didn't get that. Could you rephrase?", 0.21, "fallback",
                        "there is NO billing section, this is getting really annoying"),
                transcript(CUSTOMERS[2],
                        "my dashboard has been blank since this morning",
                        "Try clearing your browser cache and reloading the page.", 0.66, "troubleshoot-cache",
                        "my dashboard has been blank since this morning, I already cleared the cache",
                        "Try clearing your browser cache and reloading the page.", 0.64, "troubleshoot-cache",
                        "my dashboard is still blank since this morning and clearing the cache did nothing"),
                transcript(CUSTOMERS[1],
                        "can I pay by bank transfer?",
                        "Yes, bank transfer is available on annual plans.", 0.91, "payment-methods",
                        "great, thanks",
                        "Anything else I can help with?", 0.95, "smalltalk",
                        "no that's all, have a nice day"),
                transcript(CUSTOMERS[3],
                        "you charged my card twice this month",
                        "Sorry, I didn't get that. Could you rephrase?", 0.18, "fallback",
                        "TWICE. Two charges. Same amount. Fix it.",
                        "Sorry, I didn't get that. Could you rephrase?", 0.17, "fallback",
                        "this bot is a f***ing joke, get me a person who can refund the double charge NOW"));
    }

    private static TriggerInput transcript(TriggerInput.CustomerFacts customer, String c1, String b1, double conf1, String intent1,
            String c2, String b2, double conf2, String intent2, String c3) {
        return new TriggerInput(List.of(
                TriggerInput.Line.customer(c1),
                new TriggerInput.Line(Author.BOT, b1, conf1, intent1),
                TriggerInput.Line.customer(c2),
                new TriggerInput.Line(Author.BOT, b2, conf2, intent2),
                new TriggerInput.Line(Author.SYSTEM, "The customer is typing", null, null),
                TriggerInput.Line.customer(c3)), customer);
    }

    // ---------------------------------------------------------------- training corpus

    static final String[] TRAINING_TOPICS = {"shipping-delay", "billing-dispute", "account-security", "technical-fault", "cancellation"};

    private static final String[][] SUBJECTS = {
        {"my parcel", "the package", "my order", "the delivery", "my shipment", "the courier", "the tracking", "the box", "my return", "the replacement"},
        {"the invoice", "my card", "the charge", "my bank statement", "the renewal", "the bill", "the payment", "the refund", "the fee", "my subscription price"},
        {"my account", "my password", "the login", "my email address", "two factor", "my phone number", "the security code", "my profile", "the recovery email", "my session"},
        {"the app", "the dashboard", "the export", "the sync", "the api", "the integration", "the report", "the upload", "the editor", "the mobile app"},
        {"my plan", "the contract", "my membership", "the service", "our team account", "the trial", "my subscription", "the licence", "the add-on", "the auto renewal"},
    };
    private static final String[][] PREDICATES = {
        {"has not arrived", "is two weeks late", "never showed up", "was delivered to the wrong address", "is lost", "has not moved",
            "says delivered but nothing came", "arrived damaged", "is stuck in customs", "was sent back without asking me"},
        {"charged me twice", "is wrong", "was taken without permission", "is higher than agreed", "went through after I cancelled",
            "shows a fee I never agreed to", "has not been refunded", "was billed in the wrong currency", "doubled this month", "is a mistake"},
        {"was changed without me", "got hacked", "shows a login from another country", "locked me out", "was reset by someone else",
            "is sending codes I did not ask for", "has a device I do not know", "was used to buy things", "looks compromised", "stopped accepting my password"},
        {"keeps crashing", "shows an error 500", "is completely blank", "will not load", "times out every time", "lost all my data",
            "is stuck at zero percent", "freezes when I click save", "returns the wrong numbers", "stopped working after the update"},
        {"needs to be cancelled", "should end today", "is something I want to close", "must not renew", "is not worth it any more",
            "has to stop now", "is being terminated", "should be shut down", "is something we no longer need", "needs cancelling before the renewal"},
    };
    private static final String[] OPENERS = {"", "hi, ", "hello, ", "ugh, ", "honestly ", "so ", "excuse me but ", "hey, ", "please help, ",
        "again: ", "FYI ", "quick one: "};
    private static final String[] CLOSERS = {"", " please", " today", " and I need it sorted", " what is going on", " can you check",
        " this is the second time", " again", " thanks", " asap", " since monday", " for our whole team"};
    private static final String[] ROUTINE = {
        "how do I {verb} {thing}", "where can I find {thing}", "can you explain {thing}", "is it possible to {verb} {thing}",
        "what does {thing} include", "thanks, {thing} works now", "do you support {thing}", "quick question about {thing}"
    };
    private static final String[] ROUTINE_VERBS = {"change", "export", "download", "update", "share", "rename", "print", "add", "find", "set up"};
    private static final String[] ROUTINE_THINGS = {"the dark mode", "my avatar", "the weekly report", "a colleague", "the csv export",
        "the opening hours", "the calendar view", "the pricing page", "the keyboard shortcuts", "the help centre", "my notification settings",
        "the language", "a second workspace", "the api docs", "the mobile app"};

    /** 4,000 topic examples (800 for each of five topics) and 1,000 routine negatives: 5,000 in all. */
    static Map<String, List<String>> trainingExamples() {
        Random random = new Random(5000);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int t = 0; t < TRAINING_TOPICS.length; t++) {
            Set<String> examples = new LinkedHashSet<>();
            while (examples.size() < 800) {
                examples.add(OPENERS[random.nextInt(OPENERS.length)] + SUBJECTS[t][random.nextInt(10)] + " "
                        + PREDICATES[t][random.nextInt(10)] + CLOSERS[random.nextInt(CLOSERS.length)]);
            }
            out.put(TRAINING_TOPICS[t], List.copyOf(examples));
        }
        return out;
    }

    static List<String> trainingNegatives() {
        Random random = new Random(1000);
        Set<String> negatives = new LinkedHashSet<>();
        while (negatives.size() < 1000) {
            negatives.add(OPENERS[random.nextInt(OPENERS.length)] + ROUTINE[random.nextInt(ROUTINE.length)]
                    .replace("{verb}", ROUTINE_VERBS[random.nextInt(ROUTINE_VERBS.length)])
                    .replace("{thing}", ROUTINE_THINGS[random.nextInt(ROUTINE_THINGS.length)])
                    + CLOSERS[random.nextInt(CLOSERS.length)]);
        }
        return List.copyOf(negatives);
    }
}
