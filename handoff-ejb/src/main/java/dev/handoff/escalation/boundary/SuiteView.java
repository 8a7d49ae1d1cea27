package dev.handoff.escalation.boundary;

import dev.handoff.escalation.entity.LabelledSuite;
import java.time.Instant;

/** A labelled suite as lists show it; the shipped suite is built in and read-only. */
public record SuiteView(String name, String description, boolean gate, boolean builtIn, int cases, String updatedBy, Instant updatedAt) {

    static SuiteView of(LabelledSuite s) {
        return new SuiteView(s.getName(), s.getDescription(), s.isGate(), false, s.getCases().size(), s.getUpdatedBy(), s.getUpdatedAt());
    }
}
