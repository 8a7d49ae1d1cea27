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

    /**
     * One day of an agent's period (the charts): chats handled, the mean rating of those rated and
     * the median first response (of conversations started that day), and the occupancy of that
     * calendar day.
     */
    public record Day(LocalDate day, long handled, Double csat, Double firstResponseMedian, Double occupancy) implements java.io.Serializable {}

    /** One agent's line in the overview's agent table: the period and the previous one. */
    public record Line(String agent, AgentFigures current, AgentFigures previous) implements java.io.Serializable {}

    /** The overview's agent table: a line per agent, all agents together, and all agents' days (the occupancy chart). */
    public record Agents(List<Line> lines, AgentFigures all, AgentFigures allPrevious, List<Day> days) implements java.io.Serializable {}

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
        return dashboard(agent, from, to, rows, List.of());
    }

    /**
     * @param rows the rows of every agent from the previous period's start to {@code to}
     * @param occupancy the occupancy rows of every agent over the same days
     */
    public static Dashboard dashboard(String agent, LocalDate from, LocalDate to, List<Measures.AgentRow> rows,
                                      List<Measures.OccupancyRow> occupancy) {
        return dashboard(agent, from, to, rows, occupancy, rows, occupancy);
    }

    /**
     * As above, with the agent's own rows apart from everyone's: {@code everyone} and
     * {@code everyoneOccupancy} may be per-agent sums over each period (keyed by the period's first
     * day, {@link RollupStore#agentSums}), so a page need not read every agent's days.
     */
    public static Dashboard dashboard(String agent, LocalDate from, LocalDate to, List<Measures.AgentRow> rows,
                                      List<Measures.OccupancyRow> occupancy, List<Measures.AgentRow> everyone,
                                      List<Measures.OccupancyRow> everyoneOccupancy) {
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        LocalDate prevFrom = from.minusDays(days);
        LocalDate prevTo = from.minusDays(1);
        Map<LocalDate, long[]> mine = new TreeMap<>();
        for (Measures.AgentRow r : rows) {
            if (r.key().agent().equals(agent) && in(r.key().day(), from, to)) {
                add(mine.computeIfAbsent(r.key().day(), d -> new long[Counter.SIZE]), r.counters());
            }
        }
        Map<LocalDate, long[]> myTime = new TreeMap<>();
        for (Measures.OccupancyRow r : occupancy) {
            if (r.key().agent().equals(agent) && in(r.key().day(), from, to)) {
                add(myTime.computeIfAbsent(r.key().day(), d -> new long[Occupancy.COLUMNS.size()]), r.seconds());
            }
        }
        List<Day> series = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            long[] c = mine.getOrDefault(d, new long[Counter.SIZE]);
            long[] t = myTime.getOrDefault(d, new long[Occupancy.COLUMNS.size()]);
            series.add(new Day(d, c[Counter.ACCEPTED.ordinal()], Summary.ratio(c[Counter.CSAT_HUMAN_SUM.ordinal()], c[Counter.CSAT_HUMAN_N.ordinal()]),
                    Histogram.percentile(Summary.slice(c, Counter.FR_H0, Counter.TTA_BOUNDS.length + 1), Histogram.ttaBounds(), 0.5),
                    Occupancy.of(t[Occupancy.CHAT], t[Occupancy.CAPACITY])));
        }
        return new Dashboard(agent, from, to,
                sum(rows, occupancy, from, to, agent::equals), sum(rows, occupancy, prevFrom, prevTo, agent::equals),
                sum(everyone, everyoneOccupancy, from, to, a -> true), sum(everyone, everyoneOccupancy, prevFrom, prevTo, a -> true), series);
    }

    /**
     * Every agent with figures in the period (a chat accepted first, or time online): their figures
     * and the previous period's, by username.
     *
     * @param rows and {@code occupancy}: every agent's rows from the previous period's start to {@code to}
     */
    public static Agents agents(LocalDate from, LocalDate to, List<Measures.AgentRow> rows, List<Measures.OccupancyRow> occupancy) {
        return agents(from, to, rows, occupancy, occupancy);
    }

    /**
     * @param rows and {@code occupancy}: every agent's rows (or per-agent sums keyed by each period's
     *     first day) of the period and the previous one
     * @param occupancyByDay rows of the period's calendar days for the chart (any agent names; all added up per day)
     */
    public static Agents agents(LocalDate from, LocalDate to, List<Measures.AgentRow> rows, List<Measures.OccupancyRow> occupancy,
                                List<Measures.OccupancyRow> occupancyByDay) {
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        Map<LocalDate, long[]> counters = new TreeMap<>();
        Map<LocalDate, long[]> time = new TreeMap<>();
        rows.stream().filter(r -> in(r.key().day(), from, to))
                .forEach(r -> add(counters.computeIfAbsent(r.key().day(), d -> new long[Counter.SIZE]), r.counters()));
        occupancyByDay.stream().filter(r -> in(r.key().day(), from, to))
                .forEach(r -> add(time.computeIfAbsent(r.key().day(), d -> new long[Occupancy.COLUMNS.size()]), r.seconds()));
        List<Day> series = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            long[] c = counters.getOrDefault(d, new long[Counter.SIZE]);
            long[] t = time.getOrDefault(d, new long[Occupancy.COLUMNS.size()]);
            series.add(new Day(d, c[Counter.ACCEPTED.ordinal()], Summary.ratio(c[Counter.CSAT_HUMAN_SUM.ordinal()], c[Counter.CSAT_HUMAN_N.ordinal()]),
                    Histogram.percentile(Summary.slice(c, Counter.FR_H0, Counter.TTA_BOUNDS.length + 1), Histogram.ttaBounds(), 0.5),
                    Occupancy.of(t[Occupancy.CHAT], t[Occupancy.CAPACITY])));
        }
        return new Agents(lines(from, to, rows, occupancy), sum(rows, occupancy, from, to, a -> true),
                sum(rows, occupancy, from.minusDays(days), from.minusDays(1), a -> true), series);
    }

    public static List<Line> lines(LocalDate from, LocalDate to, List<Measures.AgentRow> rows, List<Measures.OccupancyRow> occupancy) {
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        LocalDate prevFrom = from.minusDays(days);
        LocalDate prevTo = from.minusDays(1);
        java.util.TreeSet<String> agents = new java.util.TreeSet<>();
        rows.stream().filter(r -> in(r.key().day(), from, to)).forEach(r -> agents.add(r.key().agent()));
        occupancy.stream().filter(r -> in(r.key().day(), from, to)).forEach(r -> agents.add(r.key().agent()));
        Map<String, List<Measures.AgentRow>> rowsOf = new java.util.HashMap<>();
        rows.forEach(r -> rowsOf.computeIfAbsent(r.key().agent(), a -> new ArrayList<>()).add(r));
        Map<String, List<Measures.OccupancyRow>> timeOf = new java.util.HashMap<>();
        occupancy.forEach(r -> timeOf.computeIfAbsent(r.key().agent(), a -> new ArrayList<>()).add(r));
        List<Line> lines = new ArrayList<>();
        for (String a : agents) {
            List<Measures.AgentRow> mine = rowsOf.getOrDefault(a, List.of());
            List<Measures.OccupancyRow> time = timeOf.getOrDefault(a, List.of());
            lines.add(new Line(a, sum(mine, time, from, to, x -> true), sum(mine, time, prevFrom, prevTo, x -> true)));
        }
        return lines;
    }

    /** The group's agents (usernames) against every other agent who accepted anything from {@code from} to {@code to}. */
    public static Pilot pilot(LocalDate from, LocalDate to, Set<String> group, List<Measures.AgentRow> rows) {
        return pilot(from, to, group, rows, List.of());
    }

    public static Pilot pilot(LocalDate from, LocalDate to, Set<String> group, List<Measures.AgentRow> rows, List<Measures.OccupancyRow> occupancy) {
        return new Pilot(from, to, Set.copyOf(group), sum(rows, occupancy, from, to, group::contains),
                sum(rows, occupancy, from, to, a -> !group.contains(a)));
    }

    static AgentFigures sum(List<Measures.AgentRow> rows, LocalDate from, LocalDate to, java.util.function.Predicate<String> agents) {
        return sum(rows, List.of(), from, to, agents);
    }

    /** The agents' counters and occupancy seconds over the days; "agents" counts those who accepted anything. */
    static AgentFigures sum(List<Measures.AgentRow> rows, List<Measures.OccupancyRow> occupancy, LocalDate from, LocalDate to,
                            java.util.function.Predicate<String> agents) {
        long[] c = new long[Counter.SIZE];
        Set<String> seen = new HashSet<>();
        for (Measures.AgentRow r : rows) {
            if (in(r.key().day(), from, to) && agents.test(r.key().agent())) {
                add(c, r.counters());
                seen.add(r.key().agent());
            }
        }
        long[] o = new long[Occupancy.COLUMNS.size()];
        for (Measures.OccupancyRow r : occupancy) {
            if (in(r.key().day(), from, to) && agents.test(r.key().agent())) {
                add(o, r.seconds());
            }
        }
        return AgentFigures.of(seen.size(), c, o);
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
