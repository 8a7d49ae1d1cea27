package dev.handoff.metrics.control;

/**
 * Percentiles from bucket counts: the bucket holding rank {@code q·n} is found and the value is
 * interpolated linearly between its lower and upper bound (the first bucket starts at 0). A rank in
 * the open last bucket reads as that bucket's lower bound. Exact to the bucket, never sampled.
 */
public final class Histogram {

    private Histogram() {}

    /** @return null when there are no counts. */
    public static Double percentile(long[] counts, double[] upperBounds, double q) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        if (n == 0) {
            return null;
        }
        double rank = q * n;
        long below = 0;
        for (int i = 0; i < counts.length; i++) {
            long c = counts[i];
            if (c > 0 && below + c >= rank) {
                double lower = i == 0 ? 0 : upperBounds[i - 1];
                if (i >= upperBounds.length) {
                    return lower;
                }
                double upper = upperBounds[i];
                return lower + (upper - lower) * Math.max(0, rank - below) / c;
            }
            below += c;
        }
        return upperBounds[upperBounds.length - 1];
    }

    public static double[] ttaBounds() {
        return doubles(Counter.TTA_BOUNDS);
    }

    public static double[] handleBounds() {
        return doubles(Counter.HANDLE_BOUNDS);
    }

    private static double[] doubles(long[] bounds) {
        double[] b = new double[bounds.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = bounds[i];
        }
        return b;
    }
}
