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
    WR_H10,
    HANDLED,
    HANDLE_SUM,
    HANDLE_H0,
    HANDLE_H1,
    HANDLE_H2,
    HANDLE_H3,
    HANDLE_H4,
    HANDLE_H5,
    HANDLE_H6,
    HANDLE_H7,
    HANDLE_H8,
    HANDLE_H9,
    HANDLE_H10,
    HANDLE_H11,
    HANDLE_H12,
    HANDLE_H13,
    /** First responses counted (V20): escalation to the first message a person wrote; histogram with the TTA bounds. */
    RESPONDED,
    FR_SUM,
    FR_H0,
    FR_H1,
    FR_H2,
    FR_H3,
    FR_H4,
    FR_H5,
    FR_H6,
    FR_H7,
    FR_H8,
    FR_H9,
    FR_H10,
    FR_H11,
    FR_H12,
    FR_H13;

    /** Upper bounds (seconds, inclusive) of the time-to-agent buckets TTA_H0..; the last bucket is open. */
    public static final long[] TTA_BOUNDS = {10, 20, 30, 45, 60, 90, 120, 180, 300, 600, 900, 1800, 3600};
    /** Upper bounds (inclusive) of the actual/predicted wait ratio buckets WR_H0..; the last bucket is open. */
    public static final double[] RATIO_BOUNDS = {0.25, 0.5, 0.75, 0.9, 1.1, 1.25, 1.5, 2, 3, 5};

    /** Upper bounds (seconds, inclusive) of the handle-time buckets HANDLE_H0.. (first acceptance to resolution); the last is open. */
    public static final long[] HANDLE_BOUNDS = {60, 120, 180, 300, 450, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200};

    public static final int SIZE = values().length;

    private final String column = name().toLowerCase(Locale.ROOT);

    public String column() {
        return column;
    }

    public static Counter ttaBucket(long seconds) {
        return bucket(seconds, TTA_BOUNDS, TTA_H0);
    }

    /** The first-response bucket: the same bounds as time-to-agent ({@link #TTA_BOUNDS}). */
    public static Counter firstResponseBucket(long seconds) {
        return bucket(seconds, TTA_BOUNDS, FR_H0);
    }

    public static Counter handleBucket(long seconds) {
        return bucket(seconds, HANDLE_BOUNDS, HANDLE_H0);
    }

    private static Counter bucket(long seconds, long[] bounds, Counter first) {
        for (int i = 0; i < bounds.length; i++) {
            if (seconds <= bounds[i]) {
                return values()[first.ordinal() + i];
            }
        }
        return values()[first.ordinal() + bounds.length];
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
