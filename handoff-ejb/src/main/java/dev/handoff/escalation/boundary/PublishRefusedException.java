package dev.handoff.escalation.boundary;

import dev.handoff.escalation.control.BenchReport;
import jakarta.ejb.ApplicationException;

/** Publishing below the catch-rate floor or above the false-positive ceiling needs a recorded override. */
@ApplicationException(rollback = true)
public class PublishRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient BenchReport report;

    public PublishRefusedException(String message, BenchReport report) {
        super(message);
        this.report = report;
    }

    public BenchReport report() {
        return report;
    }
}
