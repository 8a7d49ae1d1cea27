package dev.handoff.platform.events;

import java.time.Instant;
import java.util.List;

/**
 * An agent (or supervisor) said a person was not needed for this handoff; {@code triggers} are the
 * triggers newly flagged by it (each trigger of a chat is flagged at most once). Trigger precision
 * on the dashboards counts these.
 */
public record EscalationFlagged(String conversationId, String agent, List<String> triggers, Instant at) implements DomainEvent {

    public EscalationFlagged {
        triggers = List.copyOf(triggers);
    }

    @Override
    public String type() {
        return "handoff.flagged-not-needed";
    }
}
