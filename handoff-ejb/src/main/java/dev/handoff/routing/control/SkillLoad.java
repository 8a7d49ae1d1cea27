package dev.handoff.routing.control;

/**
 * Live capacity for one skill: agents online (and in the pilot group) with the skill, their summed
 * capacity and weighted load, and how many handoffs wait with it as primary skill.
 */
public record SkillLoad(String skill, int agents, int capacity, double load, int waiting) {

    public double freeSlots() {
        return Math.max(0, capacity - load);
    }
}
