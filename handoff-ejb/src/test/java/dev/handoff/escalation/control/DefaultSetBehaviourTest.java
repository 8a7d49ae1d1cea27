package dev.handoff.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.platform.entity.Author;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Edge cases of the shipped default set, message by message: phrasings of a request for a person
 * (typos, case, accents, full-width letters), negation, empty and very long messages, non-English
 * text, and which authors each kind of trigger listens to.
 */
class DefaultSetBehaviourTest {

    static CompiledTriggerSet set;

    @BeforeAll
    static void compile() {
        set = CompiledTriggerSet.compile(DefaultTriggerSet.document(), Lexicons.bundled());
    }

    static Decision customerSays(String text) {
        return set.evaluate(TriggerInput.of(text));
    }

    static List<String> names(Decision d) {
        return d.firings().stream().map(TriggerFiring::name).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "connect me to an agent",
        "Can I talk to someone?",
        "REAL HUMAN PLEASE",
        "i need to speak with a representative",
        "Please transfer me to a human.",
        "get me a human",
        "cna i talk to a humna",
        "I\u2019d like to talk to a human",
        "I want to sp\u00e9ak to a pers\u00f3n",
        "\uff28\uff35\uff2d\uff21\uff2e please",
        "I need    to   talk   to   a   human",
        "I don't want a bot, I want a human",
        "I don't want a refund. I want to talk to a person."
    })
    void asksForAPerson(String text) {
        Decision d = customerSays(text);
        assertTrue(names(d).contains("explicit-human-request"), () -> text + " fired " + d.firings());
        TriggerFiring f = d.firings().stream().filter(x -> x.name().equals("explicit-human-request")).findFirst().orElseThrow();
        assertFalse(f.evidence().isBlank());
        assertEquals("asked for a person", f.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I don't want to talk to an agent",
        "I don\u2019t want to talk to an agent",
        "I do not need a person, thanks",
        "no need to talk to a person, you solved it",
        "how do I add a user",
        "thanks, that helped",
        "How do I export my invoices?",
        "I want to add more agents to my plan",
        "how do refunds work?",
        "what time is it"
    })
    void routineOrNegatedMessagesStayWithTheBot(String text) {
        Decision d = customerSays(text);
        assertFalse(d.escalate(), () -> text + " fired " + d.firings());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   \t\n  "})
    void emptyMessagesFireNothing(String text) {
        assertFalse(customerSays(text).escalate());
    }

    @Test
    void aFewOtherLanguagesReachThePersonExamplesButNotThePhrases() {
        Decision d = customerSays("Ich m\u00f6chte mit einem Menschen sprechen");
        assertEquals(List.of("explicit-human-request"), names(d));
        assertTrue(d.firings().get(0).evidence().startsWith("closest to 'ich m\u00f6chte mit einem mitarbeiter sprechen'"),
                d.firings().get(0).evidence());
    }

    @Test
    void longMessagesAreEvaluatedWhole() {
        Decision slow = customerSays("The export page loads slowly when I open it. ".repeat(100).substring(0, 4000));
        assertFalse(names(slow).contains("explicit-human-request"), slow.firings().toString());
        assertTrue(customerSays("x".repeat(3975) + " please get me a human").escalate());
    }

    @Test
    void billingDisputesGoToBilling() {
        Decision d = customerSays("You charged me twice this month, I want a refund for the duplicate");
        assertTrue(names(d).contains("billing-dispute"), d.firings().toString());
        assertEquals(Optional.of("billing"), d.skill("general"));
        Decision both = customerSays("I was charged twice, let me talk to a human");
        assertTrue(names(both).containsAll(List.of("billing-dispute", "explicit-human-request")), both.firings().toString());
        assertEquals(Optional.of("billing"), both.skill("general"), "the specific skill beats the general one");
    }

    /**
     * A neutral question that names a payment, an amount or an order is no dispute: the amount is
     * what the question will be about (once a false alarm of the default set, seen in
     * InboxContextApiIT's chat).
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "Hi, a question about order #12345, the one I paid $49.99 for",
        "question about my order, i paid 49.99 for it",
        "hey quick question re the invoice for $120 I paid last week",
        "Hello, I have a question regarding my bill of $75.20",
        "regarding my payment of 35 for order 5521",
        "a question about the $89 payment to your company",
        "I paid \u00a312 for delivery on order 7781, when will it come?"
    })
    void aNeutralQuestionNamingAnAmountIsNoDispute(String text) {
        Decision d = customerSays(text);
        assertFalse(d.escalate(), () -> text + " fired " + d.firings());
    }

    /** The same openers with a claim or a demand still reach billing. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Hi, a question about order #12345, the one I paid $49.99 for, I want a refund",
        "a question about the $89 payment you took twice",
        "question about my order i paid 49.99 for it but never got it",
        "I paid $49.99 twice for order #12345"
    })
    void theSameOpenersWithAClaimStillReachBilling(String text) {
        Decision d = customerSays(text);
        assertTrue(names(d).contains("billing-dispute"), () -> text + " fired " + d.firings());
    }

    /** Ninth round: routine questions that name people, money or a product feature in passing. */
    @ParameterizedTest
    @ValueSource(strings = {
        "I paid $59.99 for the premium membership last week, does it include free returns?",
        "we paid for the annual plan in march, when is the renewal date?",
        "does your chatbot support handing off to a live agent? we're evaluating tools",
        "can the widget route chats to a human agent?",
        "can we route chats to a specific person on our team based on language",
        "how do I let someone in my company see the invoices",
        "who do i contact for a press enquiry",
        "is there someone I can email about partnerships",
        "I'd like to know how to contact your press office",
        "i spoke to an agent earlier and it's sorted, thanks",
        "how do I get my refund, the return was accepted yesterday",
        "where can I change my address, I moved last month",
        "do you offer tier 2 support on the basic plan?"
    })
    void routineQuestionsNamingPeopleOrMoneyInPassingStay(String text) {
        Decision d = customerSays(text);
        assertFalse(d.escalate(), () -> text + " fired " + d.firings());
    }

    /** The same shapes with a request, a claim, a demand or urgency still escalate. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Is it possible to get a live person on the chat?",
        "is it ok to have a real human look at this",
        "does your chatbot let me talk to a live agent?",
        "I paid $59.99 for the premium membership and you charged me twice, does it include refunds?",
        "who do i contact for a press enquiry, it's urgent, I need someone now",
        "how do I get my refund, it's been 6 weeks and you took the money twice",
        "i need to speak to someone on your team about my order",
        "I need tier 2 support",
        "the engineer did a bad job on the install, I want to speak to a manager",
        "when I press call nothing happens, I need a real person",
        "can i speak to the manager of my business account"
    })
    void theSameShapesWithARequestOrAClaimEscalate(String text) {
        Decision d = customerSays(text);
        assertTrue(d.escalate(), () -> text + " fired nothing");
    }

    /**
     * Tenth round: questions that suppose rather than say ("… if I'm not happy", "who do I contact
     * if …", "…, just want to know the options"), booking asked about without an article, a
     * conversation asked about with its channel named, question words in text-speak.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "can I get my money back if I'm not happy with the course",
        "can i cancel my subscription if i'm not happy with it",
        "Who do I contact if I have a question about my pension?",
        "if my package doesn't arrive, who do I contact?",
        "how do I contact someone about a lost parcel, just want to know the options",
        "how do i contact someone about a lost parcel, for future reference",
        "Can I talk to an advisor in branch about a mortgage? Do i need appointment?",
        "how do i chat with support on the app?",
        "how can i speak to support through whatsapp?",
        "wen will my refund come thru",
        "hw do i change my pin"
    })
    void questionsThatSupposeOrAskTheWayStay(String text) {
        Decision d = customerSays(text);
        assertFalse(d.escalate(), () -> text + " fired " + d.firings());
    }

    /** The same shapes asking now, urgently, for a human rather than the bot, or refusing the bot, escalate. */
    @ParameterizedTest
    @ValueSource(strings = {
        "who do I contact if I need a real person now",
        "how can i talk to a human if the bot cant help",
        "can i speak to a person if i have a complaint? i need one now",
        "if you can, put me through to an agent",
        "can i talk to someone please, if possible",
        "how do i talk to a real person on the app, i need help now",
        "can I speak with an advisor now? do i need an appointment? its urgent",
        "you charged me twice, if this isnt fixed today i want a refund",
        "i dont want to chat with a machine",
        "i do not want to talk to a bot anymore",
        "transfer to sales please"
    })
    void theSameShapesAskingNowOrRefusingTheBotEscalate(String text) {
        Decision d = customerSays(text);
        assertTrue(d.escalate(), () -> text + " fired nothing");
    }

    /**
     * Eleventh round (ADR 0050): a person word naming the customer's own role ("I'm a real estate
     * agent", "how do I become a rep"), whether a person is needed asked ("do I need to speak to
     * someone to … or can I do it online?"), the bot as the thing asked about ("how do I stop the bot
     * from …", "talk to the assistant by voice"), the way to book an appointment.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "I'm a real estate agent, do you offer business accounts?",
        "I'm a travel agent, how do I book for a client",
        "how do I become a rep for your brand",
        "how do I become a customer care agent",
        "do I need to speak to someone to close my account or can I do it online?",
        "do i have to call you to cancel my contract",
        "how do I stop the bot from sending me notifications",
        "how can i talk to the assistant by voice",
        "how to talk to the bot in spanish",
        "can the bot speak french?",
        "how do i book an appointment with a mortgage advisor online",
        // fifteenth round (ADR 0058): who works at a place, a person or a machine, what staff do, a want of theirs, a role named
        "is there someone at the post office counter who can witness a signature",
        "is there a pharmacist at every store",
        "are there any staff at the self checkout in the Wembley store",
        "is the helpline staffed by real people or is it a bot",
        "will a real person or the bot reply to my email",
        "do your engineers carry ID cards",
        "can pharmacists see my GP records when I ring up?",
        "if your team phone me, would they ever ask for my password?",
        "if a courier damages my parcel, who should I contact",
        "hi nurse, please can you tell me the clinic opening hours",
        "engineer please note the gate code is 4421"
    })
    void aRoleABotOrANeedAskedAboutStays(String text) {
        Decision d = customerSays(text);
        assertFalse(d.escalate(), () -> text + " fired " + d.firings());
    }

    /** The same shapes with a person asked for, urgency, or getting past the bot, escalate; so do call-backs in slang. */
    @ParameterizedTest
    @ValueSource(strings = {
        "I'm a customer, get me an agent",
        "I'm a small business owner and I need to speak to a manager now",
        "as a premium customer I want to talk to a supervisor",
        "do i need to talk to a real person to close my account? i want it done today",
        "can the bot put me through to an agent",
        "how do i get past the bot",
        "how do I book an appointment to speak with an advisor",
        "I have to speak to an assistant, can you help me?",
        "@FastFood can a manager hit me up? my order was a mess",
        "can someone from ur team get back to me",
        // fifteenth round (ADR 0058): the same shapes with the customer in them; a role with please
        "is there someone at the branch I can speak to today about my mortgage",
        "is there a manager at the store I could complain to?",
        "is anyone at the depot able to ring me, the driver is lost",
        "are you a real person or a bot? put me through to a person please",
        "is this a human or automated, i want a human",
        "can your advisers ring me tomorrow",
        "do your agents call back? please can one call me",
        "if I call, can I speak to a manager? I need one today",
        "nurse pls",
        "technician please, the box is dead",
        "solicitor pls"
    })
    void theSameShapesAskingForSomeoneEscalate(String text) {
        Decision d = customerSays(text);
        assertTrue(d.escalate(), () -> text + " fired nothing");
    }

    @Test
    void aRoleCoversEveryPersonWordOrNone() {
        assertTrue(NoPersonWanted.ownRole(Text.tokens("i'm a real estate agent")));
        assertTrue(NoPersonWanted.ownRole(Text.tokens("how do i become an agent")));
        assertFalse(NoPersonWanted.ownRole(Text.tokens("i'm an agent, get me your manager")));
        assertFalse(NoPersonWanted.ownRole(Text.tokens("i'm a customer, can someone call me")));
        assertFalse(NoPersonWanted.ownRole(Text.tokens("get me an agent")));
        assertTrue(NoPersonWanted.aboutTheBot(Text.tokens("can the bot speak french")));
        assertFalse(NoPersonWanted.aboutTheBot(Text.tokens("can i speak to an assistant")));
        assertFalse(NoPersonWanted.aboutTheBot(Text.tokens("how do i skip the bot")));
    }

    /**
     * Twelfth round (ADR 0052): thanks and praise for people who helped ask for nobody; a wished-for
     * result ("I'd like this escalated") is no story told; a person asked to reach out, whoever is on
     * duty, and CS as a desk ask for someone.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "customer service was really helpful yesterday, just want to say thanks",
        "thanks for the quick reply, the staff were very kind",
        "your customer support has always been excellent",
        "cheers to the engineer who fixed my broadband",
        "I'd like this chat emailed to me",
        "what does cs stand for on my invoice",
        // thirteenth round (ADR 0053): feedback on a person, when the team finishes, a document sent
        "how can I give feedback about an agent who was very helpful",
        "I'd like to leave a review for the advisor I chatted with",
        "what time does the support team finish today",
        "is it a real person who answers on the phone line?",
        "can someone text me the tracking number",
        "could an agent email me a copy of the invoice",
        // fourteenth round (ADR 0055): role words without a request
        "what is the job of a claims handler",
        "can I get a plumber through my home emergency cover",
        "is the dispatcher the one who plans the routes",
        "can my son be added as a contact on the account"
    })
    void thanksAndPraiseAskForNobody(String text) {
        Decision d = customerSays(text);
        assertFalse(names(d).contains("explicit-human-request"), () -> text + " fired " + d.firings());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I'd like this escalated to a team leader",
        "I want my call transferred to the fraud team",
        "please have my complaint passed to a manager",
        "the agent was great yesterday, can I talk to her again?",
        "thanks, but I still need a person",
        "hey @Brand pls have a person reach out, order 22813",
        "just tell whoever is on duty to pick this up",
        "i want to talk to cs",
        // thirteenth round (ADR 0053): a person asked to message, text or DM; text speak for talking
        "can an agent text me back today",
        "could a rep message me on whatsapp",
        "hey can someone dm me about this order",
        "hw do i tlk to a human",
        "I want to rate the agent, then put me through to her manager",
        "feedback for your staff: get me a real person",
        "DM me a real person pls",
        "can someone email me the form and then call me",
        // fourteenth round (ADR 0055): a person named by role or department, a word with, passed to, not another chat
        "I want to talk with the dispatcher about my delivery",
        "can I speak to the underwriter who priced my policy",
        "I'd like a word with the branch manager",
        "I want to be passed to the mortgage team",
        "need 2 talk 2 a rep abt my bill",
        "can I have a call from an engineer, not another chat",
        "an engineer needs to look at this",
        "can this be looked at by a real person",
        "can someone from the claims team help me"
    })
    void wishesAndPeopleAskedToReachOutEscalate(String text) {
        Decision d = customerSays(text);
        assertTrue(names(d).contains("explicit-human-request"), () -> text + " fired " + d.firings());
    }

    @Test
    void aWishedForResultIsNoStory() {
        assertTrue(NotARequest.applies(Text.tokens("i was transferred to a supervisor already")));
        assertTrue(NotARequest.applies(Text.tokens("i had my call transferred twice")));
        assertFalse(NotARequest.applies(Text.tokens("i'd like this escalated to a team leader")));
        assertFalse(NotARequest.applies(Text.tokens("i want my complaint passed to a manager")));
        assertTrue(NoPersonWanted.praises("the agent who helped me was lovely, thank you", Text.tokens("the agent who helped me was lovely, thank you")));
        assertFalse(NoPersonWanted.praises("thanks, get me an agent", Text.tokens("thanks, get me an agent")));
        assertFalse(NoPersonWanted.praises("the rep was great. agent please", Text.tokens("the rep was great. agent please")));
    }

    /** Thirteenth round (ADR 0053): feedback on a person asks for nobody; when the team closes is asked about staff. */
    @Test
    void feedbackOnAPersonIsNoRequest() {
        assertTrue(NoPersonWanted.givesFeedback(Text.tokens("where do I rate the advisor from my last chat")));
        assertTrue(NoPersonWanted.givesFeedback(Text.tokens("can I send a compliment about one of your staff")));
        assertFalse(NoPersonWanted.givesFeedback(Text.tokens("how do I leave a review of the app")), "no person");
        assertFalse(NoPersonWanted.givesFeedback(Text.tokens("feedback for the agent: I need to speak to a supervisor")));
        assertFalse(NoPersonWanted.givesFeedback(Text.tokens("I want to review my claim with an agent now")));
        assertTrue(NotARequest.asksAboutStaff(Text.tokens("what time does customer service close on saturdays")));
        assertFalse(NotARequest.asksAboutStaff(Text.tokens("what time does customer service close, I need someone")));
        // fourteenth round (ADR 0055): what a role is, asked
        assertTrue(NotARequest.asksAboutARole(Text.tokens("what does an underwriter do")));
        assertTrue(NotARequest.asksAboutARole(Text.tokens("what's the difference between a surveyor and a loss adjuster")));
        assertFalse(NotARequest.asksAboutARole(Text.tokens("what do I do to talk to a claims handler")));
        assertFalse(NotARequest.asksAboutARole(Text.tokens("what does it take to get a manager on here now")));
    }

    /** Fifteenth round (ADR 0058): who works at a place, a person or a machine, what staff do, a want of theirs. */
    @Test
    void staffPlacesAndMachinesAskedAbout() {
        assertTrue(NotARequest.asksWhoWorksAtAPlace(Text.tokens("are there staff in the depot overnight to take deliveries")));
        assertFalse(NotARequest.asksWhoWorksAtAPlace(Text.tokens("is there anyone there who can help me")), "no place");
        assertFalse(NotARequest.asksWhoWorksAtAPlace(Text.tokens("is there a clerk in the branch i could speak with")));
        assertTrue(NotARequest.asksPersonOrMachine(Text.tokens("are the emails i send read by a person or an ai")));
        assertFalse(NotARequest.asksPersonOrMachine(Text.tokens("are you a bot or a person, i need a person")));
        assertFalse(NotARequest.asksPersonOrMachine(Text.tokens("is it a real person i'm chatting with")), "no machine, no or");
        assertTrue(NotARequest.asksWhatStaffDo(Text.tokens("do agents see my notes when i call support")));
        assertFalse(NotARequest.asksWhatStaffDo(Text.tokens("can your agents call me back")));
        assertFalse(NotARequest.asksWhatStaffDo(Text.tokens("does the agent seat cost extra")), "one agent, a thing");
        assertTrue(NotARequest.supposes("if your staff ring me, would they want my pin?", Text.tokens("if your staff ring me, would they want my pin?")));
        assertFalse(NotARequest.supposes("if I call, who do I ask for, I need a person", Text.tokens("if I call, who do I ask for, I need a person")));
    }

    /** A refused channel and an unpunctuated new wish end a negation; a thought carries it. */
    @Test
    void aNegationEndsAtARefusedChannelOrANewWish() {
        assertFalse(SemanticRule.negatedRequest(Text.tokens("i need to arrange this with a person not through the chat")));
        assertFalse(SemanticRule.negatedRequest(Text.tokens("my english is not good i need person who speak portuguese")));
        assertTrue(SemanticRule.negatedRequest(Text.tokens("i don't think i need anyone")));
        assertTrue(SemanticRule.negatedRequest(Text.tokens("not by phone please i don't want to talk to anyone")));
        assertFalse(SemanticRule.negatedRequest(Text.tokens("a callback please, not another chat")), "more of this chat refused");
        assertFalse(SemanticRule.negatedRequest(Text.tokens("no more chat, someone ring me")));
        assertTrue(SemanticRule.negatedRequest(Text.tokens("no more people ringing me")), "people refused");
    }

    /** Refusing a person is still no request; refusing the bot is one. */
    @Test
    void aNegatedRequestIsOneUnlessTheBotIsRefused() {
        assertTrue(SemanticRule.negatedRequest(Text.tokens("no need to talk to a person")));
        assertTrue(SemanticRule.negatedRequest(Text.tokens("i dont need to talk to anyone, the bot answered")));
        assertFalse(SemanticRule.negatedRequest(Text.tokens("i dont want to chat with a machine")));
        assertFalse(SemanticRule.negatedRequest(Text.tokens("don't want to talk to a bot")));
    }

    /** A supposition in the past is a story: its words of trouble still claim. */
    @Test
    void onlyPresentSuppositionsAreMasked() {
        List<Text.Token> present = Text.tokens("can i get a refund if i'm not happy");
        boolean[] mask = Hypothetical.supposed(present);
        assertTrue(mask[present.size() - 1] && mask[5], "the if-clause is a supposition");
        assertFalse(mask[0]);
        assertFalse(Hypothetical.any(Hypothetical.supposed(Text.tokens("can i get a refund if i was charged twice"))));
        assertFalse(Hypothetical.any(Hypothetical.supposed(Text.tokens("put me through to someone if you can"))));
        assertTrue(Hypothetical.any(Hypothetical.supposed(Text.tokens("how do i reach someone, just want to know the options"))));
    }

    @Test
    void anUnsureBotEscalatesButBotTextNeverFiresCustomerTriggers() {
        Decision unsure = set.evaluate(new TriggerInput(List.of(new TriggerInput.Line(Author.BOT, "Maybe try again?", 0.1, "guess")), null));
        assertEquals(List.of("bot-failure"), names(unsure));
        Decision sure = set.evaluate(new TriggerInput(List.of(
                new TriggerInput.Line(Author.BOT, "Would you like to talk to an agent about your refund?", 0.95, "offer")), null));
        assertFalse(sure.escalate(), sure.firings().toString());
    }

    @ParameterizedTest
    @EnumSource(value = Author.class, names = {"AGENT", "SYSTEM"})
    void agentAndSystemMessagesFireNothing(Author author) {
        assertFalse(set.evaluate(new TriggerInput(List.of(new TriggerInput.Line(author, "get me a human, I want a refund NOW!!!", 0.0, null)),
                null)).escalate());
    }

    @Test
    void onlyTheLatestMessageIsJudged() {
        TriggerInput input = new TriggerInput(List.of(TriggerInput.Line.customer("get me a human, I want a refund"),
                new TriggerInput.Line(Author.BOT, "Sure, one moment.", 0.9, "handoff")), null);
        assertFalse(set.evaluate(input).escalate());
    }

    @Test
    void frustrationShowsItsEvidence() {
        Decision d = customerSays("This is absolutely UNACCEPTABLE, fix it immediately!!!");
        TriggerFiring f = d.firings().stream().filter(x -> x.name().equals("frustration")).findFirst()
                .orElseThrow(() -> new AssertionError(d.firings()));
        assertTrue(f.evidence().contains("unacceptable"), f.evidence());
    }
}
