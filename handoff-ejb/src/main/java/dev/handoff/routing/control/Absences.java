package dev.handoff.routing.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Since when each agent has been gone (offline or away), as this JVM saw it. An agent first seen
 * gone (after a restart, say) counts from that moment, so a restart never takes chats early.
 * Thread-safe.
 */
public final class Absences {

    private final Map<Long, Instant> goneSince = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicReference<Instant> lastCheck = new java.util.concurrent.atomic.AtomicReference<>(Instant.EPOCH);

    /** True once per {@code every}: whether the caller should look for owners gone too long now. */
    public boolean checkDue(Instant now, Duration every) {
        Instant last = lastCheck.get();
        return !now.isBefore(last.plus(every)) && lastCheck.compareAndSet(last, now);
    }

    /** Records the agent's presence as seen at {@code now}: gone (offline/away) starts or keeps the clock, back stops it. */
    public void seen(long agentId, AgentPresence presence, Instant now) {
        if (presence == AgentPresence.OFFLINE || presence == AgentPresence.AWAY) {
            goneSince.putIfAbsent(agentId, now);
        } else {
            goneSince.remove(agentId);
        }
    }

    /** Of these agents, the ones gone for {@code limit} or longer at {@code now}. */
    public List<Long> goneLongerThan(Duration limit, Instant now, List<Long> agentIds) {
        Instant cutoff = now.minus(limit);
        return agentIds.stream().filter(id -> {
            Instant since = goneSince.get(id);
            return since != null && !since.isAfter(cutoff);
        }).distinct().toList();
    }
}
