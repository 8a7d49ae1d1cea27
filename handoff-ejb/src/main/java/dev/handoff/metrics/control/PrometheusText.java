package dev.handoff.metrics.control;

import java.util.Locale;
import java.util.Map;

/**
 * The Prometheus text exposition format (version 0.0.4): {@code # HELP}, {@code # TYPE} and one line
 * per sample, label values escaped. Small on purpose: Handoff needs gauges, counters and one histogram.
 */
public final class PrometheusText {

    private final StringBuilder out = new StringBuilder(4096);

    public PrometheusText header(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    public PrometheusText sample(String name, Map<String, String> labels, double value) {
        out.append(name);
        if (!labels.isEmpty()) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, String> l : labels.entrySet()) {
                out.append(first ? "" : ",").append(l.getKey()).append("=\"").append(escape(l.getValue())).append('"');
                first = false;
            }
            out.append('}');
        }
        out.append(' ').append(number(value)).append('\n');
        return this;
    }

    public PrometheusText sample(String name, double value) {
        return sample(name, Map.of(), value);
    }

    /** A histogram from per-bucket counts (not cumulative) with inclusive upper bounds; the last count is the open bucket. */
    public PrometheusText histogram(String name, String help, double[] upperBounds, long[] counts, double sum) {
        header(name, "histogram", help);
        long cumulative = 0;
        for (int i = 0; i < upperBounds.length; i++) {
            cumulative += counts[i];
            sample(name + "_bucket", Map.of("le", number(upperBounds[i])), cumulative);
        }
        cumulative += counts[counts.length - 1];
        sample(name + "_bucket", Map.of("le", "+Inf"), cumulative);
        sample(name + "_sum", sum);
        return sample(name + "_count", cumulative);
    }

    static String escape(String v) {
        return v == null ? "" : v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String number(double v) {
        if (v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
