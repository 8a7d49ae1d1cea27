package dev.handoff.routing.boundary;

import dev.handoff.identity.entity.Presence;
import java.util.Locale;
import java.util.Map;

/**
 * An agent as the desk's lists show them (the queue page's agents, the assign and transfer menus): read as
 * columns, so a list of 500 builds no entities and registers nothing for changes (ADR 0069).
 *
 * @param name the account's display name
 * @param skills proficiency 1..5 by skill, sorted by skill
 */
public record AgentLine(long id, String username, String name, Presence presence, boolean enabled, int capacity,
        Map<String, Integer> skills) {

    public AgentLine {
        skills = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(skills));
    }

    /** Enabled and online or busy: a chat given to them now is seen (an offline colleague would strand it). */
    public boolean canTakeChats() {
        return enabled && (presence == Presence.ONLINE || presence == Presence.BUSY);
    }

    public int proficiencyIn(String skill) {
        return skill == null ? 0 : skills.getOrDefault(skill, 0);
    }

    /** "billing:5, general:3": the most proficient first. */
    public String skillsText() {
        return dev.handoff.routing.control.SkillList.format(skills);
    }

    /** "Bob Chen (online)". */
    public String label() {
        return name + " (" + presence.name().toLowerCase(Locale.ROOT) + ")";
    }
}
