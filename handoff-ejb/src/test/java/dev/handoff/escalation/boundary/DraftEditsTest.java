package dev.handoff.escalation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.escalation.control.DefaultTriggerSet;
import dev.handoff.escalation.control.InvalidTriggerSetException;
import dev.handoff.escalation.control.TriggerSetDocument;
import dev.handoff.escalation.control.TriggerSetDocument.TopicSpec;
import dev.handoff.escalation.control.TriggerSetDocument.TriggerSpec;
import dev.handoff.escalation.control.TriggerSetValidator.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class DraftEditsTest {

    private final TriggerSetDocument doc = DefaultTriggerSet.document();

    private static final List<String> EXAMPLES = List.of("I need to cancel my flight tomorrow", "please cancel my booking to Rome",
            "cancel the flight I booked for Friday", "I can't travel any more, cancel my ticket", "how do I get my flight cancelled today");

    private static TriggerSpec topicTrigger(String name, String label, Double minScore) {
        return topicTrigger(name, name, label, minScore);
    }

    private static TriggerSpec topicTrigger(String name, String topic, String label, Double minScore) {
        return new TriggerSpec(name, "topic", null, null, null, 65, List.of("general"), null, null, topic, minScore, null, null, null, null,
                null, null, null, null, null, null, null, null, null, label);
    }

    @Test
    void aNewTopicTriggerIsAddedWithItsTopicExamplesAndNegatives() {
        TopicSpec topic = new TopicSpec("cancel-flight", null, List.of("cancel my flight"), EXAMPLES, List.of("what is your cancellation policy?"));
        TriggerSetDocument edited = DraftEdits.apply(doc, new TriggerEdit(null, topicTrigger("cancel-flight", "wants to cancel a flight", 0.6), topic, true));

        TriggerSpec added = edited.triggersOrEmpty().get(edited.triggersOrEmpty().size() - 1);
        assertEquals("cancel-flight", added.name());
        assertEquals("wants to cancel a flight", added.label());
        TopicSpec saved = edited.topicsOrEmpty().stream().filter(t -> t.name().equals("cancel-flight")).findFirst().orElseThrow();
        assertEquals(EXAMPLES, saved.examples());
        assertEquals(List.of("what is your cancellation policy?"), saved.negatives());
        assertEquals(doc.triggersOrEmpty().size() + 1, edited.triggersOrEmpty().size());
    }

    @Test
    void problemsWithTheEditedTriggerAndTopicNameTheirFieldsForTheEditor() {
        TopicSpec topic = new TopicSpec("cancel-flight", null, null, EXAMPLES.subList(0, 3), List.of("x".repeat(501)));
        InvalidTriggerSetException e = assertThrows(InvalidTriggerSetException.class,
                () -> DraftEdits.apply(doc, new TriggerEdit(null, topicTrigger("cancel-flight", "y".repeat(81), 1.5), topic, true)));
        List<String> fields = e.violations().stream().map(Violation::field).toList();
        assertTrue(fields.contains("trigger.minScore"), fields.toString());
        assertTrue(fields.contains("trigger.label"), fields.toString());
        assertTrue(fields.contains("topic.examples"), fields.toString());
        assertTrue(fields.contains("topic.negatives[0]"), fields.toString());
    }

    @Test
    void aNewTriggerOrTopicCannotTakeAnExistingName() {
        String existing = doc.triggersOrEmpty().get(0).name();
        InvalidTriggerSetException e = assertThrows(InvalidTriggerSetException.class,
                () -> DraftEdits.apply(doc, new TriggerEdit(null, topicTrigger(existing, null, 0.5), null, false)));
        assertEquals("trigger.name", e.violations().get(0).field());

        String topicName = doc.topicsOrEmpty().get(0).name();
        TopicSpec topic = new TopicSpec(topicName, null, null, EXAMPLES, null);
        e = assertThrows(InvalidTriggerSetException.class,
                () -> DraftEdits.apply(doc, new TriggerEdit(null, topicTrigger("another-trigger", topicName, null, 0.5), topic, true)));
        assertEquals("topic.name", e.violations().get(0).field(), "a new topic cannot replace an existing one");
        e = assertThrows(InvalidTriggerSetException.class,
                () -> DraftEdits.apply(doc, new TriggerEdit(null, topicTrigger("another-trigger", "elsewhere", null, 0.5), topic, false)));
        assertEquals("trigger.topic", e.violations().get(0).field(), "the topic must be the one the trigger names");
    }

    @Test
    void editingKeepsTheTriggersPlaceAndSwitchingOffKeepsTheLabel() {
        TriggerSpec first = doc.triggersOrEmpty().get(0);
        TriggerSpec labelled = new TriggerSpec(first.name(), first.kind(), "changed", first.enabled(), first.standalone(), 99, first.skills(),
                first.phrases(), first.negations(), first.topic(), first.minScore(), first.threshold(), first.trendWindow(), first.trendDrop(),
                first.profanityRepeats(), first.minConfidence(), first.fallbackIntent(), first.fallbacksInARow(), first.repeatSimilarity(),
                first.tiers(), first.minAccountValue(), first.recentEscalationDays(), first.operator(), first.of(), "asked for a person");
        TriggerSetDocument edited = DraftEdits.apply(doc, new TriggerEdit(first.name(), labelled, null, false));
        assertEquals(99, edited.triggersOrEmpty().get(0).priority());
        assertEquals("changed", edited.triggersOrEmpty().get(0).description());

        TriggerSetDocument off = DraftEdits.withEnabled(edited, first.name(), false);
        assertFalse(off.triggersOrEmpty().get(0).isEnabled());
        assertEquals("asked for a person", off.triggersOrEmpty().get(0).label());
    }

    @Test
    void aThresholdIsSetOnlyOnATriggerWithATopic() {
        TriggerSpec semantic = doc.triggersOrEmpty().stream().filter(t -> t.topic() != null).findFirst().orElseThrow();
        TriggerSetDocument edited = DraftEdits.withMinScore(doc, semantic.name(), 0.42);
        assertEquals(0.42, edited.triggersOrEmpty().stream().filter(t -> t.name().equals(semantic.name())).findFirst().orElseThrow().minScore());

        TriggerSpec plain = doc.triggersOrEmpty().stream().filter(t -> t.topic() == null).findFirst().orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> DraftEdits.withMinScore(doc, plain.name(), 0.42));
        assertNull(plain.minScore());
    }

    @Test
    void aTriggerKeepsItsName() {
        TriggerSpec first = doc.triggersOrEmpty().get(0);
        InvalidTriggerSetException e = assertThrows(InvalidTriggerSetException.class,
                () -> DraftEdits.apply(doc, new TriggerEdit(first.name(), topicTrigger("renamed", null, 0.5), null, false)));
        assertEquals("trigger.name", e.violations().get(0).field());
    }
}
