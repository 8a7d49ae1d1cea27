package dev.handoff.web.faces.agent;

import dev.handoff.metrics.boundary.DashboardService;
import dev.handoff.metrics.control.AgentMeasures;
import dev.handoff.web.faces.Messages;
import dev.handoff.web.faces.supervisor.DashboardBacking;
import dev.handoff.web.faces.supervisor.DashboardCharts;
import dev.handoff.web.faces.supervisor.FigureTable;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * An agent's own dashboard ({@code /agent/dashboard.xhtml}): the signed-in agent's figures for a
 * period against the previous one, beside all agents'. The page has no agent parameter: the
 * boundary takes the agent from the caller's principal (ADR 0030).
 */
@Named
@ViewScoped
public class MyDashboardBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DashboardService dashboards;

    private LocalDate from;
    private LocalDate to;
    /** The agent a supervisor opened from the overview ({@code ?agent=}); null for the signed-in agent's own page. */
    private String agent;
    private AgentMeasures.Dashboard dashboard;
    private List<FigureTable.Row> rows = List.of();

    @PostConstruct
    void init() {
        jakarta.faces.context.ExternalContext external = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext();
        String asked = external.getRequestParameterMap().get("agent");
        // only a supervisor's page takes a name; an agent's always shows the agent (the boundary decides too)
        if (asked != null && !asked.isBlank() && external.isUserInRole("supervisor")) {
            agent = asked.strip();
        }
        to = LocalDate.now(ZoneOffset.UTC);
        from = to.minusDays(29);
        apply();
    }

    public void apply() {
        if (!DashboardBacking.validPeriod(from, to)) {
            return;
        }
        AgentMeasures.Dashboard d = Messages.attempt(() -> agent == null ? dashboards.mine(from, to) : dashboards.ofAgent(agent, from, to));
        if (d != null) {
            dashboard = d;
            rows = FigureTable.rows(d.current(), d.previous(), d.everyone());
        }
    }

    public String getAgent() {
        return agent;
    }

    public AgentMeasures.Dashboard getDashboard() {
        return dashboard;
    }

    public List<FigureTable.Row> getRows() {
        return rows;
    }

    public String getChatsChart() {
        return dashboard == null ? null : DashboardCharts.agentChats(dashboard);
    }

    public String getCsatChart() {
        return dashboard == null ? null : DashboardCharts.agentCsat(dashboard);
    }

    public String getFirstResponseChart() {
        return dashboard == null ? null : DashboardCharts.agentFirstResponse(dashboard);
    }

    public String getOccupancyChart() {
        return dashboard == null ? null : DashboardCharts.agentOccupancy(dashboard);
    }

    public LocalDate getPreviousFrom() {
        return dashboard == null ? null : dashboard.from().minusDays(dashboard.days().size());
    }

    public LocalDate getPreviousTo() {
        return dashboard == null ? null : dashboard.from().minusDays(1);
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
}
