package dev.handoff.escalation.control;

import dev.handoff.escalation.semantic.SemanticMatch;
import java.util.Map;
import java.util.Optional;

/**
 * A phrase or sentiment trigger that also names a topic: it fires as its kind does, or when the
 * customer's message lies near the topic's examples (score at least {@code minScore}, default 0.5)
 * — so "could u get me somebody from ur team" reads as a request for a person though no phrase
 * says it.
 */
record SemanticRule(TriggerSetDocument.TriggerSpec spec, Rule inner, String label, String minScoreText) implements Rule {

    SemanticRule(TriggerSetDocument.TriggerSpec spec, Rule inner, TriggerSetDocument.TopicSpec topic) {
        this(spec, inner, spec.labelOrNull() != null ? spec.labelOrNull() : topic.label(), Rule.twoDecimals(spec.minScoreOrDefault()));
    }

    @Override
    public Optional<TriggerFiring> test(Analysis a, Map<String, TriggerFiring> fired) {
        Optional<TriggerFiring> own = inner.test(a, fired);
        if (own.isPresent() || !a.customerSpoke()) {
            return own;
        }
        SemanticMatch match = a.semantic(spec.topic());
        if (match.nearestExample() != null && match.score() >= spec.minScoreOrDefault()) {
            return Optional.of(fireExactly(label, Rule.evidence(a, match, minScoreText)));
        }
        return Optional.empty();
    }
}
