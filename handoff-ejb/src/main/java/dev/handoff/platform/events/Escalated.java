package dev.handoff.platform.events;

import java.time.Instant;
import java.util.List;

/**
 * The triggers handed a conversation to people: the skill it waits for, its priority, the triggers
 * that fired and the message they fired on. {@code unavailable} is the reason nobody can take it now
 * ({@code null} when agents are reachable).
 */
public record Escalated(String conversationId, String skill, int priority, List<String> triggers, int messageSeq,
                        String unavailable, Instant at) implements DomainEvent {

    public Escalated {
        triggers = List.copyOf(triggers);
    }

    @Override
    public String type() {
        return "handoff.escalated";
    }
}
