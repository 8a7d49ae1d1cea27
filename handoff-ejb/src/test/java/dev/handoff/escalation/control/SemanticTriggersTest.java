package dev.handoff.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The semantic layer: example-taught topics weighed against negatives, evidence, and topics that never interfere. */
class SemanticTriggersTest {

    static final List<String> SHIPPING = List.of("my parcel has not arrived after three weeks", "where is my package, it is two weeks late",
            "the delivery never showed up", "tracking has not updated in ten days", "my order is lost in the post",
            "the courier says delivered but nothing arrived", "still waiting for my shipment, it's been a month",
            "the package was marked delivered but it is not here", "my order is a week overdue and nobody knows where it is",
            "the parcel got sent back to the warehouse and I never got it");

    static final List<String> SHIPPING_NEGATIVES = List.of("how long does shipping take", "do you ship to canada",
            "how much is express delivery", "can I change my delivery address", "what courier do you use",
            "how do I track my order", "when will my order ship", "do you deliver on saturdays", "is shipping free over 50 dollars",
            "can I pick up my order in store");

    static final List<String> SHIPPING_CASES = List.of("my package still hasn't arrived, the tracking hasn't moved for two weeks",
            "ordered 3 weeks ago and still nothing, where is it??", "it says delivered but there's no parcel at my door",
            "the courier lost my order", "my shipment never came");

    static TriggerSetDocument.TriggerSpec topicTrigger(String name, String topic) {
        return TriggerSetDocument.TriggerSpec.of(name, "topic", null, true, true, 60, List.of("logistics"), null, null, topic,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static TriggerSetDocument doc(List<TriggerSetDocument.TopicSpec> topics, List<TriggerSetDocument.TriggerSpec> triggers) {
        return new TriggerSetDocument(TriggerSetDocument.FORMAT, "test", null, topics, List.of(), triggers);
    }

    static TriggerSetDocument shippingOnly(List<String> negatives) {
        return doc(List.of(new TriggerSetDocument.TopicSpec("shipping-problem", null, List.of(), SHIPPING, negatives)),
                List.of(topicTrigger("shipping-problem", "shipping-problem")));
    }

    @Test
    void aTopicTaughtByExamplesCatchesNewWordingAndNamesTheNearestExample() {
        CompiledTriggerSet set = CompiledTriggerSet.compile(shippingOnly(SHIPPING_NEGATIVES), Lexicons.bundled());
        for (String text : SHIPPING_CASES) {
            Decision d = set.evaluate(TriggerInput.of(text));
            assertTrue(d.escalate(), text + " → " + set.semanticScores(TriggerInput.of(text)));
            TriggerFiring f = d.firings().get(0);
            assertTrue(f.evidence().matches("closest to '.+', 0\\.\\d\\d \\(score 0\\.\\d\\d, needs 0\\.50\\)"), f.evidence());
            assertTrue(SHIPPING.stream().anyMatch(e -> f.evidence().contains("'" + e + "'")), f.evidence());
            assertTrue(f.reason().startsWith("shipping problem (like \""), f.reason());
            assertFalse(f.reason().contains("score"), "scores stay in the admin's views: " + f.reason());
        }
    }

    @Test
    void routineQuestionsOfTheSameDomainStayWithTheBot() {
        CompiledTriggerSet set = CompiledTriggerSet.compile(shippingOnly(SHIPPING_NEGATIVES), Lexicons.bundled());
        for (String text : List.of("how long does delivery to germany take", "can I track my parcel", "do you ship internationally?",
                "how do I change my password", "what are your opening hours", "thanks!")) {
            assertFalse(set.evaluate(TriggerInput.of(text)).escalate(), text + " → " + set.semanticScores(TriggerInput.of(text)));
        }
    }

    @Test
    void theShippedBackgroundKeepsRoutineQuestionsOutEvenWithoutTheTopicsOwnNegatives() {
        CompiledTriggerSet set = CompiledTriggerSet.compile(shippingOnly(null), Lexicons.bundled());
        for (String text : List.of("how do I reset my password", "where can I download my invoice", "when does my card arrive",
                "what payment methods do you accept", "hello")) {
            assertFalse(set.evaluate(TriggerInput.of(text)).escalate(), text + " → " + set.semanticScores(TriggerInput.of(text)));
        }
    }

    @Test
    void aTopicsOwnNegativeWinsOverASimilarPositive() {
        String borderline = "my parcel is late";
        TriggerSetDocument without = shippingOnly(List.of());
        List<String> negatives = new ArrayList<>(SHIPPING_NEGATIVES);
        negatives.add("my parcel is a day late, is that normal");
        double before = CompiledTriggerSet.compile(without, Lexicons.bundled()).semanticScores(TriggerInput.of(borderline)).get("shipping-problem");
        double after = CompiledTriggerSet.compile(shippingOnly(negatives), Lexicons.bundled()).semanticScores(TriggerInput.of(borderline))
                .get("shipping-problem");
        assertTrue(after < before, before + " → " + after);
    }

    /** Issue 9: adding a topic must never lower another topic's recall. */
    @Test
    void addingATopicChangesNoOtherTopicsScore() {
        TriggerSetDocument one = shippingOnly(SHIPPING_NEGATIVES);
        List<TriggerSetDocument.TopicSpec> topics = new ArrayList<>(one.topicsOrEmpty());
        topics.add(TriggerSetDocument.TopicSpec.of("everything", null, List.of(),
                List.of("my parcel", "where is my order", "delivery", "I have a question about my account", "help with my package",
                        "the courier", "tracking", "my shipment")));
        List<TriggerSetDocument.TriggerSpec> triggers = new ArrayList<>(one.triggersOrEmpty());
        triggers.add(topicTrigger("everything", "everything"));
        CompiledTriggerSet alone = CompiledTriggerSet.compile(one, Lexicons.bundled());
        CompiledTriggerSet withGreedyNeighbour = CompiledTriggerSet.compile(doc(topics, triggers), Lexicons.bundled());
        List<String> texts = new ArrayList<>(SHIPPING_CASES);
        texts.addAll(List.of("where is my order", "how do I track my parcel", "I have a question about delivery"));
        for (String text : texts) {
            Map<String, Double> a = alone.semanticScores(TriggerInput.of(text));
            Map<String, Double> b = withGreedyNeighbour.semanticScores(TriggerInput.of(text));
            assertEquals(a.get("shipping-problem"), b.get("shipping-problem"), 1e-9, text);
        }
        long caughtAlone = SHIPPING_CASES.stream().filter(t -> fired(alone, t, "shipping-problem")).count();
        long caughtBoth = SHIPPING_CASES.stream().filter(t -> fired(withGreedyNeighbour, t, "shipping-problem")).count();
        assertEquals(caughtAlone, caughtBoth);
        assertEquals(SHIPPING_CASES.size(), caughtAlone);
    }

    @Test
    void onlyCustomerMessagesAreScored() {
        CompiledTriggerSet set = CompiledTriggerSet.compile(shippingOnly(SHIPPING_NEGATIVES), Lexicons.bundled());
        TriggerInput bot = new TriggerInput(List.of(TriggerInput.Line.customer("where is my parcel"),
                new TriggerInput.Line(dev.handoff.platform.entity.Author.BOT, "my parcel never arrived", null, null)), null);
        assertTrue(set.semanticScores(bot).isEmpty());
        assertFalse(set.evaluate(bot).escalate());
    }

    @Test
    void thePhraseTriggerAlsoFiresOnItsTopicsExamples() {
        CompiledTriggerSet set = CompiledTriggerSet.compile(DefaultTriggerSet.document(), Lexicons.bundled());
        for (String text : List.of("could u get me somebody from ur team", "is there a human I could chat with",
                "I'd prefer speaking with one of your staff", "contacting an operator would be best")) {
            Decision d = set.evaluate(TriggerInput.of(text));
            assertTrue(d.firings().stream().anyMatch(f -> f.name().equals("explicit-human-request")), text + " → " + d.firings());
            assertTrue(d.summary().startsWith("asked for a person"), d.summary());
        }
    }

    private static boolean fired(CompiledTriggerSet set, String text, String trigger) {
        return set.evaluate(TriggerInput.of(text)).firings().stream().anyMatch(f -> f.name().equals(trigger));
    }
}
