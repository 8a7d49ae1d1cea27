package dev.handoff.escalation.control;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A combination trigger: fires when all ("and") or any ("or") of the triggers it names fired on
 * the same message; compiled after every trigger it names.
 */
record CombinationRule(TriggerSetDocument.TriggerSpec spec, String reason) implements Rule {

    CombinationRule(TriggerSetDocument.TriggerSpec spec) {
        this(spec, ("and".equals(spec.operator()) ? "All of " : "One of ") + String.join(", ", spec.of()));
    }

    @Override
    public Optional<TriggerFiring> test(Analysis a, Map<String, TriggerFiring> fired) {
        List<String> of = spec.of();
        boolean and = "and".equals(spec.operator());
        int present = 0;
        for (String part : of) {
            if (fired.get(part) != null) {
                present++;
            } else if (and) {
                return Optional.empty();
            }
        }
        if (!and && present == 0) {
            return Optional.empty();
        }
        StringBuilder evidence = new StringBuilder();
        for (String part : of) {
            TriggerFiring p = fired.get(part);
            if (p != null) {
                evidence.append(evidence.length() > 0 ? "; " : "").append(p.name()).append(": ").append(p.evidence());
            }
        }
        return Optional.of(fire(reason, evidence.toString()));
    }
}
