package dev.handoff.routing.control;

import java.time.Instant;
import java.util.List;

/**
 * A handoff that needs an agent.
 *
 * @param skills required skills, the first the primary one the handoff queues under; an agent in a
 *     skill ring must have all of them at the ring's proficiency
 * @param language the customer's language, e.g. {@code "en"}
 * @param urgency from the trigger that escalated the chat, 0 (routine) .. 10
 * @param accountTier the customer's account value tier, 0 (none) .. 5 (most valuable)
 * @param enqueuedAt when the handoff joined the queue; rings and ageing count from here
 */
public record HandoffRequest(String id, List<String> skills, String language, int urgency, int accountTier,
        Instant enqueuedAt) {

    public HandoffRequest {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id is required");
        }
        if (skills == null || skills.isEmpty() || skills.stream().anyMatch(s -> s == null || s.isBlank())) {
            throw new IllegalArgumentException("skills must name at least one skill");
        }
        skills = List.copyOf(skills);
        if (language == null || language.isBlank()) {
            throw new IllegalArgumentException("language is required");
        }
        if (urgency < 0 || urgency > 10) {
            throw new IllegalArgumentException("urgency must be from 0 to 10, was " + urgency);
        }
        if (accountTier < 0 || accountTier > 5) {
            throw new IllegalArgumentException("accountTier must be from 0 to 5, was " + accountTier);
        }
        if (enqueuedAt == null) {
            throw new IllegalArgumentException("enqueuedAt is required");
        }
    }

    public HandoffRequest(String id, String skill, String language, int urgency, int accountTier, Instant enqueuedAt) {
        this(id, List.of(skill), language, urgency, accountTier, enqueuedAt);
    }

    public String primarySkill() {
        return skills.get(0);
    }
}
