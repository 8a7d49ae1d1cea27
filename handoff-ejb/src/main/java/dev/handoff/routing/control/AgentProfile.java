package dev.handoff.routing.control;

import dev.handoff.platform.InvalidInputException;
import java.util.Map;
import java.util.Set;

/**
 * What the routing engine needs to know about an agent that changes only when an admin edits it.
 * Live state (presence, chats, offers, last assignment) lives in the engine.
 *
 * @param skills skill name → proficiency 1..5
 * @param languages languages the agent chats in, e.g. {@code "en"}
 * @param tier seniority 1 (junior) .. 5
 * @param capacity how many full-weight chats and offers the agent may hold at once
 */
public record AgentProfile(long id, String username, Map<String, Integer> skills, Set<String> languages, int tier,
        String team, int capacity) {

    public AgentProfile {
        if (username == null || username.isBlank()) {
            throw new InvalidInputException("username is required");
        }
        skills = Map.copyOf(skills == null ? Map.of() : skills);
        skills.forEach((skill, level) -> {
            if (skill.isBlank() || skill.equals(RoutingEngine.ANY)) {
                throw new InvalidInputException("skills: '" + skill + "' is not a skill name");
            }
            if (level < 1 || level > RoutingPolicy.MAX_LEVEL) {
                throw new InvalidInputException("skills: the level of " + skill + " must be from 1 to "
                        + RoutingPolicy.MAX_LEVEL + ", was " + level);
            }
        });
        languages = Set.copyOf(languages == null ? Set.of() : languages);
        if (languages.contains(RoutingEngine.ANY)) {
            throw new InvalidInputException("languages: '*' is not a language");
        }
        if (tier < 1 || tier > RoutingPolicy.MAX_LEVEL) {
            throw new InvalidInputException("tier must be from 1 to " + RoutingPolicy.MAX_LEVEL + ", was " + tier);
        }
        if (capacity < 0) {
            throw new InvalidInputException("capacity must be 0 or more, was " + capacity);
        }
    }

    public int proficiency(String skill) {
        return skills.getOrDefault(skill, 0);
    }
}
