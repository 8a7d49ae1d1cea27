package dev.handoff.web.faces.supervisor;

import dev.handoff.metrics.boundary.DashboardService;
import dev.handoff.metrics.boundary.DashboardService.Drill;
import dev.handoff.metrics.control.AgentMeasures;
import dev.handoff.metrics.control.Filter;
import dev.handoff.metrics.control.Overview;
import dev.handoff.metrics.control.Summary;
import dev.handoff.routing.boundary.RoutingPolicyService;
import dev.handoff.web.faces.Messages;
import dev.handoff.web.report.Quarter;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.primefaces.event.ItemSelectEvent;

/**
 * The KPI dashboard (supervisors and admins): filters, the period against the previous one, charts,
 * ranked topics, trigger precision, and the conversations behind a figure.
 */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MAX_DAYS = DashboardService.MAX_DAYS;

    /** One headline measure: this period, the previous one, the change, and what a click on it lists. */
    public record MeasureRow(String key, String measure, String current, String previous, String change, String drill) implements Serializable {}

    @Inject
    DashboardService dashboards;

    @Inject
    RoutingPolicyService policies;

    /** At most this many agents in a compared group. */
    static final int MAX_GROUP = 50;

    private LocalDate from;
    private LocalDate to;
    private String skill;
    private String channel;
    private String trigger;
    private String team;
    private String quarter;

    private transient Overview overview;
    private DashboardService.Dimensions dimensions;
    private List<MeasureRow> measures = List.of();
    private String drillTitle;
    private List<DashboardService.Row> drillRows;

    /** The compared group as typed (usernames), the published pilot group to begin with. */
    private String pilotAgents;
    private RoutingPolicyService.PilotGroup published;
    private AgentMeasures.Pilot pilot;
    private List<FigureTable.Row> pilotRows = List.of();
    private transient List<String> agentNames;
    private AgentMeasures.Agents agents;

    @PostConstruct
    void init() {
        to = LocalDate.now(ZoneOffset.UTC);
        from = to.minusDays(29);
        quarter = Quarter.of(to).previous().toString();
        dimensions = dashboards.dimensions();
        published = policies.pilotGroup().orElse(null);
        pilotAgents = published == null ? "" : String.join(", ", new java.util.TreeSet<>(published.agents()));
        apply();
    }

    public void apply() {
        if (!validPeriod(from, to)) {
            return;
        }
        overview = dashboards.overview(filter());
        measures = measureRows(overview);
        agents = null;
        drillRows = null;
        drillTitle = null;
        comparePilot();
    }

    // ---- the pilot group beside everyone else

    /** Compares the typed group (the published pilot group to begin with) with every other agent over the period. */
    public void comparePilot() {
        pilot = null;
        pilotRows = List.of();
        java.util.Set<String> group = new java.util.TreeSet<>();
        for (String name : (pilotAgents == null ? "" : pilotAgents).split("[,\\s]+")) {
            if (!name.isBlank()) {
                group.add(name.strip());
            }
        }
        if (group.isEmpty() || from == null || to == null || to.isBefore(from)) {
            return;
        }
        if (group.size() > MAX_GROUP) {
            Messages.error("Compare at most " + MAX_GROUP + " agents.");
            return;
        }
        List<String> known = dashboards.agentNames();
        for (String name : group) {
            if (!known.contains(name)) {
                Messages.error("'" + (name.length() > 64 ? name.substring(0, 64) + "…" : name) + "' has accepted no chat: type agents' usernames, separated by commas.");
                return;
            }
        }
        AgentMeasures.Pilot p = Messages.attempt(() -> dashboards.pilot(from, to, group));
        if (p != null) {
            pilot = p;
            pilotRows = FigureTable.rows(p.pilot(), p.others(), null);
        }
    }

    /** The period from the day the pilot group was published to today. */
    public void sincePilot() {
        if (published == null) {
            return;
        }
        to = LocalDate.now(ZoneOffset.UTC);
        from = LocalDate.ofInstant(published.since(), ZoneOffset.UTC);
        apply();
    }

    public String getPilotChart() {
        return pilot == null ? null : DashboardCharts.pilot(pilot);
    }

    /** The agents with figures, for the links to each agent's dashboard (read once per view). */
    public List<String> getAgentNames() {
        if (agentNames == null) {
            List<String> known = Messages.attempt(() -> dashboards.agentNames());
            agentNames = known == null ? List.of() : known;
        }
        return agentNames;
    }

    public AgentMeasures.Pilot getPilot() {
        return pilot;
    }

    public List<FigureTable.Row> getPilotRows() {
        return pilotRows;
    }

    public RoutingPolicyService.PilotGroup getPublished() {
        return published;
    }

    public String getPilotAgents() {
        return pilotAgents;
    }

    public void setPilotAgents(String pilotAgents) {
        this.pilotAgents = pilotAgents;
    }

    /** Whether {@code from}..{@code to} is a period a dashboard shows; if not, a message says what to change. */
    public static boolean validPeriod(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            Messages.error("Choose a start date on or before the end date.");
            return false;
        }
        if (to.toEpochDay() - from.toEpochDay() >= MAX_DAYS) {
            Messages.error("Choose at most " + MAX_DAYS + " days.");
            return false;
        }
        return true;
    }

    private Filter filter() {
        return new Filter(from, to, skill, channel, trigger, team);
    }

    public Overview getOverview() {
        if (overview == null) {
            overview = dashboards.overview(filter());
        }
        return overview;
    }

    // ---- drill-down

    /** A click on a point of a daily chart: the escalated conversations of that day. */
    public void onDay(ItemSelectEvent event) {
        List<Overview.Day> days = getOverview().days();
        int i = event.getItemIndex();
        if (i >= 0 && i < days.size()) {
            drillDay(days.get(i).day().toString());
        }
    }

    public void drillDay(String day) {
        LocalDate d = LocalDate.parse(day);
        drill("Escalated conversations started " + d, filter().between(d, d), Drill.ESCALATED, null);
    }

    public void drillTopic(String topic) {
        drill("Escalations with first trigger " + topic, filter().withTrigger(topic), Drill.ESCALATED, null);
    }

    public void drillFlagged(String flagged) {
        drill("Flagged \"not needed\" against " + flagged, filter().withTrigger(null), Drill.NOT_NEEDED, flagged);
    }

    public void drillMeasure(String kind) {
        Drill drill = Drill.valueOf(kind);
        drill(switch (drill) {
            case STARTED -> "Conversations started";
            case ESCALATED -> "Escalated conversations";
            case ABANDONED -> "Customers who left the queue";
            case NOT_NEEDED -> "Escalations flagged \"not needed\"";
            case RATED -> "Rated conversations";
            case SLOW -> "Accepted later than the time-to-agent target";
        } + ", " + from + " to " + to, filter(), drill, null);
    }

    private void drill(String title, Filter filter, Drill drill, String flagged) {
        drillRows = dashboards.conversations(filter, drill, flagged);
        drillTitle = title + (filter.team() == null ? "" : ", team " + filter.team()) + " (" + drillRows.size() + (drillRows.size() == DashboardService.DRILL_LIMIT ? "+, newest first)" : ")");
    }

    // ---- the quarterly PDF

    /** The last eight quarters, newest first. */
    public List<String> getQuarters() {
        return Quarter.recent(LocalDate.now(ZoneOffset.UTC), 8).stream().map(Quarter::toString).toList();
    }

    /** The report's address for the chosen quarter and the applied team filter (the servlet checks both). */
    public String getQuarterlyReportUrl() {
        String ctx = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        String applied = getOverview().filter().team();
        return ctx + "/supervisor/quarterly-report.pdf?quarter=" + enc(quarter) + (applied == null ? "" : "&team=" + enc(applied));
    }

    public String getQuarterlyReportLabel() {
        String applied = getOverview().filter().team();
        return "PDF, " + (applied == null ? "all teams" : "team " + applied);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s == null ? "" : s, java.nio.charset.StandardCharsets.UTF_8);
    }

    // ---- charts

    public String getHandoffChart() {
        return DashboardCharts.handoffRate(getOverview(), dashboards.settings().handoffRateLow(), dashboards.settings().handoffRateHigh());
    }

    public String getTtaChart() {
        return DashboardCharts.timeToAgent(getOverview());
    }

    public String getCsatChart() {
        return DashboardCharts.csat(getOverview());
    }

    public String getFirstResponseChart() {
        return DashboardCharts.firstResponse(getOverview());
    }

    public String getOccupancyChart() {
        AgentMeasures.Agents a = getAgents();
        return a == null ? null : DashboardCharts.occupancy(a);
    }

    /** Every agent's figures for the period (dates only; the other filters do not apply), read once per apply. */
    public AgentMeasures.Agents getAgents() {
        if (agents == null && from != null && to != null && !to.isBefore(from)) {
            agents = Messages.attempt(() -> dashboards.agents(from, to));
        }
        return agents;
    }

    /** One agent's occupancy change against the previous period, in percentage points. */
    public String occupancyChange(AgentMeasures.Line line) {
        Double a = line.current().occupancy();
        Double b = line.previous().occupancy();
        return a == null || b == null ? "" : pp(a - b);
    }

    public String hours(long seconds) {
        return FigureTable.hours(seconds);
    }

    public String getTopicsChart() {
        return DashboardCharts.topics(getOverview());
    }

    // ---- the headline table

    public static List<MeasureRow> measureRows(Overview o) {
        Summary c = o.current();
        Summary p = o.previous();
        List<MeasureRow> rows = new ArrayList<>();
        rows.add(count("started", "Conversations", c, p, Summary::started, "STARTED"));
        rows.add(count("escalated", "Escalated to a person", c, p, Summary::escalated, "ESCALATED"));
        rows.add(pct("handoff-rate", "Handoff rate", c, p, Summary::handoffRate, "ESCALATED"));
        rows.add(secs("tta-mean", "Time to agent, mean", c, p, Summary::ttaMean, "ESCALATED"));
        rows.add(secs("tta-median", "Time to agent, median", c, p, Summary::ttaMedian, "ESCALATED"));
        rows.add(secs("tta-p90", "Time to agent, p90", c, p, Summary::ttaP90, "SLOW"));
        rows.add(pct("sla", "Accepted within the time-to-agent target", c, p, Summary::slaWithinTarget, "SLOW"));
        rows.add(secs("fr-mean", "First response, mean", c, p, Summary::firstResponseMean, "ESCALATED"));
        rows.add(secs("fr-median", "First response, median", c, p, Summary::firstResponseMedian, "ESCALATED"));
        rows.add(secs("fr-p90", "First response, p90", c, p, Summary::firstResponseP90, "ESCALATED"));
        rows.add(pct("sla-first", "First-response target met", c, p, Summary::firstResponseCompliance, "ESCALATED"));
        rows.add(pct("sla-update", "Update-cadence target met", c, p, Summary::updateCompliance, "ESCALATED"));
        rows.add(pct("sla-resolution", "Resolution target met", c, p, Summary::resolutionCompliance, "ESCALATED"));
        if (o.filter().team() == null) {
            rows.add(count("abandoned", "Left the queue (abandoned)", c, p, Summary::abandoned, "ABANDONED"));
            rows.add(pct("abandonment", "Abandonment rate", c, p, Summary::abandonmentRate, "ABANDONED"));
            rows.add(secs("abandoned-wait", "Wait of those who left, mean", c, p, Summary::abandonedWaitMean, "ABANDONED"));
        } else {
            // a customer who left the queue was never accepted, so is no team's: not a team's figure
            rows.add(new MeasureRow("abandoned", "Left the queue (abandoned): no team's", "–", "–", "", "ABANDONED"));
        }
        rows.add(rating("csat-human", "CSAT handed-off", c, p, Summary::csatHuman, "RATED"));
        rows.add(rating("csat-bot", "CSAT bot-only", c, p, Summary::csatBot, "RATED"));
        rows.add(pct("precision", "Escalations needed (precision)", c, p, Summary::precision, "NOT_NEEDED"));
        rows.add(ratio("wait-ratio", "Wait estimate: median actual / predicted", c, p, Summary::waitMedianRatio, "ESCALATED"));
        rows.add(pct("wait-within", "Wait estimate within ±50 %", c, p, Summary::waitWithin50, "ESCALATED"));
        rows.add(count("transfers", "Transfers", c, p, Summary::transfers, "ESCALATED"));
        return rows;
    }

    private static MeasureRow count(String key, String name, Summary c, Summary p, Function<Summary, Long> f, String drill) {
        long a = f.apply(c);
        long b = f.apply(p);
        return new MeasureRow(key, name, String.valueOf(a), String.valueOf(b), b == 0 ? "" : signed(100.0 * (a - b) / b, "%"), drill);
    }

    private static MeasureRow pct(String key, String name, Summary c, Summary p, Function<Summary, Double> f, String drill) {
        Double a = f.apply(c);
        Double b = f.apply(p);
        return new MeasureRow(key, name, percent(a), percent(b), a == null || b == null ? "" : signed(100 * (a - b), " pt"), drill);
    }

    private static MeasureRow secs(String key, String name, Summary c, Summary p, Function<Summary, Double> f, String drill) {
        Double a = f.apply(c);
        Double b = f.apply(p);
        return new MeasureRow(key, name, seconds(a), seconds(b), a == null || b == null ? "" : signed(a - b, " s"), drill);
    }

    private static MeasureRow rating(String key, String name, Summary c, Summary p, Function<Summary, Double> f, String drill) {
        Double a = f.apply(c);
        Double b = f.apply(p);
        return new MeasureRow(key, name, two(a), two(b), a == null || b == null ? "" : signed(a - b, ""), drill);
    }

    private static MeasureRow ratio(String key, String name, Summary c, Summary p, Function<Summary, Double> f, String drill) {
        Double a = f.apply(c);
        Double b = f.apply(p);
        return new MeasureRow(key, name, two(a), two(b), a == null || b == null ? "" : signed(a - b, ""), drill);
    }

    private static String signed(double v, String unit) {
        return String.format(Locale.ROOT, "%+.1f%s", v, unit);
    }

    public static String percent(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    public static String seconds(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.0f s", v);
    }

    public static String two(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }

    public String pp(Double v) {
        // rounded first, so a change that rounds to nothing reads +0.0 pt, never -0.0 pt
        return v == null ? "–" : String.format(Locale.ROOT, "%+.1f pt", Math.round(1000 * v) / 10.0 + 0.0);
    }

    public String pc(Double v) {
        return percent(v);
    }

    public String sec(Double v) {
        return seconds(v);
    }

    public String num(Double v) {
        return two(v);
    }

    /** The first 8 characters of a conversation id (the full id is the link's title and in the CSV). */
    public String shortId(String id) {
        return id == null || id.length() <= 8 ? id : id.substring(0, 8) + "…";
    }

    public String when(java.time.Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    public String target() {
        return percent(dashboards.settings().handoffRateLow()) + " – " + percent(dashboards.settings().handoffRateHigh());
    }

    public String trainingThreshold() {
        return percent(dashboards.settings().trainingShare());
    }

    public long ttaTarget() {
        return dashboards.settings().ttaTargetSeconds();
    }

    // ---- properties

    public List<MeasureRow> getMeasures() {
        return measures;
    }

    public DashboardService.Dimensions getDimensions() {
        return dimensions;
    }

    public String getDrillTitle() {
        return drillTitle;
    }

    public List<DashboardService.Row> getDrillRows() {
        return drillRows;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getSkill() {
        return skill;
    }

    public void setSkill(String skill) {
        this.skill = skill;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getTeam() {
        return team;
    }

    public void setTeam(String team) {
        this.team = team;
    }

    public String getQuarter() {
        return quarter;
    }

    public void setQuarter(String quarter) {
        this.quarter = quarter;
    }

    public String getTrigger() {
        return trigger;
    }

    public void setTrigger(String trigger) {
        this.trigger = trigger;
    }
}
