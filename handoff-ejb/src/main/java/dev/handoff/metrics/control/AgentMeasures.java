package dev.handoff.metrics.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An agent's own dashboard and the pilot comparison, computed from {@code metric_agent_daily} rows
 * (a conversation counts for the agent who first accepted it): pure, so tests compute every figure
 * from a known history.
 */
public final class AgentMeasures {

    /** One day of an agent's period: chats handled and the mean rating of those rated (the charts). */
    public record Day(LocalDate day, long handled, Double csat) implements java.io.Serializable {}

    /**
     * One agent's figures for the period and the previous period of the same length, beside all
     * agents' together (no other agent named), and the agent's days.
     */
    public record Dashboard(String agent, LocalDate from, LocalDate to, AgentFigures current, AgentFigures previous,
                            AgentFigures everyone, AgentFigures everyonePrevious, List<Day> days) implements java.io.Serializable {}

    /** The pilot group's figures beside every other agent's, for one period. */
    public record Pilot(LocalDate from, LocalDate to, Set<String> group, AgentFigures pilot, AgentFigures others)
            implements java.io.Serializable {}

    private AgentMeasures() {}

    /**
     * @param rows the rows of every agent from the previous period's start to {@code to}
     */
    public static Dashboard dashboard(String agent, LocalDate from, LocalDate to, List<Measures.AgentRow> rows) {
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        LocalDate prevFrom = from.minusDays(days);
        LocalDate prevTo = from.minusDays(1);
        Map<LocalDate, long[]> mine = new TreeMap<>();
        for (Measures.AgentRow r : rows) {
            if (r.key().agent().equals(agent) && in(r.key().day(), from, to)) {
                add(mine.computeIfAbsent(r.key().day(), d -> new long[Counter.SIZE]), r.counters());
            }
        }
        List<Day> series = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            long[] c = mine.getOrDefault(d, new long[Counter.SIZE]);
            series.add(new Day(d, c[Counter.ACCEPTED.ordinal()], Summary.ratio(c[Counter.CSAT_HUMAN_SUM.ordinal()], c[Counter.CSAT_HUMAN_N.ordinal()])));
        }
        return new Dashboard(agent, from, to,
                sum(rows, from, to, agent::equals), sum(rows, prevFrom, prevTo, agent::equals),
                sum(rows, from, to, a -> true), sum(rows, prevFrom, prevTo, a -> true), series);
    }

    /** The group's agents (usernames) against every other agent who accepted anything from {@code from} to {@code to}. */
    public static Pilot pilot(LocalDate from, LocalDate to, Set<String> group, List<Measures.AgentRow> rows) {
        return new Pilot(from, to, Set.copyOf(group), sum(rows, from, to, group::contains), sum(rows, from, to, a -> !group.contains(a)));
    }

    static AgentFigures sum(List<Measures.AgentRow> rows, LocalDate from, LocalDate to, java.util.function.Predicate<String> agents) {
        long[] c = new long[Counter.SIZE];
        Set<String> seen = new HashSet<>();
        for (Measures.AgentRow r : rows) {
            if (in(r.key().day(), from, to) && agents.test(r.key().agent())) {
                add(c, r.counters());
                seen.add(r.key().agent());
            }
        }
        return AgentFigures.of(seen.size(), c);
    }

    private static boolean in(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private static void add(long[] into, long[] c) {
        for (int i = 0; i < into.length; i++) {
            into[i] += c[i];
        }
    }
}
