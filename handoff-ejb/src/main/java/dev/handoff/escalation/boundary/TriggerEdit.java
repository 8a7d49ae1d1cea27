package dev.handoff.escalation.boundary;

import dev.handoff.escalation.control.TriggerSetDocument;

/**
 * One trigger as the portal's editor saves it: the trigger ({@code originalName} null for a new
 * one; a trigger keeps its name), and the topic it names, if any, with its examples, negatives and
 * keywords ({@code newTopic}: the topic must not exist yet).
 */
public record TriggerEdit(String originalName, TriggerSetDocument.TriggerSpec trigger, TriggerSetDocument.TopicSpec topic,
        boolean newTopic) {

    public boolean isNew() {
        return originalName == null;
    }
}
