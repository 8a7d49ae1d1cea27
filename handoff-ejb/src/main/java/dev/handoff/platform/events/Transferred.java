package dev.handoff.platform.events;

import java.time.Instant;

/**
 * A chat left its owner: to another agent ({@code toAgent}), or back to the queue for a skill
 * ({@code toSkill}); {@code by} is who did it (the owner or a supervisor), {@code null} when Handoff
 * took the chat back from an owner who was gone too long.
 */
public record Transferred(String conversationId, String agent, String toAgent, String toSkill, String by, Instant at) implements DomainEvent {

    @Override
    public String type() {
        return "handoff.transferred";
    }
}
