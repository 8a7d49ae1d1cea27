package dev.handoff.escalation.control;

import java.util.Map;
import java.util.Optional;

/**
 * A phrase trigger: fires when the customer's latest message has one of its phrases;
 * {@code slot} is its matcher's place in the set's {@link PhraseIndex}.
 */
record PhraseRule(TriggerSetDocument.TriggerSpec spec, PhraseMatcher matcher, int slot) implements Rule {
    @Override
    public Optional<TriggerFiring> test(Analysis a, Map<String, TriggerFiring> fired) {
        if (!a.customerSpoke()) {
            return Optional.empty();
        }
        return a.phrases().find(slot).map(found -> fire("said \"" + found + "\"", "phrase \"" + found + "\""));
    }
}
