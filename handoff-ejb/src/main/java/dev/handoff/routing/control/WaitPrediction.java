package dev.handoff.routing.control;

import java.time.Duration;
import java.time.Instant;

/**
 * A wait promised to a customer, to be stored next to the actual wait so the estimate's accuracy can
 * be reported ({@code actualSeconds / predictedSeconds}).
 *
 * @param position 1-based place among handoffs with the same skill when the prediction was made
 *     (0: offered at once)
 */
public record WaitPrediction(String handoffId, long predictedSeconds, Instant madeAt, int position) {

    /** Actual over predicted wait (both at least one second) for a handoff accepted at {@code acceptedAt}. */
    public double ratio(Instant acceptedAt) {
        double actual = Math.max(1, Duration.between(madeAt, acceptedAt).toMillis() / 1000.0);
        return actual / Math.max(1, predictedSeconds);
    }

    /** Whether the prediction was within ±{@code tolerance} (e.g. 0.5) of the actual wait. */
    public boolean within(Instant acceptedAt, double tolerance) {
        double actual = Math.max(1, Duration.between(madeAt, acceptedAt).toMillis() / 1000.0);
        return Math.abs(Math.max(1, predictedSeconds) - actual) <= tolerance * actual;
    }
}
