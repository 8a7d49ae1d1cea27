package dev.handoff.web.fault;

import dev.handoff.web.health.DatabaseWatch;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A bulkhead in front of the bot API: at most {@code handoff.api.max-concurrent} API requests run
 * at once; one more waits up to {@code handoff.api.queue-wait-millis} for a place and is otherwise
 * answered 503 with {@code Retry-After}. When the database stalls, API calls pile up here instead
 * of taking every HTTP thread, so the portal, the login page and the health checks keep answering.
 * While {@link DatabaseWatch} finds the database unavailable, API requests are answered 503 at
 * once, without waiting for the JDBC timeouts.
 *
 * <p>A server-sent-event stream holds its place only while it is being opened: its request thread
 * returns as soon as the stream is set up.
 */
@WebFilter(filterName = "ApiBulkhead", urlPatterns = "/api/*", asyncSupported = true)
public class ApiBulkhead extends HttpFilter {

    static final int DEFAULT_MAX_CONCURRENT = 64;
    static final long DEFAULT_QUEUE_WAIT_MILLIS = 1_000;
    static final int RETRY_AFTER_SECONDS = 2;

    @Inject
    DatabaseWatch database;

    @Inject
    @ConfigProperty(name = "handoff.api.max-concurrent", defaultValue = "" + DEFAULT_MAX_CONCURRENT)
    int maxConcurrent;

    @Inject
    @ConfigProperty(name = "handoff.api.queue-wait-millis", defaultValue = "" + DEFAULT_QUEUE_WAIT_MILLIS)
    long queueWaitMillisSetting;

    private Semaphore places;
    private long queueWaitMillis;

    @Override
    public void init(FilterConfig config) throws ServletException {
        if (maxConcurrent < 1) {
            throw new ServletException("handoff.api.max-concurrent must be at least 1, was " + maxConcurrent);
        }
        configure(maxConcurrent, queueWaitMillisSetting);
    }

    void configure(int maxConcurrent, long waitMillis) {
        places = new Semaphore(maxConcurrent);
        queueWaitMillis = Math.max(0, waitMillis);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!database.isAvailable()) {
            refuse(response, DatabaseOutage.RETRY_AFTER_SECONDS, "database-unavailable",
                    "Handoff cannot reach its database right now. Nothing was done: retry after " + DatabaseOutage.RETRY_AFTER_SECONDS + " seconds.");
            return;
        }
        boolean admitted;
        try {
            admitted = places.tryAcquire(queueWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            refuse(response, RETRY_AFTER_SECONDS, "overloaded",
                    "Too many API requests are waiting (usually for the database). Retry after " + RETRY_AFTER_SECONDS + " seconds.");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            places.release();
        }
    }

    private static void refuse(HttpServletResponse response, int retryAfter, String type, String detail) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(retryAfter));
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(Json.createObjectBuilder()
                .add("type", "https://handoff.dev/problems/" + type)
                .add("title", "Service unavailable")
                .add("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE)
                .add("detail", detail)
                .build().toString());
    }
}
