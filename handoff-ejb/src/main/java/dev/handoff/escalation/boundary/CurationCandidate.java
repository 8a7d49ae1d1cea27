package dev.handoff.escalation.boundary;

import java.time.Instant;
import java.util.List;

/**
 * A conversation a supervisor or admin may turn into a suite case: an escalation an agent flagged
 * as not needed ({@code flaggedBy} set), or a recent conversation that may have missed one.
 * {@code inSuites} names the suites that already hold a case from it.
 */
public record CurationCandidate(String conversationId, String customer, String state, Instant createdAt, Instant escalatedAt,
        String escalationReason, List<String> triggers, String flaggedBy, String flagReason, Instant flaggedAt,
        List<String> inSuites) {

    public boolean isEscalated() {
        return escalatedAt != null;
    }

    public boolean isInSuite() {
        return !inSuites.isEmpty();
    }

    /** "billing-dispute, frustration", for lists. */
    public String triggersText() {
        return String.join(", ", triggers);
    }

    /** "missed-escalations, not-needed-flags", for lists. */
    public String suitesText() {
        return String.join(", ", inSuites);
    }
}
