package dev.handoff.web.faces.admin;

import dev.handoff.escalation.control.ThresholdCurve;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Locale;

/**
 * A threshold curve as a Chart.js configuration for {@code p:chart}: catch rate and false-positive
 * rate (in percent) against the threshold, the target catch rate as a dotted line, the current and
 * suggested thresholds as vertical lines, and the picked threshold as enlarged points. Dataset
 * order is fixed: the page maps clicks on datasets 0 and 1 to the threshold of the clicked point.
 */
final class CurveChart {

    static final int CATCH = 0;
    static final int FALSE_POSITIVES = 1;
    static final int CURRENT = 2;
    static final int SUGGESTED = 3;

    private static final String GREEN = "#16a34a";
    private static final String RED = "#dc2626";
    private static final String SLATE = "#475569";
    private static final String INDIGO = "#4f46e5";

    private CurveChart() {}

    static String json(ThresholdCurve curve, Double picked) {
        List<ThresholdCurve.Point> points = curve.points();
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(series("Catch rate", GREEN, points, picked, true))
                .add(series("False positives", RED, points, picked, false))
                .add(vertical("Current " + two(curve.current()), curve.current(), SLATE, List.of(6, 4)));
        if (curve.suggested() != null) {
            datasets.add(vertical("Suggested " + two(curve.suggested()), curve.suggested(), INDIGO, List.of(2, 3)));
        }
        double target = 100 * curve.target();
        datasets.add(Json.createObjectBuilder().add("label", "Target " + percent(curve.target()))
                .add("data", Json.createArrayBuilder().add(xy(0, target)).add(xy(1, target)))
                .add("borderColor", "#86efac").add("borderWidth", 1).add("borderDash", Json.createArrayBuilder().add(1).add(3))
                .add("pointRadius", 0).add("pointHitRadius", 0).add("fill", false));

        JsonObjectBuilder x = Json.createObjectBuilder().add("type", "linear").add("min", 0).add("max", 1)
                .add("ticks", Json.createObjectBuilder().add("stepSize", 0.1))
                .add("title", Json.createObjectBuilder().add("display", true).add("text", "Threshold (minScore)"));
        JsonObjectBuilder y = Json.createObjectBuilder().add("min", 0).add("max", 100)
                .add("title", Json.createObjectBuilder().add("display", true).add("text", "% of cases"));
        JsonObject config = Json.createObjectBuilder()
                .add("type", "line")
                .add("data", Json.createObjectBuilder().add("datasets", datasets))
                .add("options", Json.createObjectBuilder()
                        .add("animation", false)
                        .add("responsive", true)
                        .add("maintainAspectRatio", false)
                        .add("layout", Json.createObjectBuilder().add("padding", Json.createObjectBuilder().add("top", 8).add("right", 8)))
                        .add("interaction", Json.createObjectBuilder().add("mode", "nearest").add("intersect", true))
                        .add("scales", Json.createObjectBuilder().add("x", x).add("y", y))
                        .add("plugins", Json.createObjectBuilder()
                                .add("legend", Json.createObjectBuilder().add("position", "bottom"))
                                .add("tooltip", Json.createObjectBuilder().add("enabled", true))))
                .build();
        return config.toString();
    }

    private static JsonObjectBuilder series(String label, String color, List<ThresholdCurve.Point> points, Double picked, boolean catchRate) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        JsonArrayBuilder radius = Json.createArrayBuilder();
        JsonArrayBuilder fill = Json.createArrayBuilder();
        for (ThresholdCurve.Point p : points) {
            data.add(xy(p.threshold(), 100 * (catchRate ? p.catchRate() : p.falsePositiveRate())));
            boolean isPicked = picked != null && Math.abs(picked - p.threshold()) < 0.001;
            radius.add(isPicked ? 7 : 3);
            fill.add(isPicked ? "#ffffff" : color);
        }
        return Json.createObjectBuilder().add("label", label).add("data", data).add("borderColor", color).add("backgroundColor", color)
                .add("pointRadius", radius).add("pointBackgroundColor", fill).add("pointBorderColor", color).add("pointBorderWidth", 2)
                .add("pointHoverRadius", 8).add("pointHitRadius", 10).add("borderWidth", 2).add("tension", 0).add("fill", false)
                .add("clip", false);
    }

    private static JsonObjectBuilder vertical(String label, double at, String color, List<Integer> dash) {
        JsonArrayBuilder d = Json.createArrayBuilder();
        dash.forEach(d::add);
        return Json.createObjectBuilder().add("label", label)
                .add("data", Json.createArrayBuilder().add(xy(at, 0)).add(xy(at, 100)))
                .add("borderColor", color).add("backgroundColor", color).add("borderWidth", 1.5).add("borderDash", d)
                .add("pointRadius", 0).add("pointHitRadius", 6).add("fill", false);
    }

    private static JsonObjectBuilder xy(double x, double y) {
        return Json.createObjectBuilder().add("x", Math.round(x * 100) / 100.0).add("y", Math.round(y * 10) / 10.0);
    }

    static String two(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
