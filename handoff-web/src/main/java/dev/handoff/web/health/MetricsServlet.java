package dev.handoff.web.health;

import dev.handoff.metrics.boundary.OperationsMetrics;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /ops/metrics}: Handoff's own figures in the Prometheus text format, for a scraper that
 * sends {@code Authorization: Bearer <handoff.metrics.scrape-token>}. Without a configured token the
 * endpoint does not exist (404); a wrong or missing token gets 401. Payara's {@code /metrics} (JVM
 * figures) stays as configured by the post-boot commands.
 */
@WebServlet("/ops/metrics")
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient OperationsMetrics metrics;

    @Inject
    transient dev.handoff.web.push.GridRelay grid;

    @Inject
    transient dev.handoff.web.push.RoutingNudges nudges;

    @Inject
    @ConfigProperty(name = "handoff.metrics.scrape-token")
    transient Optional<String> token;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> expected = token.map(String::strip).filter(t -> !t.isEmpty());
        if (expected.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String header = request.getHeader("Authorization");
        String given = header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : "";
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.get().getBytes(StandardCharsets.UTF_8))) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"handoff-metrics\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(metrics.exposition() + grid.exposition() + nudges.exposition());
    }
}
