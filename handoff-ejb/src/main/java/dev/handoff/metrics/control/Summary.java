package dev.handoff.metrics.control;

/**
 * Every headline measure of one period, computed from summed roll-up counters (docs/dashboards.md
 * defines each). A ratio is {@code null} when its denominator is zero.
 */
public record Summary(
        long started,
        long escalated,
        Double handoffRate,
        long accepted,
        Double ttaMean,
        Double ttaMedian,
        Double ttaP90,
        long abandoned,
        Double abandonmentRate,
        Double abandonedWaitMean,
        Double csatBot,
        long csatBotCount,
        Double csatHuman,
        long csatHumanCount,
        long notNeeded,
        Double precision,
        Double slaWithinTarget,
        Double firstResponseCompliance,
        Double updateCompliance,
        Double resolutionCompliance,
        long waitPredicted,
        Double waitMedianRatio,
        Double waitWithin50,
        long resolved,
        long transfers,
        long responded,
        Double firstResponseMean,
        Double firstResponseMedian,
        Double firstResponseP90) {

    public static Summary of(long started, long[] c) {
        long escalated = c[Counter.ESCALATED.ordinal()];
        long accepted = c[Counter.ACCEPTED.ordinal()];
        long abandoned = c[Counter.ABANDONED.ordinal()];
        long botN = c[Counter.CSAT_BOT_N.ordinal()];
        long humanN = c[Counter.CSAT_HUMAN_N.ordinal()];
        long predicted = c[Counter.WAIT_PREDICTED.ordinal()];
        long notNeeded = c[Counter.NOT_NEEDED.ordinal()];
        long[] tta = slice(c, Counter.TTA_H0, Counter.TTA_BOUNDS.length + 1);
        long[] ratio = slice(c, Counter.WR_H0, Counter.RATIO_BOUNDS.length + 1);
        long[] fr = slice(c, Counter.FR_H0, Counter.TTA_BOUNDS.length + 1);
        double[] ttaBounds = Histogram.ttaBounds();
        return new Summary(
                started,
                escalated,
                ratio(escalated, started),
                accepted,
                ratio(c[Counter.TTA_SUM.ordinal()], accepted),
                Histogram.percentile(tta, ttaBounds, 0.5),
                Histogram.percentile(tta, ttaBounds, 0.9),
                abandoned,
                ratio(abandoned, escalated),
                ratio(c[Counter.ABANDON_WAIT_SUM.ordinal()], abandoned),
                ratio(c[Counter.CSAT_BOT_SUM.ordinal()], botN),
                botN,
                ratio(c[Counter.CSAT_HUMAN_SUM.ordinal()], humanN),
                humanN,
                notNeeded,
                escalated == 0 ? null : 1.0 - (double) notNeeded / escalated,
                ratio(c[Counter.SLA_MET.ordinal()], accepted),
                accepted == 0 ? null : 1.0 - (double) c[Counter.BREACH_FIRST.ordinal()] / accepted,
                accepted == 0 ? null : 1.0 - (double) c[Counter.BREACH_UPDATE.ordinal()] / accepted,
                accepted == 0 ? null : 1.0 - (double) c[Counter.BREACH_RESOLUTION.ordinal()] / accepted,
                predicted,
                Histogram.percentile(ratio, Counter.RATIO_BOUNDS, 0.5),
                ratio(c[Counter.WAIT_WITHIN.ordinal()], predicted),
                c[Counter.RESOLVED.ordinal()],
                c[Counter.TRANSFERS.ordinal()],
                c[Counter.RESPONDED.ordinal()],
                ratio(c[Counter.FR_SUM.ordinal()], c[Counter.RESPONDED.ordinal()]),
                Histogram.percentile(fr, ttaBounds, 0.5),
                Histogram.percentile(fr, ttaBounds, 0.9));
    }

    static long[] slice(long[] c, Counter first, int length) {
        long[] out = new long[length];
        System.arraycopy(c, first.ordinal(), out, 0, length);
        return out;
    }

    static Double ratio(long a, long b) {
        return b == 0 ? null : (double) a / b;
    }
}
