package dev.handoff.metrics.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes an {@link Overview} from roll-up rows covering the period and the previous period of the
 * same length: pure, so tests compute every measure from a known history.
 */
public final class Measures {

    /** A stored {@code metric_daily} row. */
    public record Row(RollupKey key, long[] counters) {}

    /** A stored {@code metric_agent_daily} row. */
    public record AgentRow(AgentKey key, long[] counters) {}

    /** A stored {@code metric_occupancy_daily} row: seconds by {@link Occupancy#COLUMNS}' indexes, of a calendar day. */
    public record OccupancyRow(AgentKey key, long[] seconds) {}

    /** A stored {@code metric_trigger_daily} row. */
    public record TriggerRow(TriggerKey key, long fired, long flagged) {}

    private final double trainingShare;

    /** @param trainingShare a topic whose share of escalations is above this is a bot-training opportunity (0.30). */
    public Measures(double trainingShare) {
        this.trainingShare = trainingShare;
    }

    public Overview overview(Filter filter, List<Row> rows, List<TriggerRow> triggerRows) {
        return overview(filter, filter.previous(), rows, triggerRows);
    }

    /**
     * As {@link #overview(Filter, List, List)}, compared with another period (a quarter with the
     * quarter before, whose length differs by a day or two); {@code previous} has the same dimensions.
     */
    public Overview overview(Filter filter, Filter previous, List<Row> rows, List<TriggerRow> triggerRows) {
        Summary current = summary(filter, rows);
        Summary before = summary(previous, rows);

        Map<LocalDate, List<Row>> byDay = new TreeMap<>();
        for (Row r : rows) {
            byDay.computeIfAbsent(r.key().day(), d -> new ArrayList<>()).add(r);
        }
        List<Overview.Day> days = new ArrayList<>();
        for (LocalDate d = filter.from(); !d.isAfter(filter.to()); d = d.plusDays(1)) {
            days.add(new Overview.Day(d, summary(filter.between(d, d), byDay.getOrDefault(d, List.of()))));
        }

        Map<String, long[]> now = new TreeMap<>();
        Map<String, long[]> then = new TreeMap<>();
        for (Row r : rows) {
            if (r.key().trigger().isEmpty()) {
                continue;
            }
            if (filter.matches(r.key())) {
                add(now.computeIfAbsent(r.key().trigger(), t -> new long[Counter.SIZE]), r.counters());
            } else if (previous.matches(r.key())) {
                add(then.computeIfAbsent(r.key().trigger(), t -> new long[Counter.SIZE]), r.counters());
            }
        }
        long escalatedNow = current.escalated();
        long escalatedThen = before.escalated();
        List<Overview.Topic> topics = new ArrayList<>();
        for (Map.Entry<String, long[]> e : now.entrySet()) {
            long n = e.getValue()[Counter.ESCALATED.ordinal()];
            long p = then.containsKey(e.getKey()) ? then.get(e.getKey())[Counter.ESCALATED.ordinal()] : 0;
            Double share = Summary.ratio(n, escalatedNow);
            Summary s = Summary.of(0, e.getValue());
            topics.add(new Overview.Topic(e.getKey(), n, share, p, Summary.ratio(p, escalatedThen),
                    share != null && share > trainingShare, s.csatHuman(), s.ttaMean()));
        }
        topics.sort(Comparator.comparingLong(Overview.Topic::escalations).reversed().thenComparing(Overview.Topic::trigger));

        Map<String, long[]> fired = new TreeMap<>();
        if (filter.team() == null) {
            for (TriggerRow r : triggerRows) {
                count(fired, r.key().trigger(), filter.matches(r.key()), previous.matches(r.key()), r.fired(), r.flagged());
            }
        } else {
            // the trigger rows have no team: a team's precision counts each escalation's first trigger
            now.forEach((t, c) -> count(fired, t, true, false, c[Counter.ESCALATED.ordinal()], c[Counter.NOT_NEEDED.ordinal()]));
            then.forEach((t, c) -> count(fired, t, false, true, c[Counter.ESCALATED.ordinal()], c[Counter.NOT_NEEDED.ordinal()]));
        }
        List<Overview.TriggerPrecisionRow> precision = new ArrayList<>();
        fired.forEach((t, f) -> {
            if (f[0] > 0 || f[1] > 0) {
                precision.add(new Overview.TriggerPrecisionRow(t, f[0], f[1], f[2], f[3]));
            }
        });
        precision.sort(Comparator.comparingLong(Overview.TriggerPrecisionRow::fired).reversed()
                .thenComparing(Overview.TriggerPrecisionRow::trigger));
        return new Overview(filter, current, before, days, topics, precision);
    }

    private static void count(Map<String, long[]> fired, String trigger, boolean inNow, boolean inThen, long n, long flagged) {
        if (inNow || inThen) {
            long[] f = fired.computeIfAbsent(trigger, t -> new long[4]);
            int at = inNow ? 0 : 2;
            f[at] += n;
            f[at + 1] += flagged;
        }
    }

    static Summary summary(Filter filter, List<Row> rows) {
        long[] sum = new long[Counter.SIZE];
        long started = 0;
        for (Row r : rows) {
            if (filter.matchesStarted(r.key())) {
                started += r.counters()[Counter.STARTED.ordinal()];
            }
            if (filter.matches(r.key())) {
                add(sum, r.counters());
            }
        }
        return Summary.of(started, sum);
    }

    private static void add(long[] into, long[] c) {
        for (int i = 0; i < into.length; i++) {
            into[i] += c[i];
        }
    }
}
