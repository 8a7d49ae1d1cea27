package dev.handoff.escalation.control;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** A trigger-set document with problems; each names the faulty field. */
@ApplicationException(rollback = true)
public class InvalidTriggerSetException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient List<TriggerSetValidator.Violation> violations;

    public InvalidTriggerSetException(List<TriggerSetValidator.Violation> violations) {
        super(violations.isEmpty() ? "invalid trigger set"
                : violations.get(0).field() + ": " + violations.get(0).message()
                        + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
        this.violations = List.copyOf(violations);
    }

    public List<TriggerSetValidator.Violation> violations() {
        return violations;
    }
}
