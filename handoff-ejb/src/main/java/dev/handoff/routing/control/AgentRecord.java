package dev.handoff.routing.control;

import dev.handoff.identity.entity.Role;
import java.util.Map;
import java.util.Set;

/**
 * One user as the agent CSV describes them. A null field means "not given" (the column is missing or,
 * for scalar columns, the cell is empty): an import leaves that value as it is, or uses the default for
 * a new user. {@code skills} is empty when the cell is empty (no skills); {@code team} is "" for "no team".
 */
public record AgentRecord(String username, String displayName, Role role, Boolean enabled, Integer capacity,
        Map<String, Integer> skills, Set<String> languages, Integer tier, String team) {

    public AgentRecord {
        skills = skills == null ? null : Map.copyOf(skills);
        languages = languages == null ? null : Set.copyOf(languages);
    }

    /** Whether any of the routing-profile columns (capacity, skills, languages, tier, team) has a value. */
    public boolean hasAgentFields() {
        return capacity != null || (skills != null && !skills.isEmpty()) || languages != null || tier != null
                || (team != null && !team.isBlank());
    }
}
