package dev.handoff.routing.control;

import java.time.Instant;
import java.util.Map;

/** An agent as the router sees them at the moment of a decision. */
public record Candidate(long agentId, String username, boolean available, Map<String, Integer> skills,
        int capacity, int activeChats, int pendingOffers, Instant lastAssignedAt) {

    public int load() {
        return activeChats + pendingOffers;
    }

    public boolean hasRoom() {
        return load() < capacity;
    }

    public int proficiency(String skill) {
        return skill == null ? 0 : skills.getOrDefault(skill, 0);
    }
}
