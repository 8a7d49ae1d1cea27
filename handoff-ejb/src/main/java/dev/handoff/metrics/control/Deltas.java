package dev.handoff.metrics.control;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one event adds to the roll-ups: counters per {@code metric_daily} row and fired / not-needed
 * counts per {@code metric_trigger_daily} row. Keys are kept sorted, so every transaction takes its
 * row locks in the same order (no deadlock between two transactions adding to the same rows).
 */
public final class Deltas {

    public static final int FIRED = 0;
    public static final int FLAGGED = 1;

    private final TreeMap<RollupKey, long[]> daily = new TreeMap<>();
    private final TreeMap<TriggerKey, long[]> triggers = new TreeMap<>();
    private final TreeMap<AgentKey, long[]> agents = new TreeMap<>();
    private final TreeMap<AgentKey, long[]> occupancy = new TreeMap<>();

    public Deltas add(RollupKey key, Counter counter, long amount) {
        if (amount != 0) {
            daily.computeIfAbsent(key, k -> new long[Counter.SIZE])[counter.ordinal()] += amount;
        }
        return this;
    }

    /** Counters of a {@code metric_agent_daily} row (the conversation's first accepting agent). */
    public Deltas addAgent(AgentKey key, Counter counter, long amount) {
        if (amount != 0) {
            agents.computeIfAbsent(key, k -> new long[Counter.SIZE])[counter.ordinal()] += amount;
        }
        return this;
    }

    /** Seconds of a {@code metric_occupancy_daily} row (calendar day × agent); {@code which} is one of {@link Occupancy#COLUMNS}' indexes. */
    public Deltas addOccupancy(AgentKey key, int which, long seconds) {
        if (seconds != 0) {
            occupancy.computeIfAbsent(key, k -> new long[Occupancy.COLUMNS.size()])[which] += seconds;
        }
        return this;
    }

    public Deltas addTrigger(TriggerKey key, int which, long amount) {
        if (amount != 0) {
            triggers.computeIfAbsent(key, k -> new long[2])[which] += amount;
        }
        return this;
    }

    /** Adds everything in {@code other} to this (for building roll-ups in memory: tests, demo history). */
    public Deltas addAll(Deltas other) {
        other.daily.forEach((k, v) -> {
            long[] mine = daily.computeIfAbsent(k, x -> new long[Counter.SIZE]);
            for (int i = 0; i < v.length; i++) {
                mine[i] += v[i];
            }
        });
        other.agents.forEach((k, v) -> {
            long[] mine = agents.computeIfAbsent(k, x -> new long[Counter.SIZE]);
            for (int i = 0; i < v.length; i++) {
                mine[i] += v[i];
            }
        });
        other.occupancy.forEach((k, v) -> {
            long[] mine = occupancy.computeIfAbsent(k, x -> new long[Occupancy.COLUMNS.size()]);
            for (int i = 0; i < v.length; i++) {
                mine[i] += v[i];
            }
        });
        other.triggers.forEach((k, v) -> {
            long[] mine = triggers.computeIfAbsent(k, x -> new long[2]);
            mine[0] += v[0];
            mine[1] += v[1];
        });
        return this;
    }

    public Map<RollupKey, long[]> daily() {
        return daily;
    }

    public Map<TriggerKey, long[]> triggers() {
        return triggers;
    }

    public Map<AgentKey, long[]> agents() {
        return agents;
    }

    public Map<AgentKey, long[]> occupancy() {
        return occupancy;
    }

    public boolean isEmpty() {
        return daily.isEmpty() && triggers.isEmpty() && agents.isEmpty() && occupancy.isEmpty();
    }
}
