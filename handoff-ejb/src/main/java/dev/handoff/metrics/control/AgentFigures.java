package dev.handoff.metrics.control;

/**
 * One agent's (or a group of agents') figures for a period, from summed {@code metric_agent_daily}
 * counters: the conversations they first accepted (docs/dashboards.md). A ratio is {@code null} when
 * its denominator is zero.
 *
 * @param agents how many agents have a row in the sum (accepted anything in the period)
 * @param handled conversations accepted ("chats handled")
 * @param handleMean mean seconds from the acceptance to the resolution, of those resolved
 * @param ttaMean mean seconds from the escalation to the acceptance
 * @param csat mean rating of the rated ones (1-5)
 * @param notNeededRate share of the handled escalations flagged "not needed"
 * @param withinTarget share accepted within the time-to-agent target
 * @param responded chats with a first response (a person's first message after the escalation)
 * @param firstResponseMean mean seconds from the escalation to that first message
 * @param onlineSeconds seconds online or busy (calendar days of the period, metric_occupancy_daily)
 * @param capacitySeconds online seconds × capacity
 * @param chatSeconds seconds the agents owned chats, summed over chats
 * @param occupancy chatSeconds / capacitySeconds
 */
public record AgentFigures(
        int agents,
        long handled,
        long resolved,
        Double handleMean,
        Double handleMedian,
        Double ttaMean,
        Double ttaMedian,
        Double csat,
        long csatCount,
        long transfers,
        long notNeeded,
        Double notNeededRate,
        Double firstResponseCompliance,
        Double resolutionCompliance,
        Double withinTarget,
        long responded,
        Double firstResponseMean,
        Double firstResponseMedian,
        Double firstResponseP90,
        long onlineSeconds,
        long awaySeconds,
        long capacitySeconds,
        long chatSeconds,
        Double occupancy) implements java.io.Serializable {

    public static AgentFigures of(int agents, long[] c) {
        return of(agents, c, new long[Occupancy.COLUMNS.size()]);
    }

    /** @param o summed occupancy seconds by {@link Occupancy#COLUMNS}' indexes */
    public static AgentFigures of(int agents, long[] c, long[] o) {
        long[] fr = Summary.slice(c, Counter.FR_H0, Counter.TTA_BOUNDS.length + 1);
        long accepted = c[Counter.ACCEPTED.ordinal()];
        long handled = c[Counter.HANDLED.ordinal()];
        long rated = c[Counter.CSAT_HUMAN_N.ordinal()];
        return new AgentFigures(
                agents,
                accepted,
                c[Counter.RESOLVED.ordinal()],
                Summary.ratio(c[Counter.HANDLE_SUM.ordinal()], handled),
                Histogram.percentile(Summary.slice(c, Counter.HANDLE_H0, Counter.HANDLE_BOUNDS.length + 1), Histogram.handleBounds(), 0.5),
                Summary.ratio(c[Counter.TTA_SUM.ordinal()], accepted),
                Histogram.percentile(Summary.slice(c, Counter.TTA_H0, Counter.TTA_BOUNDS.length + 1), Histogram.ttaBounds(), 0.5),
                Summary.ratio(c[Counter.CSAT_HUMAN_SUM.ordinal()], rated),
                rated,
                c[Counter.TRANSFERS.ordinal()],
                c[Counter.NOT_NEEDED.ordinal()],
                Summary.ratio(c[Counter.NOT_NEEDED.ordinal()], c[Counter.ESCALATED.ordinal()]),
                accepted == 0 ? null : 1.0 - (double) c[Counter.BREACH_FIRST.ordinal()] / accepted,
                accepted == 0 ? null : 1.0 - (double) c[Counter.BREACH_RESOLUTION.ordinal()] / accepted,
                Summary.ratio(c[Counter.SLA_MET.ordinal()], accepted),
                c[Counter.RESPONDED.ordinal()],
                Summary.ratio(c[Counter.FR_SUM.ordinal()], c[Counter.RESPONDED.ordinal()]),
                Histogram.percentile(fr, Histogram.ttaBounds(), 0.5),
                Histogram.percentile(fr, Histogram.ttaBounds(), 0.9),
                o[Occupancy.ONLINE],
                o[Occupancy.AWAY],
                o[Occupancy.CAPACITY],
                o[Occupancy.CHAT],
                Occupancy.of(o[Occupancy.CHAT], o[Occupancy.CAPACITY]));
    }
}
