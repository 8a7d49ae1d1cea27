package dev.handoff.routing.control;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The queue and agent load at one instant.
 *
 * @param waiting every waiting handoff in global priority order
 * @param bySkill primary skill → waiting handoff ids in priority order
 * @param agents every known agent's load
 */
public record QueueSnapshot(Instant at, List<Entry> waiting, Map<String, List<String>> bySkill, int offered,
        int owned, List<AgentLoad> agents) {

    /**
     * @param position 1-based, in the global order
     * @param skillPosition 1-based, among handoffs with the same primary skill
     * @param ring the overflow ring reached
     */
    public record Entry(String handoffId, String skill, String language, double priorityPoints, Instant enqueuedAt,
            int ring, int position, int skillPosition) {}

    /** @param load weighted chats plus offers */
    public record AgentLoad(long agentId, String username, AgentPresence presence, int capacity, double load,
            int chats, int idleChats, int offers, Instant lastAssignedAt) {}
}
