package dev.handoff.escalation.control;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** A labelled suite (CSV or JSON) with problems; each names the line or field at fault. */
@ApplicationException(rollback = true)
public class InvalidSuiteException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient List<TriggerSetValidator.Violation> violations;

    public InvalidSuiteException(List<TriggerSetValidator.Violation> violations) {
        super(violations.isEmpty() ? "invalid labelled suite"
                : violations.get(0).field() + ": " + violations.get(0).message()
                        + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
        this.violations = List.copyOf(violations);
    }

    public InvalidSuiteException(String field, String message) {
        this(List.of(new TriggerSetValidator.Violation(field, message)));
    }

    public List<TriggerSetValidator.Violation> violations() {
        return violations;
    }
}
