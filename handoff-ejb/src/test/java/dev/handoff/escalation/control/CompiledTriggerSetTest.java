package dev.handoff.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.platform.entity.Author;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trigger kinds of the compiled engine on hand-made sets: topics from examples, combinations, bot failure, customers. */
class CompiledTriggerSetTest {

    /** Years ago on purpose: "within the last 7 days" must be measured from the evaluation time, not the clock. */
    static final java.time.Instant NOW = java.time.Instant.parse("2020-03-01T12:00:00Z");

    static final List<String> ROUTINE = List.of("how do I change my password", "what are your opening hours", "thanks, that helped",
            "where can I download my invoice", "how do I export to csv", "can I add a colleague", "what plans do you offer",
            "is there a mobile app", "hello", "how do refunds work");

    static TriggerSetDocument.TriggerSpec trigger(String name, String kind) {
        return TriggerSetDocument.TriggerSpec.of(name, kind, null, true, true, 50, List.of("general"), null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static TriggerSetDocument doc(List<TriggerSetDocument.TopicSpec> topics, List<TriggerSetDocument.TriggerSpec> triggers) {
        return new TriggerSetDocument(TriggerSetDocument.FORMAT, "test", null, topics, ROUTINE, triggers);
    }

    @Test
    void aTopicDefinedByExamplesGeneralisesToNewWording() {
        TriggerSetDocument.TopicSpec shipping = TriggerSetDocument.TopicSpec.of("shipping-delay", null, List.of(), List.of(
                "my parcel has not arrived after three weeks", "where is my package, it is two weeks late", "the delivery never showed up",
                "tracking has not updated in ten days", "my order is lost in the post", "the courier says delivered but nothing arrived",
                "still waiting for my shipment"));
        TriggerSetDocument.TriggerSpec spec = withTopic(trigger("shipping-delay", "topic"), "shipping-delay", 0.5);
        CompiledTriggerSet set = CompiledTriggerSet.compile(doc(List.of(shipping), List.of(spec)), Lexicons.bundled());
        Decision d = set.evaluate(TriggerInput.of("my package still hasn't arrived, the tracking hasn't moved for two weeks"));
        assertTrue(d.escalate(), "new wording of the topic");
        assertTrue(d.firings().get(0).evidence().startsWith("closest to '"), d.firings().toString());
        assertFalse(set.evaluate(TriggerInput.of("how do I change my password please")).escalate(), "routine stays with the bot");
    }

    static TriggerSetDocument.TriggerSpec withTopic(TriggerSetDocument.TriggerSpec t, String topic, double minScore) {
        return TriggerSetDocument.TriggerSpec.of(t.name(), t.kind(), null, true, true, 60, List.of("logistics"), null, null, topic,
                minScore, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static final List<String> WARRANTY = List.of("my device stopped working and it is still under warranty",
            "I want to make a warranty claim for my broken headphones", "the screen cracked by itself within the guarantee period",
            "is this repair covered by the warranty", "the product failed after two months, I need a replacement under guarantee",
            "the charger died and I bought it three weeks ago, warranty please", "how do I claim the manufacturer warranty for a faulty unit",
            "the speaker is defective and should be replaced for free");

    @Test
    void aTopicAddedToTheDefaultSetCatchesItsMessagesAndKeepsTheOthers() {
        TriggerSetDocument base = DefaultTriggerSet.document();
        List<TriggerSetDocument.TopicSpec> topics = new ArrayList<>(base.topicsOrEmpty());
        topics.add(TriggerSetDocument.TopicSpec.of("warranty-claim", null, List.of(), WARRANTY));
        List<TriggerSetDocument.TriggerSpec> triggers = new ArrayList<>(base.triggersOrEmpty());
        triggers.add(withTopic(trigger("warranty-claim", "topic"), "warranty-claim", 0.5));
        CompiledTriggerSet set = CompiledTriggerSet.compile(new TriggerSetDocument(base.format(), base.name(), base.description(), topics,
                base.negativeExamples(), triggers), Lexicons.bundled());
        Decision d = set.evaluate(TriggerInput.of("my headphones broke after a month, is that covered by the warranty?"));
        assertTrue(d.firings().stream().anyMatch(f -> f.name().equals("warranty-claim")), d.firings().toString());
        assertTrue(TestBench.run(set, LabelledSuites.shipped()).catchRate() >= 0.95, "the new topic does not cost the others");
    }

    @Test
    void onlyASetWithARecentHandoffTriggerAsksForTheCustomersLastHandoff() {
        TriggerSetDocument.TriggerSpec vip = TriggerSetDocument.TriggerSpec.of("vip", "customer", null, true, true, 50, null, null, null,
                null, null, null, null, null, null, null, null, null, null, List.of("enterprise"), null, null, null, null);
        TriggerSetDocument.TriggerSpec returning = TriggerSetDocument.TriggerSpec.of("returning", "customer", null, true, true, 50, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, 7, null, null);
        assertFalse(CompiledTriggerSet.compile(doc(List.of(), List.of(vip)), Lexicons.bundled()).readsRecentEscalations());
        assertTrue(CompiledTriggerSet.compile(doc(List.of(), List.of(vip, returning)), Lexicons.bundled()).readsRecentEscalations());
        assertTrue(((TriggerEngine) input -> null).readsRecentEscalations(), "an engine that does not say gets the facts");
    }

    @Test
    void combinationsNeedAllPartsForAndAndOnePartForOr() {
        TriggerSetDocument.TriggerSpec vip = TriggerSetDocument.TriggerSpec.of("vip", "customer", null, true, false, 0, null, null, null,
                null, null, null, null, null, null, null, null, null, null, List.of("enterprise"), new BigDecimal("50000"), null, null, null);
        TriggerSetDocument.TriggerSpec grumpy = TriggerSetDocument.TriggerSpec.of("grumpy", "sentiment", null, true, false, 0, null, null,
                null, null, null, -1.0, 0, 0.0, 0, null, null, null, null, null, null, null, null, null);
        TriggerSetDocument.TriggerSpec both = TriggerSetDocument.TriggerSpec.of("vip-upset", "combination", null, true, true, 80,
                List.of("senior"), null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, "and",
                List.of("vip", "grumpy"));
        CompiledTriggerSet set = CompiledTriggerSet.compile(doc(List.of(), List.of(vip, grumpy, both)), Lexicons.bundled());
        TriggerInput.CustomerFacts enterprise = new TriggerInput.CustomerFacts("Enterprise", new BigDecimal("1000"));
        TriggerInput.CustomerFacts free = new TriggerInput.CustomerFacts("free", BigDecimal.ZERO);
        String annoyed = "this is annoying and slow";
        Decision upsetVip = set.evaluate(new TriggerInput(List.of(TriggerInput.Line.customer(annoyed)), enterprise));
        assertEquals(List.of("vip-upset"), upsetVip.firings().stream().map(TriggerFiring::name).toList(), "only standalone triggers decide");
        assertEquals("senior", upsetVip.firings().get(0).skill());
        assertTrue(upsetVip.firings().get(0).evidence().contains("tier=Enterprise"));
        assertFalse(set.evaluate(new TriggerInput(List.of(TriggerInput.Line.customer(annoyed)), free)).escalate(), "not a VIP");
        assertFalse(set.evaluate(new TriggerInput(List.of(TriggerInput.Line.customer("thanks, lovely")), enterprise)).escalate(), "not upset");
    }

    @Test
    void botFailureFiresOnLowConfidenceFallbacksInARowAndRepetition() {
        TriggerSetDocument.TriggerSpec failing = TriggerSetDocument.TriggerSpec.of("bot-failure", "botFailure", null, true, true, 50, null,
                null, null, null, null, null, null, null, null, 0.35, "fallback", 2, 0.8, null, null, null, null, null);
        CompiledTriggerSet set = CompiledTriggerSet.compile(doc(List.of(), List.of(failing)), Lexicons.bundled());
        assertTrue(set.evaluate(transcript(new TriggerInput.Line(Author.BOT, "maybe this?", 0.2, "guess"))).escalate());
        assertFalse(set.evaluate(transcript(new TriggerInput.Line(Author.BOT, "here you go", 0.9, "answer"))).escalate());
        Decision fallbacks = set.evaluate(transcript(new TriggerInput.Line(Author.BOT, "sorry?", 0.9, "fallback"),
                TriggerInput.Line.customer("the export"), new TriggerInput.Line(Author.BOT, "sorry, I did not get that", 0.9, "fallback")));
        assertTrue(fallbacks.escalate());
        assertTrue(fallbacks.firings().get(0).reason().contains("2 fallback answers in a row"));
        assertFalse(set.evaluate(transcript(new TriggerInput.Line(Author.BOT, "sorry?", 0.9, "fallback"))).escalate(), "one is not a run");
        Decision repeated = set.evaluate(transcript(TriggerInput.Line.customer("the csv export fails with error 42"),
                new TriggerInput.Line(Author.BOT, "try again", 0.9, "answer"), TriggerInput.Line.customer("The CSV export fails with error 42!")));
        assertTrue(repeated.escalate(), "the customer repeats themselves");
        assertFalse(set.evaluate(transcript(TriggerInput.Line.customer("the csv export fails with error 42"),
                TriggerInput.Line.customer("and how do I change the date format?"))).escalate());
    }

    static TriggerInput transcript(TriggerInput.Line... lines) {
        return new TriggerInput(new ArrayList<>(List.of(lines)), null);
    }

    @Test
    void sentimentFiresOnAWorseningTrendAndRepeatedProfanity() {
        TriggerSetDocument.TriggerSpec mood = TriggerSetDocument.TriggerSpec.of("frustration", "sentiment", null, true, true, 75, null,
                null, null, null, null, -6.0, 3, 3.0, 2, null, null, null, null, null, null, null, null, null);
        CompiledTriggerSet set = CompiledTriggerSet.compile(doc(List.of(), List.of(mood)), Lexicons.bundled());
        Decision trend = set.evaluate(transcript(TriggerInput.Line.customer("great, thanks, that is helpful"),
                TriggerInput.Line.customer("hmm it is still not working"), TriggerInput.Line.customer("this is really annoying and useless")));
        assertTrue(trend.escalate(), "worse and worse");
        assertEquals("upset: mood worsened over the last 3 messages", trend.firings().get(0).reason(), trend.firings().toString());
        assertTrue(trend.firings().get(0).evidence().startsWith("sentiment worsened by 5.8"), trend.firings().toString());
        Decision swearing = set.evaluate(transcript(TriggerInput.Line.customer("wtf is this"), TriggerInput.Line.customer("damn thing")));
        assertTrue(swearing.escalate());
        assertEquals("upset: repeated swearing", swearing.firings().get(0).reason(), swearing.firings().toString());
        assertFalse(set.evaluate(transcript(TriggerInput.Line.customer("it does not work"))).escalate());
        Decision politeThenCalm = set.evaluate(transcript(TriggerInput.Line.customer("great, that fixed it, thank you so much!"),
                TriggerInput.Line.customer("ok"), TriggerInput.Line.customer("the export failed, what should I do")));
        assertFalse(politeThenCalm.escalate(), "a drop is measured from neutral at best: " + politeThenCalm.firings());
    }

    @Test
    void invalidDocumentsAreRefusedNamingTheField() {
        TriggerSetDocument.TriggerSpec bad = withTopic(trigger("t", "topic"), "missing-topic", 3.0);
        InvalidTriggerSetException e = assertThrows(InvalidTriggerSetException.class,
                () -> CompiledTriggerSet.compile(doc(List.of(), List.of(bad)), Lexicons.bundled()));
        List<String> fields = e.violations().stream().map(TriggerSetValidator.Violation::field).toList();
        assertTrue(fields.contains("triggers[0].topic"), fields.toString());
        assertTrue(fields.contains("triggers[0].minScore"), fields.toString());
        TriggerSetDocument.TriggerSpec loop = TriggerSetDocument.TriggerSpec.of("a", "combination", null, true, true, 1, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, "or", List.of("a", "a"));
        assertThrows(InvalidTriggerSetException.class, () -> CompiledTriggerSet.compile(doc(List.of(), List.of(loop)), Lexicons.bundled()));
    }

    @Test
    void emptyAndHugeMessagesAreHandled() {
        CompiledTriggerSet set = CompiledTriggerSet.compile(DefaultTriggerSet.document(), Lexicons.bundled());
        assertFalse(set.evaluate(TriggerInput.of("")).escalate());
        assertFalse(set.evaluate(TriggerInput.of("   ")).escalate());
        assertFalse(set.evaluate(new TriggerInput(List.of(), null)).escalate());
        assertTrue(set.evaluate(TriggerInput.of("lorem ipsum ".repeat(300) + " connect me to an agent")).escalate());
    }

    @Test
    void customersAboveATierOrValueOrRecentlyEscalatedFire() {
        TriggerSetDocument.TriggerSpec vip = TriggerSetDocument.TriggerSpec.of("vip", "customer", null, true, true, 70, List.of("senior"),
                null, null, null, null, null, null, null, null, null, null, null, null, List.of("enterprise"), new BigDecimal("50000"), 7,
                null, null);
        CompiledTriggerSet set = CompiledTriggerSet.compile(doc(List.of(), List.of(vip)), Lexicons.bundled());
        java.util.function.Function<TriggerInput.CustomerFacts, Decision> hello =
                facts -> set.evaluate(new TriggerInput(List.of(TriggerInput.Line.customer("hello")), facts));
        assertTrue(hello.apply(new TriggerInput.CustomerFacts("ENTERPRISE", null)).escalate(), "tier, any case");
        assertTrue(hello.apply(new TriggerInput.CustomerFacts("pro", new BigDecimal("50000"))).escalate(), "value at the threshold");
        assertFalse(hello.apply(new TriggerInput.CustomerFacts("pro", new BigDecimal("49999.99"))).escalate());
        Decision recent = hello.apply(new TriggerInput.CustomerFacts("free", null, NOW.minus(java.time.Duration.ofDays(2)), NOW));
        assertTrue(recent.escalate());
        assertTrue(recent.firings().get(0).reason().contains("7 days"), recent.firings().toString());
        assertFalse(hello.apply(new TriggerInput.CustomerFacts("free", null, NOW.minus(java.time.Duration.ofDays(9)), NOW))
                .escalate(), "too long ago");
        assertFalse(hello.apply(TriggerInput.CustomerFacts.UNKNOWN).escalate());
    }
}
