package dev.handoff.metrics.control;

import java.util.Locale;

/**
 * The counters of one roll-up row ({@code metric_daily}), one column each: the column is the
 * constant's name in lower case. Every measure on the dashboards is computed from sums of these.
 */
public enum Counter {
    STARTED,
    ESCALATED,
    ACCEPTED,
    TTA_SUM,
    TTA_H0,
    TTA_H1,
    TTA_H2,
    TTA_H3,
    TTA_H4,
    TTA_H5,
    TTA_H6,
    TTA_H7,
    TTA_H8,
    TTA_H9,
    TTA_H10,
    TTA_H11,
    TTA_H12,
    TTA_H13,
    SLA_MET,
    BREACH_FIRST,
    BREACH_UPDATE,
    BREACH_RESOLUTION,
    RESOLVED,
    ABANDONED,
    ABANDON_WAIT_SUM,
    CSAT_BOT_SUM,
    CSAT_BOT_N,
    CSAT_HUMAN_SUM,
    CSAT_HUMAN_N,
    TRANSFERS,
    NOT_NEEDED,
    WAIT_PREDICTED,
    WAIT_WITHIN,
    WR_H0,
    WR_H1,
    WR_H2,
    WR_H3,
    WR_H4,
    WR_H5,
    WR_H6,
    WR_H7,
    WR_H8,
    WR_H9,
    WR_H10;

    /** Upper bounds (seconds, inclusive) of the time-to-agent buckets TTA_H0..; the last bucket is open. */
    public static final long[] TTA_BOUNDS = {10, 20, 30, 45, 60, 90, 120, 180, 300, 600, 900, 1800, 3600};
    /** Upper bounds (inclusive) of the actual/predicted wait ratio buckets WR_H0..; the last bucket is open. */
    public static final double[] RATIO_BOUNDS = {0.25, 0.5, 0.75, 0.9, 1.1, 1.25, 1.5, 2, 3, 5};

    public static final int SIZE = values().length;

    private final String column = name().toLowerCase(Locale.ROOT);

    public String column() {
        return column;
    }

    public static Counter ttaBucket(long seconds) {
        for (int i = 0; i < TTA_BOUNDS.length; i++) {
            if (seconds <= TTA_BOUNDS[i]) {
                return values()[TTA_H0.ordinal() + i];
            }
        }
        return TTA_H13;
    }

    public static Counter ratioBucket(double ratio) {
        for (int i = 0; i < RATIO_BOUNDS.length; i++) {
            if (ratio <= RATIO_BOUNDS[i]) {
                return values()[WR_H0.ordinal() + i];
            }
        }
        return WR_H10;
    }
}
