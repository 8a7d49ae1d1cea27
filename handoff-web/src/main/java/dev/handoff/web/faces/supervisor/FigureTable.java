package dev.handoff.web.faces.supervisor;

import dev.handoff.metrics.control.AgentFigures;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Agents' figures as table rows: an agent's own beside their previous period and all agents, or the
 * pilot group beside everyone else. Column {@code first} is compared with {@code second} ("change").
 */
public final class FigureTable {

    /** One measure: the first figure, the second, first minus second, and an optional third for context. */
    public record Row(String key, String measure, String first, String second, String change, String third) implements Serializable {}

    private FigureTable() {}

    /**
     * @param third figures shown for context, or null; its counts are shown per agent (all agents'
     *     total divided by how many accepted anything), so no agent's own count can be read from it
     */
    public static List<Row> rows(AgentFigures first, AgentFigures second, AgentFigures third) {
        List<Row> rows = new ArrayList<>();
        rows.add(count("handled", "Chats handled (accepted first)", first, second, third, AgentFigures::handled));
        rows.add(count("resolved", "Resolved", first, second, third, AgentFigures::resolved));
        rows.add(secs("handle-mean", "Handle time, mean (acceptance to resolution)", first, second, third, AgentFigures::handleMean));
        rows.add(secs("handle-median", "Handle time, median", first, second, third, AgentFigures::handleMedian));
        rows.add(secs("tta-mean", "Time to agent, mean (escalation to acceptance)", first, second, third, AgentFigures::ttaMean));
        rows.add(secs("tta-median", "Time to agent, median", first, second, third, AgentFigures::ttaMedian));
        rows.add(pct("within-target", "Accepted within the time-to-agent target", first, second, third, AgentFigures::withinTarget));
        rows.add(secs("fr-mean", "First response, mean (escalation to the first message)", first, second, third, AgentFigures::firstResponseMean));
        rows.add(secs("fr-median", "First response, median", first, second, third, AgentFigures::firstResponseMedian));
        rows.add(secs("fr-p90", "First response, p90", first, second, third, AgentFigures::firstResponseP90));
        rows.add(pct("sla-first", "First-response target met", first, second, third, AgentFigures::firstResponseCompliance));
        rows.add(pct("sla-resolution", "Resolution target met", first, second, third, AgentFigures::resolutionCompliance));
        rows.add(rating("csat", "CSAT of these chats", first, second, third, AgentFigures::csat));
        rows.add(count("csat-count", "Ratings", first, second, third, AgentFigures::csatCount));
        rows.add(count("transfers", "Transfers", first, second, third, AgentFigures::transfers));
        rows.add(count("not-needed", "Flagged \"not needed\"", first, second, third, AgentFigures::notNeeded));
        rows.add(pct("not-needed-rate", "Not-needed rate", first, second, third, AgentFigures::notNeededRate));
        rows.add(hours("online", "Online (online or busy)", first, second, third, AgentFigures::onlineSeconds));
        rows.add(hours("chat-time", "Chat time (summed over chats)", first, second, third, AgentFigures::chatSeconds));
        rows.add(hours("capacity-time", "Capacity (online × max chats)", first, second, third, AgentFigures::capacitySeconds));
        rows.add(pct("occupancy", "Occupancy against capacity", first, second, third, AgentFigures::occupancy));
        return rows;
    }

    private static Row count(String key, String name, AgentFigures a, AgentFigures b, AgentFigures c, Function<AgentFigures, Long> f) {
        long x = f.apply(a);
        long y = f.apply(b);
        String third = c == null ? "" : c.agents() == 0 ? "–" : String.format(Locale.ROOT, "%.1f per agent", (double) f.apply(c) / c.agents());
        return new Row(key, name, String.valueOf(x), String.valueOf(y), String.format(Locale.ROOT, "%+d", x - y), third);
    }

    /** Seconds shown in hours; the third column per agent, as counts are. */
    private static Row hours(String key, String name, AgentFigures a, AgentFigures b, AgentFigures c, Function<AgentFigures, Long> f) {
        long x = f.apply(a);
        long y = f.apply(b);
        String third = c == null ? "" : c.agents() == 0 ? "–" : hours((double) f.apply(c) / c.agents()) + " per agent";
        return new Row(key, name, hours(x), hours(y), String.format(Locale.ROOT, "%+.1f h", (x - y) / 3600.0), third);
    }

    public static String hours(double seconds) {
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
    }

    private static Row pct(String key, String name, AgentFigures a, AgentFigures b, AgentFigures c, Function<AgentFigures, Double> f) {
        return measure(key, name, a, b, c, f, DashboardBacking::percent, d -> String.format(Locale.ROOT, "%+.1f pt", 100 * d));
    }

    private static Row secs(String key, String name, AgentFigures a, AgentFigures b, AgentFigures c, Function<AgentFigures, Double> f) {
        return measure(key, name, a, b, c, f, DashboardBacking::seconds, d -> String.format(Locale.ROOT, "%+.0f s", d));
    }

    private static Row rating(String key, String name, AgentFigures a, AgentFigures b, AgentFigures c, Function<AgentFigures, Double> f) {
        return measure(key, name, a, b, c, f, DashboardBacking::two, d -> String.format(Locale.ROOT, "%+.2f", d));
    }

    private static Row measure(String key, String name, AgentFigures a, AgentFigures b, AgentFigures c, Function<AgentFigures, Double> f,
                               Function<Double, String> format, Function<Double, String> difference) {
        Double x = f.apply(a);
        Double y = f.apply(b);
        return new Row(key, name, format.apply(x), format.apply(y), x == null || y == null ? "" : difference.apply(x - y),
                c == null ? "" : format.apply(f.apply(c)));
    }
}
