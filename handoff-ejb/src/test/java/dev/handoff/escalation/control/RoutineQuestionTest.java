package dev.handoff.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Routine questions the bot answers although they name a topic's words (how-to questions, questions
 * about a payment that did not happen, questions about what a business's own customers can do),
 * and the look-alikes that still need a person. The texts are written here, not taken from the
 * evaluation sets.
 */
class RoutineQuestionTest {

    static CompiledTriggerSet set;

    @BeforeAll
    static void compile() {
        set = CompiledTriggerSet.compile(DefaultTriggerSet.document(), Lexicons.bundled());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "how do I dispute a card payment",
        "how can we report a lost passport to you",
        "what's the process for a chargeback? just curious",
        "where can I see the complaints policy",
        "how to get a replacement for a broken charger, and how long does it take",
        "pls tell me how to unlock my locked account",
        "Hi, how do I return the wrong size",
        "i was wondering where i can see my lost parcel claim",
        // fifteenth round (ADR 0058): after a supposition in the present; the way asked for; where's as a follow-up
        "if the sofa turns up scratched, how do I book a repair",
        "in case my card is lost abroad, how do I freeze it",
        "please tell me the way to change my address",
        "how do I leave a complaint about a late driver, where's the form",
    })
    void howToQuestions(String text) {
        assertTrue(RoutineQuestion.applies(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "how do I get a refund, it never arrived",
        "how do I stop someone using my card",
        "how do I get my money back, you charged me twice",
        "how do I reset my password, I've tried five times",
        "how do I reach a human!",
        "how do i report fraud on my account",
        "my card was stolen, how do I block it",
        "if I was charged twice, how do I get my money back",
        "if you don't fix this today, how do I complain to the ombudsman",
        "",
    })
    void notRoutine(String text) {
        assertFalse(RoutineQuestion.applies(text), text);
    }

    /** Fifteenth round (ADR 0058): what a complaint will say is no mood; capitals, swearing and claims still are. */
    @Test
    void theWayToComplainIsNoMood() {
        assertTrue(RoutineQuestion.howToComplain("how do I complain about a rude member of staff at your store"));
        assertTrue(RoutineQuestion.howToComplain("please tell me the way to complain for bad service in restaurant of hotel"));
        assertFalse(RoutineQuestion.howToComplain("HOW DO I COMPLAIN ABOUT THIS TERRIBLE SERVICE"));
        assertFalse(RoutineQuestion.howToComplain("how do I complain, your staff have been rude to me three times!!"));
        assertFalse(RoutineQuestion.howToComplain("how do I update my billing postcode"), "no complaint");
        assertFalse(set.evaluate(TriggerInput.of("how can I make a complaint about bad service on my flight")).escalate());
    }

    /** A short aside before a how-to question (nineteenth round, ADR 0066). */
    @Test
    void aShortAsideBeforeAHowToQuestion() {
        assertTrue(RoutineQuestion.applies("typical tuesday lol. how do I change my pin"));
        assertTrue(RoutineQuestion.applies("new here, how can I order a second card"));
        assertFalse(RoutineQuestion.applies("app crashed. how do I restart it"), "something past");
        assertFalse(RoutineQuestion.applies("charged twice. how do I get a refund"), "a claim");
        assertFalse(RoutineQuestion.applies("it's not working. how do I reset it"), "a negation");
    }

    /** A longer light aside, marked by laughter or a pivot, before a how-to question (twenty-first round, ADR 0071). */
    @Test
    void aLightAsideBeforeAHowToQuestion() {
        assertTrue(RoutineQuestion.applies("lol I am hopeless with phones. how do I turn the ringtone up"));
        assertTrue(RoutineQuestion.applies("my daughter set this up for me, bless her. anyway where do I find my statements"));
        assertTrue(RoutineQuestion.applies("I teach maths for a living haha, numbers are my thing. how can I export the budget"));
        assertFalse(RoutineQuestion.applies("lol my card got stolen again. how do I freeze it"), "a claim");
        assertFalse(RoutineQuestion.applies("my daughter set this up and it broke. anyway how do I reset it"), "something past");
        assertFalse(RoutineQuestion.applies("the weather has been lovely this week. how do I change my pin"), "neither laughter nor a pivot");
        assertEquals("how do i change my billing date?", RoutineQuestion.afterOwnAside("I work in customer support myself haha, respect. Anyway how do I change my billing date?"));
        assertEquals("lol support rep. how do i do it", RoutineQuestion.afterOwnAside("lol support rep. how do I do it"), "nothing of the customer's own");
        assertFalse(set.evaluate(TriggerInput.of("I run a call centre myself haha, respect to your team. anyway how do I update my card?")).escalate());
    }

    /** What it is about, then the way to do it oneself (nineteenth round, ADR 0066). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ugh the screen keeps dimming, is there a setting to keep it on           | true
            annoying that the sound keeps resetting. where do I set it permanently    | true
            voicemail cuts in too early, can I make it longer                         | true
            app keeps crashing, how do I fix it                                       | false
            app keeps crashing, tried reinstalling, how do I change the language      | false
            you charged me twice, how do I get a refund                               | false
            my card was blocked, how do I unblock it                                  | false
            how do I change the language                                              | false
            app keeps crashing, how do I change the language!                         | false
            there's a payment i don't recognise, how do i dispute it                  | false
            a strange login on my account from abroad, how do i log it out            | false
            money missing from my account, how do i see where it went                 | false
            the app signed me out again. where do I find the stay signed in option    | true
            the app signed me out. where do I find the stay signed in option          | false
            the app crashed again, how do I fix it                                    | false
            """)
    void theWayAskedAfterWhatItIsAbout(String text, boolean routine) {
        assertEquals(routine, RoutineQuestion.endsAskingTheWay(text), text);
    }

    @Test
    void aPaymentThatDidNotHappenIsAQuestion() {
        assertTrue(RoutineQuestion.aboutNonEvent("why did my rent transfer get rejected?"));
        assertTrue(RoutineQuestion.aboutNonEvent("the card payment at the pharmacy didnt go through, what can I do"));
        assertTrue(RoutineQuestion.aboutNonEvent("a payment I sent came back returned, why would that be"));
        assertFalse(RoutineQuestion.aboutNonEvent("the payment was declined but I was charged anyway, why?"), "money moved");
        assertFalse(RoutineQuestion.aboutNonEvent("why does my card keep getting declined"), "a repeat");
        assertFalse(RoutineQuestion.aboutNonEvent("my transfer was declined"), "no question");
        assertFalse(RoutineQuestion.aboutNonEvent("why was it declined!"), "an exclamation");
    }

    /** Waiting asked about is a question; with money taken, a refund owed, a repeat or shouting it is more. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            card payment still pending after 3 days, is that normal?                  | true
            my new card hasn't arrived yet, how long does delivery take?              | true
            the transfer is showing as pending, when will it arrive                   | true
            still pending after 3 days and you charged me twice, is that normal?      | false
            my refund still hasn't arrived, how long does it take?                    | false
            still waiting for my card, this is the third time I ask when it will come | false
            STILL WAITING FOR MY CARD, HOW LONG DOES IT TAKE                          | false
            my card hasn't arrived yet                                                | false
            """)
    void waitingAskedAbout(String text, boolean routine) {
        assertEquals(routine, RoutineQuestion.aboutWaiting(text), text);
    }

    @Test
    void sayingWhyOneAsksKeepsAQuestionPlain() {
        assertTrue(RoutineQuestion.onlyCuriousAfterFirst("why are there two holds for one booking? is that normal"));
        assertTrue(RoutineQuestion.onlyCuriousAfterFirst("why is the fee higher abroad, just wondering"));
        assertFalse(RoutineQuestion.onlyCuriousAfterFirst("why is there a fee, my plan is free"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "how do I dispute a card payment",
        "how do I report a lost card",
        "where can i read about your refund and complaints policy",
        "whats the procedure if my tablet with the app on it gets stolen",
        "the transfer to my landlord was declined, why would that happen?",
        "the top up failed because i typed the wrong expiry date, can i try again?",
        "how do i unfreeze my card, i froze it myself by mistake",
        "do you have offices I could visit?",
        "can our customers talk to a human agent through your widget?",
        "I'd like to know how to lodge a complaint about a delivery",
        "I'm waiting for my card for 10 days, is that normal?",
        "my top up is still pending, how long does it usually take?",
        "how do i complain about a delivery driver? want to know the process",
        "I don't want to complain, just asking how refunds work",
    })
    void routineQuestionsDoNotEscalate(String text) {
        Decision d = set.evaluate(TriggerInput.of(text));
        assertFalse(d.escalate(), () -> text + " fired " + d.firings());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "how do I dispute this payment, I never made it",
        "my card was declined but the money still left my account",
        "my card keeps getting declined everywhere even though I have money, tried three shops",
        "I sent money to the wrong account by mistake, can you get it back?",
        "my phone got stolen yesterday with the app logged in",
        "how can I talk to a real person",
        "can I talk to a human agent about my order?",
        "I've been waiting 2 hours for a reply, this is ridiculous",
        "could someone from your billing team call me about my invoice",
        "i would like to make a complaint about the driver who delivered my parcel",
        "I have a complaint about my last bill",
    })
    void troubleStillEscalates(String text) {
        Decision d = set.evaluate(TriggerInput.of(text));
        assertTrue(d.escalate(), () -> text + " did not escalate: " + d.firings());
    }

    @Test
    void nobodyNamedAndPeopleServed() {
        assertTrue(NotARequest.namesNobody(Text.tokens("do you have branches near me")));
        assertFalse(NotARequest.namesNobody(Text.tokens("is anyone there")));
        assertFalse(NotARequest.namesNobody(Text.tokens("can I get a callback")));
        assertTrue(NotARequest.forOthers(Text.tokens("does the widget let visitors chat with our agents")));
        assertFalse(NotARequest.forOthers(Text.tokens("our customers are waiting, I need to talk to an agent")), "the customer asks for themselves");
        assertFalse(NotARequest.forOthers(Text.tokens("can I talk to an agent")));
    }

    // Terse statements of where something stands (StatusStatement, ADR 0060): the bot answers them;
    // claims of harm want a person.

    @ParameterizedTest
    @ValueSource(strings = {
        "bank transfer to my sister still pending",
        "the cashback from last week not credited yet",
        "card payment at the petrol station was declined, why?",
        "standing order to my savings got returned",
        "cash machine swallowed my card this morning",
        "google pay isn't accepting my card",
        "can't find my debit card, can I freeze it for now",
        "charged an overseas fee on my card, what for?",
        "the grocery order shows up twice but the second is pending",
        "money left my current account but not in my savings yet",
        "just checking the change of phone number was processed",
    })
    void statesAStatus(String text) {
        assertTrue(StatusStatement.applies(text), text);
        Decision d = set.evaluate(TriggerInput.of(text));
        assertFalse(d.firings().stream().anyMatch(f -> f.name().equals("billing-dispute") || f.name().equals("account-security")
                || f.name().equals("technical-dead-end")), () -> text + " fired " + d.firings());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "the shop took the payment twice and both have gone through",
        "transfer to my sister left my account 9 days ago and still not arrived",
        "card payment declined but the money was taken anyway",
        "cash machine kept my card and didn't give me the cash",
        "I want my refund, it's still pending",
        "a pending payment I don't recognise on my card",
        "lost my card on the bus, please freeze it",
        "why is there a fee, you said transfers are free",
        "my wallet was stolen, block my card",
        "payment declined AGAIN, third time today",
        "my refund is still not showing and it was promised by Friday",
    })
    void claimsHarm(String text) {
        assertFalse(StatusStatement.applies(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "the shop took the payment twice and both have gone through",
        "cash machine kept my card and didn't give me the cash",
    })
    void harmStillEscalates(String text) {
        Decision d = set.evaluate(TriggerInput.of(text));
        assertTrue(d.escalate(), () -> text + " did not escalate: " + d.firings());
    }
}
