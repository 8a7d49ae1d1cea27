package dev.handoff.metrics.control;

import java.time.LocalDate;
import java.util.List;

/** One dashboard: the period's summary beside the previous period's, the daily series, topics and trigger precision. */
public record Overview(Filter filter, Summary current, Summary previous, List<Day> days, List<Topic> topics,
                       List<TriggerPrecisionRow> precision) {

    /** One day of the period (the chart points). */
    public record Day(LocalDate day, Summary summary) {}

    /**
     * A first trigger (topic) behind escalations: its count and share of all escalations in the
     * period and in the previous one; {@code training} when the share is above the threshold.
     */
    public record Topic(String trigger, long escalations, Double share, long previousEscalations, Double previousShare,
                        boolean training, Double csatHuman, Double ttaMean) {

        /** Change of share in percentage points, null when either period had no escalations. */
        public Double trend() {
            return share == null || previousShare == null ? null : share - previousShare;
        }
    }

    /** Every firing of a trigger (first or not) and the "not needed" flags against it. */
    public record TriggerPrecisionRow(String trigger, long fired, long flagged, long previousFired, long previousFlagged) {

        public Double precision() {
            return fired == 0 ? null : 1.0 - (double) flagged / fired;
        }

        public Double previousPrecision() {
            return previousFired == 0 ? null : 1.0 - (double) previousFlagged / previousFired;
        }

        /** A suggested change from the flagged share: a plain sentence for the review. */
        public String suggestion() {
            Double p = precision();
            if (p == null || fired < 5) {
                return "Too few firings to judge";
            }
            if (p < 0.6) {
                return "Raise its threshold or add negatives: most of its handoffs were not needed";
            }
            if (p < 0.8) {
                return "Review the flagged chats and add the routine ones as negatives";
            }
            return "Keep";
        }
    }
}
