package dev.handoff.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Messages that name trouble without having it now (solved, the customer's own doing, a question
 * about a word or a case, another company's past, a question about the company's people), and
 * the ones that still have it. The texts are written here, not taken from the evaluation sets.
 */
class NotAProblemTest {

    static CompiledTriggerSet set;

    @BeforeAll
    static void compile() {
        set = CompiledTriggerSet.compile(DefaultTriggerSet.document(), Lexicons.bundled());
    }

    static Decision says(String text) {
        return set.evaluate(TriggerInput.of(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "the checkout froze earlier but it's working now, can I change my delivery day?",
        "card payment failed twice then went through fine, will I get a receipt by email",
        "never mind, found it in settings",
        "the login alert from Berlin was me, I'm travelling",
        "what is a chargeback?",
        "what does 2FA mean",
        "is my phone covered if it gets stolen on holiday",
        "what happens if someone hacks my account, do you refund me",
        "my old bank charged me twice every month, that's why I moved to you. how do I order a card?",
        "I got scammed on a different site years ago, how do payments work here?",
        "a text said my parcel was held and asked for a fee, we didn't click the link. who do we tell?",
        "got a weird email about my account, i never opened the attachment",
        "the top up failed because i entered the wrong card number, can i retry",
        "i paused my card myself by mistake, how do i turn it back on",
        "what do I do if my laptop with the app on it ever gets stolen",
    })
    void namesTroubleWithoutHavingIt(String text) {
        assertTrue(NotAProblem.applies(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "it works now but I was charged twice for the same order",
        "the app is working again but my balance is still wrong",
        "I was charged twice for my order",
        "someone logged in to my account from another country",
        "you switched me to another supplier without asking",
        "tried another browser and another laptop, the error is still there",
        "I didn't click anything but my savings were drained overnight",
        "i never shared my code, yet someone logged in",
        "I paid the wrong person by mistake, can you get it back",
        "i accidentally approved a login and now money is missing",
        "",
    })
    void trouble(String text) {
        assertFalse(NotAProblem.applies(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "the app crashed this morning but it's fine now. how do i turn on dark mode?",
        "what is phishing exactly?",
        "does the travel insurance cover theft of a laptop",
        "how do I report a seller for fraud",
        "are your call centre staff working on bank holidays",
        "when is the support team available",
        "are you a bot or a real person? just wondering",
        "my previous provider lost my data twice, how do I back up my photos with you?",
        "do you publish outage updates anywhere",
        "why do I pay a commission when I buy shares?",
        "how do i get a refund for a ticket i no longer need",
        "@ShopHelp what's the best way to reach customer service about a return?",
        "where can I find the support phone number",
        "I'd like to know how refunds for gift cards work",
    })
    void routineQuestionsDoNotEscalate(String text) {
        Decision d = says(text);
        assertFalse(d.escalate(), () -> text + " fired " + d.firings());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "the app works now but you charged me twice for the same month",
        "could one of your engineers get on a call with our IT team tomorrow?",
        "please put me through to the claims department",
        "can you pass me to Tom in accounts, he knows the case",
        "I need to speak to a doctor today, can you arrange it",
        "when can I talk to a person?",
        "could you ask Dana from billing to message me back about the invoice",
        "my order has to be here by saturday for the wedding, can a person look at where it is",
        "my account was hacked, someone changed my email",
        "why was I charged twice for one coffee?",
        "why is there a fee, my plan says transfers are free",
        "could you refund me the double charge from yesterday",
        "how do I talk to a real person from support",
        "how can i reach support now, i need help urgently with a missing payment",
    })
    void troubleStillEscalates(String text) {
        Decision d = says(text);
        assertTrue(d.escalate(), () -> text + " did not escalate: " + d.firings());
    }

    @Test
    void aSwornAtAccidentIsNoQuestionMood() {
        Sentiment sentiment = new Sentiment(Lexicons.bundled());
        assertEquals(0.0, sentiment.score("how do I report a player for cheating").value(), 1e-9);
        assertTrue(sentiment.score("you are cheating me out of my money").value() < 0);
        assertTrue(sentiment.score("how is this so broken!").value() < 0, "an exclamation is no calm question");
    }

    @Test
    void aQuestionAboutStaffNamesNoOneToTalkTo() {
        assertTrue(NotARequest.asksAboutStaff(Text.tokens("are your support people around on weekends")));
        assertTrue(NotARequest.asksAboutStaff(Text.tokens("is this chat a bot or a human")));
        assertFalse(NotARequest.asksAboutStaff(Text.tokens("are you a bot? I need a human")));
        assertFalse(NotARequest.asksAboutStaff(Text.tokens("when is someone going to help")));
        assertFalse(NotARequest.asksAboutStaff(List.of()));
        assertFalse(NotARequest.asksAboutStaff(Text.tokens("is it possible to speak to a human? this is urgent")),
                "reaching a person is what is asked, not whether it is one");
    }

    @Test
    void aQuestionWhetherAChannelExistsIsNoRequest() {
        assertTrue(NotARequest.asksForChannel(Text.tokens("is there a phone number for customer service")));
        assertTrue(NotARequest.asksForChannel(Text.tokens("does the app have live chat?")));
        assertTrue(NotARequest.asksForChannel(Text.tokens("do you have a human support line or only chat")), "human describes the line");
        assertTrue(NotARequest.asksForChannel(Text.tokens("how can I reach you by email")));
        assertFalse(NotARequest.asksForChannel(Text.tokens("is there a human i can chat with")), "a person is asked for");
        assertFalse(NotARequest.asksForChannel(Text.tokens("is there anyone there who can help me")), "someone is asked for");
        assertFalse(NotARequest.asksForChannel(Text.tokens("is there a number, I need to talk to someone")), "a need");
        assertFalse(NotARequest.asksForChannel(Text.tokens("do you have someone I can call")), "someone is asked for");
    }

    @Test
    void aQuestionWhetherToBookIsNoRequest() {
        assertTrue(NotARequest.asksAboutAppointment("do I need an appointment to speak with a pharmacist in your stores?"));
        assertTrue(NotARequest.asksAboutAppointment("can I talk to someone in branch without an appointment or do I need to book"));
        assertFalse(NotARequest.asksAboutAppointment("I need to speak to someone today, do I need an appointment?"), "urgent");
        assertFalse(NotARequest.asksAboutAppointment("can I talk to someone in branch"));
        assertFalse(NotARequest.asksAboutAppointment("I want to talk to someone without an appointment"), "no question");
    }

    @Test
    void theTrashFolderIsNoMood() {
        Sentiment sentiment = new Sentiment(Lexicons.bundled());
        assertEquals(0.0, sentiment.score("how do I restore a deleted project from trash").value(), 1e-9);
        assertEquals(0.0, sentiment.score("where is the trash folder").value(), 1e-9);
        assertTrue(sentiment.score("your app is trash").value() < 0);
    }

    @Test
    void aQuestionForTheWayToSupportIsNoRequest() {
        assertTrue(NotARequest.asksForChannel(Text.tokens("how can I email your support team")));
        assertTrue(NotARequest.asksForChannel(Text.tokens("what is the customer service number")));
        assertFalse(NotARequest.asksForChannel(Text.tokens("how can I contact an employee")), "a person is asked for");
        assertFalse(NotARequest.asksForChannel(Text.tokens("how do I talk to support")), "a conversation is asked for");
        assertFalse(NotARequest.asksForChannel(Text.tokens("what's the fastest way to reach support, I need help now")), "a need");
        assertFalse(NotARequest.asksForChannel(Text.tokens("please contact support for me")), "no question");
    }

    /** A question about someone that then hands over to them asks for them (nineteenth round, ADR 0066). */
    @Test
    void aWhoQuestionThatHandsOverIsARequest() {
        assertFalse(NotARequest.applies(Text.tokens("who's the manager on duty? put them on")));
        assertFalse(NotARequest.applies(Text.tokens("who is in charge today, get him")));
        assertTrue(NotARequest.applies(Text.tokens("who is the contact person for my account")));
        assertTrue(NotARequest.applies(Text.tokens("who's the manager at the leeds branch? put it on my file")), "it is no person");
        assertTrue(says("whos the duty manager today? put them on please").escalate());
    }

    /** The bot named beside a person asked for elsewhere in the message (nineteenth round, ADR 0066). */
    @Test
    void aBotNamedBesideAPersonIsNoStory() {
        assertFalse(NotARequest.applies(Text.tokens("the virtual assistant could not help. could someone from your team phone me")));
        assertTrue(NotARequest.applies(Text.tokens("the virtual assistant answered my question")));
        assertTrue(NotARequest.applies(Text.tokens("the ai agent said my parcel is on the way, thanks")));
    }

    /** "not sure if", "let me know if": an indirect question, no supposition (nineteenth round, ADR 0066). */
    @Test
    void ifAfterAVerbOfKnowingSupposesNothing() {
        assertFalse(Hypothetical.any(Hypothetical.supposed(Text.tokens("I'm not sure if we should still come in"))));
        assertFalse(Hypothetical.any(Hypothetical.supposed(Text.tokens("can you check if my card is active"))));
        assertTrue(Hypothetical.any(Hypothetical.supposed(Text.tokens("who do I contact if my card is lost"))));
        assertTrue(says("can a pharmacist call me back? my daughter has a rash and I'm not sure if I should give her the cream").escalate());
    }

    /** The details of a channel asked for beside reaching someone (nineteenth round, ADR 0066). */
    @Test
    void aChannelsDetailsAskedForAreNoRequest() {
        assertTrue(NotARequest.asksForDetails("is there a way to talk to an adviser about loans, like what are your opening hours",
                Text.tokens("is there a way to talk to an adviser about loans, like what are your opening hours")));
        assertTrue(NotARequest.asksForDetails("um whats the number to ring if i want to speak to someone about my pension like what are the hours",
                Text.tokens("whats the number to ring if i want to speak to someone about my pension like what are the hours")));
        assertFalse(NotARequest.asksForDetails("I need to speak to a real person, what's your number?",
                Text.tokens("I need to speak to a real person, what's your number?")), "a need");
        assertFalse(NotARequest.asksForDetails("can I talk to someone now? what are the hours",
                Text.tokens("can I talk to someone now? what are the hours")), "urgent");
        assertFalse(NotARequest.asksForDetails("can I talk to someone about my loan", Text.tokens("can I talk to someone about my loan")), "no details");
        assertFalse(says("is there a way to talk to an adviser about loans, like what are your opening hours").escalate());
    }

    /** Fillers of speech before a question and a calm aside after it (nineteenth round, ADR 0066). */
    @Test
    void fillersAndACalmAsideFrameAQuestion() {
        assertEquals("how do I close my account", Text.withoutFillers("yeah so um how do I close my account"));
        assertEquals("what's my balance", Text.withoutFillers("uh, ok, what's my balance"));
        assertEquals("solar panels", Text.withoutFillers("solar panels"), "no filler");
        assertEquals("so", Text.withoutFillers("so"), "nothing after it");
        assertEquals("how do I email the billing team?", Text.withoutCalmTail("how do I email the billing team? not urgent"));
        assertEquals("what is the claims address,", Text.withoutCalmTail("what is the claims address, no rush thanks"));
        assertEquals("this is not urgent", Text.withoutCalmTail("this is not urgent"), "no clause before it");
        assertFalse(says("yeah um what's the best way to contact the claims department, email or phone? not urgent").escalate());
        assertTrue(says("yeah um can I talk to a real person").escalate());
    }

    /** A booked visitor who calls ahead, whom to write to, a program or a quality named with a person word (twentieth round, ADR 0070). */
    @Test
    void aPersonWordThatAsksForNobody() {
        assertTrue(NotARequest.asksIfVisitorCalls(Text.tokens("will the courier text me before he arrives")));
        assertTrue(NotARequest.asksIfVisitorCalls(Text.tokens("does the engineer ring us first")));
        assertTrue(NotARequest.asksIfVisitorCalls(Text.tokens("is the technician going to call me when he's close?")));
        assertFalse(NotARequest.asksIfVisitorCalls(Text.tokens("will the manager call me back")), "no visitor");
        assertFalse(NotARequest.asksIfVisitorCalls(Text.tokens("will the engineer call me today, it's urgent")), "urgent");
        assertFalse(NotARequest.asksIfVisitorCalls(Text.tokens("will the engineer call me about the complaint")), "not about the visit");
        assertTrue(NotARequest.asksWhomToContact(Text.tokens("who do I contact about a missing library card")));
        assertTrue(NotARequest.asksWhomToContact(Text.tokens("who should we email regarding a supplier invoice")));
        assertFalse(NotARequest.asksWhomToContact(Text.tokens("who do I talk to about my bill")), "a conversation");
        assertFalse(NotARequest.asksWhomToContact(Text.tokens("who do I contact, I need someone now")), "someone, now");
        assertFalse(NotARequest.asksWhomToContact(Text.tokens("who do I contact in your billing team")), "a person word");
        assertFalse(NotARequest.asksWhomToContact(Text.tokens("who can I contact")), "nothing asked about: whom to reach now");
        assertFalse(NotARequest.asksWhomToContact(Text.tokens("who can I contact about this")), "this: the matter in hand");
        assertTrue(NotARequest.applies(Text.tokens("which user agent does the api accept")));
        assertTrue(NotARequest.applies(Text.tokens("the monitoring agent on my server is offline")));
        assertTrue(NotARequest.applies(Text.tokens("the human verification puzzle won't load")));
        assertTrue(NotARequest.applies(Text.tokens("is there a travel agent fee")));
        assertFalse(NotARequest.applies(Text.tokens("can I have a human please")));
        assertFalse(says("Will the driver ring me when she's at the gate?").escalate());
        assertFalse(says("Who do I contact about an umbrella I left on the bus?").escalate());
        assertFalse(says("ha the 'human check' captcha is a puzzle. anyway where do I see my statements?").escalate());
        assertTrue(says("will someone call me back today").escalate());
    }

    /** A topic's keyword denied right before it names no trouble (twentieth round, ADR 0070). */
    @Test
    void aDeniedKeywordNamesNoTrouble() {
        String[] hacked = {"hacked"};
        assertFalse(TopicRule.affirmed(Text.tokens("just updating my password, not hacked or anything"), hacked));
        assertFalse(TopicRule.affirmed(Text.tokens("i have never been hacked"), hacked));
        assertTrue(TopicRule.affirmed(Text.tokens("i think i've been hacked"), hacked));
        assertTrue(TopicRule.affirmed(Text.tokens("not sure how but i was hacked"), hacked), "the denial is of another word");
        assertTrue(TopicRule.affirmed(Text.tokens("the app is still not working"), new String[] {"still", "not", "working"}), "the keyword's own negation");
        assertFalse(says("how do I turn on 2fa, nothing stolen, just being careful").escalate());
        assertTrue(says("my card was stolen, not lost").escalate());
    }

    /** One of the company's people fixed it, with thanks, before the next question (twentieth round, ADR 0070). */
    @Test
    void aFixByStaffWithThanksIsSolved() {
        assertTrue(NotAProblem.applies("your engineer sorted the boiler this morning, thank you. how do I book the annual service?"));
        assertTrue(NotAProblem.applies("the agent yesterday fixed my login, brilliant. quick one: where are my statements"));
        assertFalse(NotAProblem.applies("the engineer fixed my boiler, thanks, but now it leaks"), "it did not hold");
        assertFalse(NotAProblem.applies("your tech fixed my router last week, great, now it drops every night"), "it did not hold");
        assertFalse(NotAProblem.applies("your engineer fixed my boiler last week"), "no thanks, no praise");
    }

    /** A past trouble told as over before the next question (twenty-first round, ADR 0071). */
    @Test
    void aPastTroubleToldAsOverIsNone() {
        assertTrue(NotAProblem.applies("my wallet was pinched in june and you replaced the card fast. how do I raise the contactless limit?"));
        assertTrue(NotAProblem.applies("the tablet froze constantly last winter but it's been fine since the patch. can I add a second user?"));
        assertTrue(NotAProblem.applies("the broadband outage on friday is over for our street now, where do you post planned works?"));
        assertTrue(NotAProblem.applies("the duplicate payment in may was refunded ages ago. can I move my direct debit date?"));
        assertTrue(NotAProblem.applies("we had a fraud scare last spring but that's long settled. how do I add my partner to the account?"));
        assertTrue(NotAProblem.applies("I cancelled the callback I booked, found it in the faq. where do I update my address?"));
        assertFalse(NotAProblem.applies("you replaced my card last week but it's been declined twice today"), "the trouble is back");
        assertFalse(NotAProblem.applies("you never refunded the course fee"), "denied, not done");
        assertFalse(NotAProblem.applies("it was refunded last week but it hasn't arrived"), "not arrived");
        assertFalse(NotAProblem.applies("my complaint was closed without anyone contacting me"), "closed is no all-clear");
        assertFalse(NotAProblem.applies("I cancelled the callback because nobody called, I've been waiting 3 days"), "a lapse after it");
        assertTrue(says("the outage is over they say but my internet is still down").escalate());
    }

    /** A trouble denied now, or the reason for asking, said after the question (twenty-first round, ADR 0071). */
    @Test
    void aTroubleDeniedNowIsNone() {
        assertTrue(NotAProblem.applies("can a card be blocked by an app update? asking for my daughter, nothing's happened yet"));
        assertTrue(NotAProblem.applies("what does status 429 mean in the webhook logs? not blocking us, just saw it once"));
        assertTrue(NotAProblem.applies("which address do I send a warranty claim to, no claim right now"));
        assertFalse(NotAProblem.applies("there's a payment I don't recognise, nothing's happened like this before"), "not the end of a clause");
        assertFalse(NotAProblem.applies("my account was hacked. nothing's happened yet with the money"), "harm told");
        assertFalse(NotAProblem.applies("not blocking me, but I was charged twice"), "a trouble after but");
    }

    /** A keyword that names a service in a question is no trouble (twenty-first round, ADR 0071). */
    @Test
    void aKeywordNamingAServiceInAQuestionIsNoTrouble() {
        String[] stolen = {"stolen"};
        assertFalse(TopicRule.affirmed(Text.tokens("what's the number of the lost and stolen cards line"), stolen));
        assertFalse(TopicRule.affirmed(Text.tokens("how does the stolen phone cover work"), stolen));
        assertTrue(TopicRule.affirmed(Text.tokens("my stolen card was used"), stolen));
        assertTrue(TopicRule.affirmed(Text.tokens("stolen card line please"), stolen), "a line asked for, not asked about");
        assertFalse(says("what's the hotline for lost and stolen cards line, jotting it down for the fridge").escalate());
        assertTrue(says("my card was stolen at the station, block it").escalate());
    }

    /** What a call reaches, hearsay checked, a need put later, a number kept for later (twenty-first round, ADR 0071). */
    @Test
    void questionsAboutPeopleThatAskForNobody() {
        assertTrue(NotARequest.asksWhatACallReaches("when I phone the surgery do I get a receptionist or a recorded menu?",
                Text.tokens("when I phone the surgery do I get a receptionist or a recorded menu?")));
        assertTrue(NotARequest.asksWhatACallReaches("calling the bank, will I reach a person or the automated options?",
                Text.tokens("calling the bank, will I reach a person or the automated options?")));
        assertFalse(NotARequest.asksWhatACallReaches("would I be able to speak to a person or is it all automated?",
                Text.tokens("would I be able to speak to a person or is it all automated?")), "a polite request");
        assertFalse(NotARequest.asksWhatACallReaches("can I get a real person or is this a bot", Text.tokens("can I get a real person or is this a bot")));
        assertFalse(NotARequest.asksWhatACallReaches("if I call will I get a person or a menu? I need one now",
                Text.tokens("if I call will I get a person or a menu? I need one now")), "need, now");
        assertTrue(NotARequest.checksHearsay(Text.tokens("hey, I heard there are actual humans on the chat now?")));
        assertTrue(NotARequest.checksHearsay(Text.tokens("is it true your advisers work weekends now")));
        assertFalse(NotARequest.checksHearsay(Text.tokens("is it true you have real people? put me through")), "handing over");
        assertFalse(NotARequest.checksHearsay(Text.tokens("I heard I can talk to a person here")), "talking");
        assertFalse(says("quick question - if I ever want a live agent down the line, do they get my chat log?").escalate());
        assertTrue(says("quick question - if I need a human now, can you put me through").escalate());
        assertFalse(says("do you have a phone number for the pensions team? just saving it for later").escalate());
        assertTrue(says("is there a phone number for the pensions team, I need to speak to them today").escalate());
    }

    /** Requests said with a tier or a human touch (twenty-first round, ADR 0071). */
    @Test
    void aTierOrAHumanTouchIsAsked() {
        assertTrue(says("can you escalate this to tier 2, I've done every step on the help page").escalate());
        assertTrue(says("honestly this needs a human touch, it's a funeral order").escalate());
    }

    @Test
    void askingTheCompanyToActIsNoPlainQuestion() {
        assertTrue(Text.asksToAct(Text.tokens("can you refund the delivery charge")));
        assertTrue(Text.asksToAct(Text.tokens("could someone check my order")));
        assertFalse(Text.asksToAct(Text.tokens("can i pay by card")));
    }
}
