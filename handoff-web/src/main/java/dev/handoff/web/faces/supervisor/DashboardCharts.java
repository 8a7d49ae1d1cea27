package dev.handoff.web.faces.supervisor;

import dev.handoff.metrics.control.AgentFigures;
import dev.handoff.metrics.control.AgentMeasures;
import dev.handoff.metrics.control.Overview;
import dev.handoff.metrics.control.Summary;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.function.Function;

/**
 * The dashboard's charts as Chart.js configurations for {@code p:chart}, built on the server from
 * the roll-ups. Dataset 0 of the daily charts is the clickable series: a click on day i drills down.
 */
public final class DashboardCharts {

    private static final String INDIGO = "#4f46e5";
    private static final String GREEN = "#16a34a";
    private static final String AMBER = "#d97706";
    private static final String SLATE = "#94a3b8";
    private static final String RED = "#dc2626";

    private DashboardCharts() {}

    /** Daily handoff rate (%) with the target band drawn as a filled area between its low and high line. */
    static String handoffRate(Overview o, double low, double high) {
        List<Overview.Day> days = o.days();
        JsonArrayBuilder labels = labels(days);
        JsonArrayBuilder rate = series(days, s -> s.handoffRate() == null ? null : 100 * s.handoffRate());
        JsonArrayBuilder lows = Json.createArrayBuilder();
        JsonArrayBuilder highs = Json.createArrayBuilder();
        for (int i = 0; i < days.size(); i++) {
            lows.add(100 * low);
            highs.add(100 * high);
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(line("Handoff rate %", INDIGO, rate).add("pointRadius", 3).add("pointHitRadius", 8))
                .add(line("Target low " + pct(low), "#86efac", lows).add("pointRadius", 0).add("pointHitRadius", 0).add("borderWidth", 1))
                .add(line("Target high " + pct(high), "#86efac", highs).add("pointRadius", 0).add("pointHitRadius", 0).add("borderWidth", 1)
                        .add("fill", "-1").add("backgroundColor", "rgba(134,239,172,0.25)"));
        return config("line", labels, datasets, "% of conversations", 0);
    }

    /** Daily time-to-agent: mean, median and p90 in seconds. */
    static String timeToAgent(Overview o) {
        List<Overview.Day> days = o.days();
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(line("Median (s)", INDIGO, series(days, Summary::ttaMedian)).add("pointRadius", 3).add("pointHitRadius", 8))
                .add(line("Mean (s)", GREEN, series(days, Summary::ttaMean)).add("pointRadius", 0))
                .add(line("p90 (s)", AMBER, series(days, Summary::ttaP90)).add("pointRadius", 0));
        return config("line", labels(days), datasets, "seconds", 0);
    }

    /**
     * Daily first response (escalation to the first message a person wrote): median, mean and p90 in
     * seconds, and the previous period's median as a flat line.
     */
    static String firstResponse(Overview o) {
        List<Overview.Day> days = o.days();
        JsonArrayBuilder before = Json.createArrayBuilder();
        for (int i = 0; i < days.size(); i++) {
            addOrNull(before, o.previous().firstResponseMedian());
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(line("Median (s)", INDIGO, series(days, Summary::firstResponseMedian)).add("pointRadius", 3).add("pointHitRadius", 8))
                .add(line("Mean (s)", GREEN, series(days, Summary::firstResponseMean)).add("pointRadius", 0))
                .add(line("p90 (s)", AMBER, series(days, Summary::firstResponseP90)).add("pointRadius", 0))
                .add(line("Previous period, median (s)", SLATE, before).add("pointRadius", 0).add("borderWidth", 1).add("borderDash",
                        Json.createArrayBuilder().add(4).add(4)));
        return config("line", labels(days), datasets, "seconds", 0);
    }

    /** All agents' occupancy against capacity per calendar day (%), and the previous period's as a flat line. */
    static String occupancy(AgentMeasures.Agents a) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        JsonArrayBuilder before = Json.createArrayBuilder();
        for (AgentMeasures.Day day : a.days()) {
            labels.add(day.day().toString());
            addOrNull(data, pct100(day.occupancy()));
            addOrNull(before, pct100(a.allPrevious().occupancy()));
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "bar").add("label", "Occupancy %").add("data", data).add("backgroundColor", INDIGO))
                .add(line("Previous period %", SLATE, before).add("pointRadius", 0).add("borderWidth", 1));
        return config("bar", labels, datasets, "% of capacity", 0);
    }

    /** An agent's median first response per day (gaps where none), and the period's all-agents median. */
    public static String agentFirstResponse(AgentMeasures.Dashboard d) {
        JsonArrayBuilder[] s = agentSeries(d, AgentMeasures.Day::firstResponseMedian, d.everyone().firstResponseMedian());
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(line("Your first response, median (s)", INDIGO, s[1]).add("pointRadius", 3).add("spanGaps", true))
                .add(line("All agents, the period", SLATE, s[2]).add("pointRadius", 0).add("borderWidth", 1));
        return config("line", s[0], datasets, "seconds", 0);
    }

    /** An agent's occupancy against capacity per day (%), and their previous period's. */
    public static String agentOccupancy(AgentMeasures.Dashboard d) {
        JsonArrayBuilder[] s = agentSeries(d, day -> pct100(day.occupancy()), pct100(d.previous().occupancy()));
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "bar").add("label", "Your occupancy %").add("data", s[1]).add("backgroundColor", INDIGO))
                .add(line("Previous period %", SLATE, s[2]).add("pointRadius", 0).add("borderWidth", 1));
        return config("bar", s[0], datasets, "% of capacity", 0);
    }

    /** Daily abandonment (% of escalations) and CSAT bot vs human. */
    static String csat(Overview o) {
        List<Overview.Day> days = o.days();
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(line("CSAT handed-off", INDIGO, series(days, Summary::csatHuman)).add("pointRadius", 3).add("spanGaps", true))
                .add(line("CSAT bot-only", SLATE, series(days, Summary::csatBot)).add("pointRadius", 3).add("spanGaps", true));
        return config("line", labels(days), datasets, "average rating (1-5)", 1);
    }

    /** Share of escalations per first trigger, this period beside the previous one. */
    static String topics(Overview o) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder now = Json.createArrayBuilder();
        JsonArrayBuilder before = Json.createArrayBuilder();
        JsonArrayBuilder colors = Json.createArrayBuilder();
        for (Overview.Topic t : o.topics()) {
            labels.add(t.trigger());
            now.add(t.share() == null ? 0 : round(100 * t.share()));
            before.add(t.previousShare() == null ? 0 : round(100 * t.previousShare()));
            colors.add(t.training() ? RED : INDIGO);
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("label", "This period %").add("data", now).add("backgroundColor", colors))
                .add(Json.createObjectBuilder().add("label", "Previous period %").add("data", before).add("backgroundColor", SLATE));
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", options("% of escalations", 0).add("indexAxis", "y")
                        .add("scales", Json.createObjectBuilder()
                                .add("x", Json.createObjectBuilder().add("min", 0)
                                        .add("title", Json.createObjectBuilder().add("display", true).add("text", "% of escalations")))))
                .build().toString();
    }

    /** An agent's chats handled per day (bars) against the previous period's daily mean (a line). */
    public static String agentChats(AgentMeasures.Dashboard d) {
        JsonArrayBuilder[] s = agentSeries(d, day -> (double) day.handled(), (double) d.previous().handled() / Math.max(1, d.days().size()));
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "bar").add("label", "Chats you handled").add("data", s[1]).add("backgroundColor", INDIGO))
                .add(line("Previous period, a day on average", SLATE, s[2]).add("pointRadius", 0).add("borderWidth", 1));
        return config("bar", s[0], datasets, "chats", 0);
    }

    /** The mean rating of the agent's rated chats per day (gaps where none was rated), and the period's all-agents mean. */
    public static String agentCsat(AgentMeasures.Dashboard d) {
        JsonArrayBuilder[] s = agentSeries(d, AgentMeasures.Day::csat, d.everyone().csat());
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(line("Your CSAT", INDIGO, s[1]).add("pointRadius", 3).add("spanGaps", true))
                .add(line("All agents, the period", SLATE, s[2]).add("pointRadius", 0).add("borderWidth", 1));
        return config("line", s[0], datasets, "average rating (1-5)", 1);
    }

    /** The day labels, a value per day, and a flat line at {@code level} (null: none). */
    private static JsonArrayBuilder[] agentSeries(AgentMeasures.Dashboard d, Function<AgentMeasures.Day, Double> value, Double level) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        JsonArrayBuilder flat = Json.createArrayBuilder();
        for (AgentMeasures.Day day : d.days()) {
            labels.add(day.day().toString());
            addOrNull(data, value.apply(day));
            addOrNull(flat, level);
        }
        return new JsonArrayBuilder[] {labels, data, flat};
    }

    /** The pilot group beside everyone else: a bar pair per measure, each as a share or a rating. */
    public static String pilot(AgentMeasures.Pilot p) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder pilot = Json.createArrayBuilder();
        JsonArrayBuilder others = Json.createArrayBuilder();
        pilotPair(labels, pilot, others, "Accepted within target %", p, f -> pct100(f.withinTarget()));
        pilotPair(labels, pilot, others, "First response met %", p, f -> pct100(f.firstResponseCompliance()));
        pilotPair(labels, pilot, others, "Resolution met %", p, f -> pct100(f.resolutionCompliance()));
        pilotPair(labels, pilot, others, "Not needed %", p, f -> pct100(f.notNeededRate()));
        pilotPair(labels, pilot, others, "CSAT x 20 (5 = 100)", p, f -> f.csat() == null ? null : 20 * f.csat());
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("label", "Pilot group").add("data", pilot).add("backgroundColor", INDIGO))
                .add(Json.createObjectBuilder().add("label", "Everyone else").add("data", others).add("backgroundColor", SLATE));
        return config("bar", labels, datasets, "%", 0);
    }

    private static void pilotPair(JsonArrayBuilder labels, JsonArrayBuilder pilot, JsonArrayBuilder others, String label,
                                  AgentMeasures.Pilot p, Function<AgentFigures, Double> value) {
        labels.add(label);
        addOrNull(pilot, value.apply(p.pilot()));
        addOrNull(others, value.apply(p.others()));
    }

    private static Double pct100(Double share) {
        return share == null ? null : 100 * share;
    }

    private static void addOrNull(JsonArrayBuilder into, Double v) {
        if (v == null) {
            into.addNull();
        } else {
            into.add(round(v));
        }
    }

    private static String config(String type, JsonArrayBuilder labels, JsonArrayBuilder datasets, String yTitle, int yMin) {
        return Json.createObjectBuilder().add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", options(yTitle, yMin))
                .build().toString();
    }

    private static JsonObjectBuilder options(String yTitle, int yMin) {
        return Json.createObjectBuilder()
                .add("animation", false)
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("interaction", Json.createObjectBuilder().add("mode", "nearest").add("intersect", false))
                .add("scales", Json.createObjectBuilder()
                        .add("y", Json.createObjectBuilder().add("min", yMin)
                                .add("title", Json.createObjectBuilder().add("display", true).add("text", yTitle))))
                .add("plugins", Json.createObjectBuilder()
                        .add("legend", Json.createObjectBuilder().add("position", "bottom"))
                        .add("tooltip", Json.createObjectBuilder().add("enabled", true)));
    }

    private static JsonObjectBuilder line(String label, String color, JsonArrayBuilder data) {
        return Json.createObjectBuilder().add("label", label).add("data", data).add("borderColor", color).add("backgroundColor", color)
                .add("borderWidth", 2).add("tension", 0.2).add("fill", false);
    }

    private static JsonArrayBuilder labels(List<Overview.Day> days) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        days.forEach(d -> labels.add(d.day().toString()));
        return labels;
    }

    private static JsonArrayBuilder series(List<Overview.Day> days, Function<Summary, Double> value) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (Overview.Day d : days) {
            addOrNull(data, value.apply(d.summary()));
        }
        return data;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String pct(double v) {
        return Math.round(100 * v) + "%";
    }
}
