package dev.handoff.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.conversation.entity.Author;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BuiltInTriggersTest {

    private static final double THRESHOLD = 0.5;

    private final BuiltInTriggers triggers = new BuiltInTriggers(THRESHOLD);

    private Decision customerSays(String text) {
        return triggers.evaluate(TriggerInput.of(text));
    }

    private Decision botSays(String text, Double confidence) {
        return triggers.evaluate(new TriggerInput(List.of(new TriggerInput.Line(Author.BOT, text, confidence)), null));
    }

    private static List<String> names(Decision decision) {
        return decision.firings().stream().map(TriggerFiring::name).toList();
    }

    private static TriggerFiring firing(Decision decision, String name) {
        return decision.firings().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " did not fire: " + decision.firings()));
    }

    // --- explicit request for a person -------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
            "connect me to an agent",
            "Can I talk to someone?",
            "REAL HUMAN PLEASE",
            "i need to speak with a representative",
            "I want to speak to a person",
            "Please transfer me to a human.",
            "get me a human",
            "Give me a real person",
            "Let me chat with somebody from customer service",
            "Can I reach a supervisor?",
            "I'd like to talk to your manager",
            "human please",
            "human pls",
            "HUMAN NOW!!!",
            "is there an actual person there?",
            "Am I talking to a human being?",
            "I want a live agent",
            "escalate this to a real agent",
            "this bot is useless. connect me with an operator",
            "I need    to   talk   to   a   human", // runs of whitespace collapse
            "I\u2019d like to talk to a human", // curly apostrophe
            "I want to sp\u00e9ak to a pers\u00f3n", // accents are folded away
            "\uff28\uff35\uff2d\uff21\uff2e please", // full-width letters fold to ASCII (NFKD)
    })
    void asksForAPerson(String text) {
        Decision decision = customerSays(text);

        assertTrue(decision.escalate(), text);
        assertEquals(List.of(BuiltInTriggers.HUMAN_REQUEST), names(decision), text);
        TriggerFiring f = firing(decision, BuiltInTriggers.HUMAN_REQUEST);
        assertEquals("general", f.skill());
        assertEquals(80, f.priority());
        assertFalse(f.evidence().isBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "I don't want to talk to an agent",
            "I don\u2019t want to talk to an agent", // curly apostrophe, still negated
            "I dont need a human",
            "I do not need a person, thanks",
            "I never want to speak to a manager",
            "how do I add a user",
            "thanks, that helped",
            "How do I export my invoices?",
            "The humanities department uses your product", // "human" only as a word, not inside words
            "what time is it",
            "My agentless setup broke", // no whole-word match inside "agentless"
    })
    void doesNotFireWithoutARequestForAPerson(String text) {
        Decision decision = customerSays(text);

        assertFalse(decision.escalate(), () -> text + " fired " + decision.firings());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   \t\n  "})
    void emptyOrWhitespaceTextFiresNothing(String text) {
        assertEquals(Decision.NONE, customerSays(text));
    }

    @ParameterizedTest
    @NullSource
    void nullTextFiresNothing(String text) {
        assertFalse(customerSays(text).escalate());
    }

    @Test
    void germanIsNotSupported() {
        // Only English phrasings are recognised; a German request for a person does not escalate.
        assertFalse(customerSays("Ich m\u00f6chte mit einem Menschen sprechen").escalate());
        assertFalse(customerSays("Bitte verbinden Sie mich mit einem Mitarbeiter").escalate());
    }

    @Test
    void longTextWithoutTriggerWordsIsQuickAndFiresNothing() {
        String text = "The export page loads slowly when I open it. ".repeat(100).substring(0, 4000);
        assertEquals(4000, text.length());

        Decision decision = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> customerSays(text));

        assertFalse(decision.escalate());
    }

    @Test
    void longTextFullOfNegatedRequestsIsStillQuick() {
        String text = "i don't want to talk to an agent ".repeat(125).substring(0, 4000);

        Decision decision = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> customerSays(text));

        assertFalse(decision.escalate(), () -> decision.firings().toString());
    }

    @Test
    void longTextEndingInARequestFires() {
        String text = "x".repeat(3975) + " please get me a human";

        Decision decision = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> customerSays(text));

        assertEquals(List.of(BuiltInTriggers.HUMAN_REQUEST), names(decision));
    }

    @Test
    void humanRequestEvidenceIsTheMatchedWordsInLowerCase() {
        TriggerFiring f = firing(customerSays("Please CONNECT me to an Agent."), BuiltInTriggers.HUMAN_REQUEST);

        assertEquals("connect me to an agent", f.evidence());
        assertEquals("The customer asked for a person: \"connect me to an agent\"", f.reason());
    }

    @Test
    void everyDistinctPhraseIsEvidenceOnce() {
        TriggerFiring f = firing(customerSays("get me a human. get me a human. a real person!"),
                BuiltInTriggers.HUMAN_REQUEST);

        assertEquals("get me a human, real person", f.evidence());
        assertEquals("The customer asked for a person: \"get me a human\", \"real person\"", f.reason());
    }

    @Test
    void aNegatedPhraseDoesNotHideALaterRequestInAnotherSentence() {
        Decision decision = customerSays("I don't want a refund. I want to talk to a person.");

        assertEquals(List.of(BuiltInTriggers.HUMAN_REQUEST, BuiltInTriggers.BILLING), names(decision));
        assertEquals("want to talk to a person", firing(decision, BuiltInTriggers.HUMAN_REQUEST).evidence());
    }
    @Test
    void noNeedToTalkToAPersonIsNegated() {
        assertFalse(customerSays("no need to talk to a person, you solved it").escalate());
    }
    @Test
    void aNegatedBotRequestFollowedByARequestForAHumanFires() {
        assertTrue(customerSays("I don't want a bot, I want a human").escalate());
    }
    @Test
    void askingToBuyAgentSeatsIsNotARequestForAPerson() {
        assertFalse(customerSays("I want to add more agents to my plan").escalate());
    }

    // --- billing and refunds -----------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            I was charged twice this month       | charged twice
            You double charged me!               | double charged
            I want a refund                      | refund
            Where are my refunds?                | refunds
            I want my money back                 | money back
            I'll file a chargeback               | chargeback
            I'll file a charge back              | charge back
            you billed me 2x                     | billed me 2x
            I was overcharged                    | overcharged
            There is a double-charge on my card  | double-charge
            I am disputing this charge           | disputing this charge
            there is an unauthorized charge      | unauthorized charge
            an unauthorised payment appeared     | unauthorised payment
            I see a duplicate transaction        | duplicate transaction
            I think there is a billing error     | billing error
            my payment failed                    | payment failed
            My payment didn\u2019t go through    | payment didn't go through
            Has my order been REFUNDED yet?      | refunded
            """)
    void billingWordsFireWithTheMatchAsEvidence(String text, String evidence) {
        Decision decision = customerSays(text);

        assertEquals(List.of(BuiltInTriggers.BILLING), names(decision), text);
        TriggerFiring f = firing(decision, BuiltInTriggers.BILLING);
        assertEquals(evidence, f.evidence());
        assertEquals("billing", f.skill());
        assertEquals(60, f.priority());
        assertEquals("Billing or refund words: \"" + evidence + "\"", f.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "How do I update my billing address?",
            "I was charged correctly, thanks",
            "Send the invoice to accounting",
            "Can I get my password back?",
            "refunding is not possible, I know", // "refunding" is not in the word list
            "my payment method is a card",
    })
    void billingDoesNotFireOnOrdinaryAccountTalk(String text) {
        assertFalse(customerSays(text).escalate(), text);
    }

    @Test
    void severalBillingPhrasesAreJoinedInOrderOfTheRules() {
        TriggerFiring f = firing(customerSays("You charged me twice, I want a refund or my money back"),
                BuiltInTriggers.BILLING);

        assertEquals("charged me twice, refund, money back", f.evidence());
    }

    @Test
    void billingAndHumanRequestBothFire() {
        Decision decision = customerSays("I was charged twice, let me talk to a human");

        assertEquals(List.of(BuiltInTriggers.HUMAN_REQUEST, BuiltInTriggers.BILLING), names(decision));
        assertEquals(Optional.of("billing"), decision.skill("general"));
        assertEquals(80, decision.priority());
        assertEquals(BuiltInTriggers.HUMAN_REQUEST, decision.leading().orElseThrow().name());
    }

    // --- bot confidence ----------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"0.0, 0.00", "0.1, 0.10", "0.49, 0.49", "0.499, 0.50"})
    void botBelowThresholdFires(double confidence, String shown) {
        Decision decision = botSays("Try Settings > Export.", confidence);

        assertEquals(List.of(BuiltInTriggers.BOT_UNSURE), names(decision));
        TriggerFiring f = firing(decision, BuiltInTriggers.BOT_UNSURE);
        assertEquals("confidence=" + shown, f.evidence());
        assertEquals("The bot's confidence " + shown + " is below 0.50", f.reason());
        assertEquals("general", f.skill());
        assertEquals(40, f.priority());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 0.51, 0.9, 1.0})
    void botAtOrAboveThresholdDoesNotFire(double confidence) {
        assertFalse(botSays("Try Settings > Export.", confidence).escalate());
    }

    @Test
    void botWithoutConfidenceDoesNotFire() {
        assertFalse(botSays("Try Settings > Export.", null).escalate());
    }

    @Test
    void botMessagesNeverFirePhraseRules() {
        Decision decision = botSays("Would you like to talk to an agent about your refund?", 0.95);

        assertFalse(decision.escalate());
    }

    @Test
    void unsureBotWithPhraseTextFiresOnlyTheBotRule() {
        Decision decision = botSays("Do you want me to connect you to an agent for a refund?", 0.1);

        assertEquals(List.of(BuiltInTriggers.BOT_UNSURE), names(decision));
    }

    @Test
    void customerMessagesNeverFireTheBotRule() {
        Decision decision = triggers.evaluate(new TriggerInput(
                List.of(new TriggerInput.Line(Author.CUSTOMER, "hello there", 0.01)), null));

        assertFalse(decision.escalate());
    }

    @ParameterizedTest
    @EnumSource(value = Author.class, names = {"AGENT", "SYSTEM"})
    void agentAndSystemMessagesFireNothing(Author author) {
        Decision decision = triggers.evaluate(new TriggerInput(
                List.of(new TriggerInput.Line(author, "get me a human, I want a refund", 0.0)), null));

        assertFalse(decision.escalate());
    }

    @Test
    void thresholdComesFromTheConstructor() {
        TriggerInput input = new TriggerInput(List.of(new TriggerInput.Line(Author.BOT, "Maybe?", 0.6)), null);

        assertTrue(new BuiltInTriggers(0.7).evaluate(input).escalate());
        assertFalse(new BuiltInTriggers(0.3).evaluate(input).escalate());
    }

    // --- transcript handling -----------------------------------------------------------------

    @Test
    void emptyTranscriptIsNone() {
        assertEquals(Decision.NONE, triggers.evaluate(new TriggerInput(List.of(), null)));
    }

    @Test
    void onlyTheLatestLineIsEvaluated() {
        TriggerInput input = new TriggerInput(List.of(
                TriggerInput.Line.customer("get me a human, I want a refund"),
                new TriggerInput.Line(Author.BOT, "Sure, one moment.", 0.9)), null);

        assertFalse(triggers.evaluate(input).escalate());
    }

    @Test
    void earlierLinesDoNotSuppressTheLatest() {
        TriggerInput input = new TriggerInput(List.of(
                new TriggerInput.Line(Author.BOT, "How can I help?", 0.9),
                TriggerInput.Line.customer("talk to a person")), null);

        assertEquals(List.of(BuiltInTriggers.HUMAN_REQUEST), names(triggers.evaluate(input)));
    }

    // --- normalisation -----------------------------------------------------------------------

    @Test
    void normalizeFoldsCaseAccentsQuotesAndSpaces() {
        assertEquals("hello world", BuiltInTriggers.normalize("  Hello   WORLD  "));
        assertEquals("cafe naive", BuiltInTriggers.normalize("Caf\u00e9 na\u00efve"));
        assertEquals("don't 'x'", BuiltInTriggers.normalize("don\u2019t \u2018x\u2019"));
        assertEquals("line1 line2", BuiltInTriggers.normalize("line1\n\tline2"));
    }
}
