package dev.handoff.metrics.control;

import java.time.LocalDate;

/** A row of {@code metric_agent_daily}: the day the conversations started (UTC) and the agent who first accepted them. */
public record AgentKey(LocalDate day, String agent) implements Comparable<AgentKey> {

    @Override
    public int compareTo(AgentKey o) {
        int c = day.compareTo(o.day);
        return c != 0 ? c : agent.compareTo(o.agent);
    }
}
