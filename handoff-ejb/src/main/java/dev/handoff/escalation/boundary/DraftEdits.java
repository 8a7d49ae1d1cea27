package dev.handoff.escalation.boundary;

import dev.handoff.platform.InvalidInputException;
import dev.handoff.escalation.control.InvalidTriggerSetException;
import dev.handoff.escalation.control.TriggerSetDocument;
import dev.handoff.escalation.control.TriggerSetDocument.TopicSpec;
import dev.handoff.escalation.control.TriggerSetDocument.TriggerSpec;
import dev.handoff.escalation.control.TriggerSetValidator;
import dev.handoff.escalation.control.TriggerSetValidator.Violation;
import dev.handoff.platform.NotFoundException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure edits of a trigger-set document, as the portal makes them: one trigger (and its topic)
 * replaced or added, a trigger switched on or off, a semantic threshold set. Every other field of
 * the document is kept as it is, the trigger's label included.
 */
final class DraftEdits {

    private DraftEdits() {}

    /**
     * The document with the edit applied, validated. Problems with the edited trigger or its topic
     * are reported as {@code trigger.<field>} and {@code topic.<field>}, so the editor can show each
     * next to its field; any other problem keeps its JSON path.
     */
    static TriggerSetDocument apply(TriggerSetDocument doc, TriggerEdit edit) {
        TriggerSpec spec = edit.trigger();
        List<TriggerSpec> triggers = new ArrayList<>(doc.triggersOrEmpty());
        int at;
        if (edit.isNew()) {
            at = triggers.size();
            if (indexOf(triggers, spec.name()) >= 0) {
                throw invalid("trigger.name", "a trigger named '" + spec.name() + "' exists already");
            }
            triggers.add(spec);
        } else {
            at = indexOf(triggers, edit.originalName());
            if (at < 0) {
                throw new NotFoundException("the draft has no trigger named " + edit.originalName());
            }
            if (!edit.originalName().equals(spec.name())) {
                throw invalid("trigger.name", "a trigger keeps its name; create a new trigger to use another one");
            }
            triggers.set(at, spec);
        }
        List<TopicSpec> topics = new ArrayList<>(doc.topicsOrEmpty());
        int topicAt = -1;
        TopicSpec topic = edit.topic();
        if (topic != null) {
            if (topic.name() == null || !topic.name().equals(spec.topic())) {
                throw invalid("trigger.topic", "the topic's name must be the topic the trigger names");
            }
            topicAt = topicIndex(topics, topic.name());
            if (topicAt >= 0 && edit.newTopic()) {
                throw invalid("topic.name", "a topic named '" + topic.name() + "' exists already; choose it from the list to change it");
            }
            if (topicAt >= 0) {
                topics.set(topicAt, topic);
            } else {
                topicAt = topics.size();
                topics.add(topic);
            }
        }
        TriggerSetDocument edited = new TriggerSetDocument(doc.format(), doc.name(), doc.description(), topics, doc.negativeExamples(),
                triggers);
        List<Violation> violations = TriggerSetValidator.validate(edited);
        if (!violations.isEmpty()) {
            String triggerPath = "triggers[" + at + "]";
            String topicPath = "topics[" + topicAt + "]";
            throw new InvalidTriggerSetException(violations.stream()
                    .map(v -> new Violation(reroot(reroot(v.field(), triggerPath, "trigger"), topicPath, "topic"), v.message()))
                    .toList());
        }
        return edited;
    }

    static TriggerSetDocument withEnabled(TriggerSetDocument doc, String name, boolean enabled) {
        return replace(doc, name, t -> new TriggerSpec(t.name(), t.kind(), t.description(), enabled, t.standalone(), t.priority(), t.skills(),
                t.phrases(), t.negations(), t.topic(), t.minScore(), t.threshold(), t.trendWindow(), t.trendDrop(), t.profanityRepeats(),
                t.minConfidence(), t.fallbackIntent(), t.fallbacksInARow(), t.repeatSimilarity(), t.tiers(), t.minAccountValue(),
                t.recentEscalationDays(), t.operator(), t.of(), t.label()));
    }

    static TriggerSetDocument withMinScore(TriggerSetDocument doc, String name, double minScore) {
        return replace(doc, name, t -> {
            if (t.topic() == null) {
                throw new InvalidInputException("trigger '" + name + "' has no topic, so it has no threshold to set");
            }
            return new TriggerSpec(t.name(), t.kind(), t.description(), t.enabled(), t.standalone(), t.priority(), t.skills(),
                    t.phrases(), t.negations(), t.topic(), minScore, t.threshold(), t.trendWindow(), t.trendDrop(), t.profanityRepeats(),
                    t.minConfidence(), t.fallbackIntent(), t.fallbacksInARow(), t.repeatSimilarity(), t.tiers(), t.minAccountValue(),
                    t.recentEscalationDays(), t.operator(), t.of(), t.label());
        });
    }

    private static TriggerSetDocument replace(TriggerSetDocument doc, String name, java.util.function.UnaryOperator<TriggerSpec> change) {
        List<TriggerSpec> triggers = new ArrayList<>(doc.triggersOrEmpty());
        int at = indexOf(triggers, name);
        if (at < 0) {
            throw new NotFoundException("the draft has no trigger named " + name);
        }
        triggers.set(at, change.apply(triggers.get(at)));
        return new TriggerSetDocument(doc.format(), doc.name(), doc.description(), doc.topics(), doc.negativeExamples(), triggers);
    }

    private static int indexOf(List<TriggerSpec> triggers, String name) {
        for (int i = 0; i < triggers.size(); i++) {
            if (triggers.get(i) != null && triggers.get(i).name() != null && triggers.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static int topicIndex(List<TopicSpec> topics, String name) {
        for (int i = 0; i < topics.size(); i++) {
            if (topics.get(i) != null && name.equals(topics.get(i).name())) {
                return i;
            }
        }
        return -1;
    }

    private static String reroot(String field, String path, String root) {
        if (field.equals(path)) {
            return root;
        }
        return field.startsWith(path + ".") ? root + field.substring(path.length()) : field;
    }

    private static InvalidTriggerSetException invalid(String field, String message) {
        return new InvalidTriggerSetException(List.of(new Violation(field, message)));
    }
}
