package dev.handoff.web.report;

import dev.handoff.metrics.boundary.DashboardService;
import dev.handoff.metrics.control.Filter;
import dev.handoff.metrics.control.Overview;
import dev.handoff.platform.InvalidInputException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * {@code GET /supervisor/quarterly-report.pdf?quarter=2026-Q3&team=emea}: the quarterly review as a
 * PDF, for supervisors and admins (web.xml guards {@code /supervisor/*}; checked here again, so the
 * report never depends on a URL pattern alone). One quarter at most, within the last
 * {@value Quarter#YEARS_BACK} years; a team that the roll-ups do not know is refused. Bad input gets
 * 400 with a sentence that says what to change.
 */
@WebServlet("/supervisor/quarterly-report.pdf")
public class QuarterlyReportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient DashboardService dashboards;

    transient Clock clock = Clock.systemUTC();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.isUserInRole("supervisor") && !request.isUserInRole("admin")) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "The quarterly report is for supervisors and admins.");
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Quarter quarter;
        String team = request.getParameter("team");
        team = team == null || team.isBlank() ? null : team.strip();
        try {
            quarter = Quarter.parse(request.getParameter("quarter"), today);
            if (team != null && !dashboards.dimensions().teams().contains(team)) {
                throw new InvalidInputException("team", "no conversations were ever accepted by team \"" + (team.length() > 64
                        ? team.substring(0, 64) + "…" : team) + "\"; leave it empty for all teams");
            }
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/plain; charset=utf-8");
            response.getWriter().write("Cannot make the quarterly report: " + e.getMessage() + "\n");
            return;
        }
        LocalDate last = quarter.lastUntil(today);
        Quarter before = quarter.previous();
        Filter filter = new Filter(quarter.first(), last, null, null, null, team);
        Overview overview = dashboards.overview(filter, filter.between(before.first(), before.last()));
        DashboardService.Targets s = dashboards.targets();
        byte[] pdf = new QuarterlyReport().render(new QuarterlyReport.Spec(quarter, last, team, s.handoffRateLow(), s.handoffRateHigh(),
                s.trainingShare(), s.ttaTargetSeconds(), clock.instant()), overview);
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + QuarterlyReport.fileName(quarter, team) + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }
}
