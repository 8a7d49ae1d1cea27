package dev.handoff.routing.control;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The queue and agent load at one instant, as the supervisor's queue page shows them: the head of each
 * skill's line and the line's length, not every waiting handoff (with 5,000 waiting, copying them all
 * under the engine's lock on every refresh was most of the snapshot's cost; ADR 0069).
 *
 * @param heads primary skill → its first waiting handoffs in priority order, at most the number asked for;
 *     skills in the order their first handoff stands in the global order
 * @param totals primary skill → how many handoffs wait for it
 * @param oldest when the longest-waiting handoff was enqueued, null when nobody waits
 * @param agents every known agent's load
 */
public record QueueSnapshot(Instant at, Map<String, List<Entry>> heads, Map<String, Integer> totals, Instant oldest,
        List<AgentLoad> agents) {

    /**
     * @param skillPosition 1-based, among handoffs with the same primary skill
     * @param ring the overflow ring reached
     */
    public record Entry(String handoffId, String skill, String language, double priorityPoints, Instant enqueuedAt,
            int ring, int skillPosition) {}

    /** @param load weighted chats plus offers */
    public record AgentLoad(long agentId, String username, AgentPresence presence, int capacity, double load,
            int chats, int idleChats, int offers, Instant lastAssignedAt) {}
}
