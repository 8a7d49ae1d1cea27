package dev.handoff.web.rest;

import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every answer under {@code /api} is {@code application/problem+json}, also those the JAX-RS
 * application never sees: 503 with {@code Retry-After} while the application is not (or no longer)
 * started, 405 for methods outside HTTP's usual set, and the container's own error pages (an unknown
 * path outside {@code /api/v1}, a failure before the API's mappers) turned into problems.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
@WebListener
public class ApiGuard extends HttpFilter implements ServletContextListener {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ApiGuard.class.getName());
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    private static volatile boolean ready;
    static volatile Thread stopping;

    /**
     * Ready from here; and on {@code SIGTERM} no longer, at once: a JVM shutdown hook marks the API
     * stopping before the server starts to take the application down. Without it, requests that
     * arrived in between ran into a half-stopped application and got a 500, some with their work
     * already committed; now they get a 503 with {@code Retry-After} (which a balancer sends to
     * another server) and readiness is down.
     */
    @Override
    public void contextInitialized(ServletContextEvent event) {
        removeHook();
        ready = true;
        Thread hook = new Thread(() -> ready = false, "handoff-stopping");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            stopping = hook;
        } catch (IllegalStateException alreadyStopping) {
            ready = false;
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        ready = false;
        removeHook();
    }

    /** An undeploy without a JVM exit (or a second start) leaves no hook behind. */
    private static void removeHook() {
        Thread hook = stopping;
        stopping = null;
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook has run or is running
            }
        }
    }

    /** Whether the API takes requests: started and not stopping. */
    public static boolean isReady() {
        return ready;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!ready) {
            response.setHeader("Retry-After", "5");
            write(response, 503, "unavailable", "Starting up", "Handoff is starting or stopping. Retry in a few seconds.");
            return;
        }
        if (!METHODS.contains(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD, POST, OPTIONS");
            write(response, 405, "method-not-allowed", "Method not allowed", "This endpoint does not accept that HTTP method.");
            return;
        }
        try {
            chain.doFilter(request, new ProblemErrors(response));
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "API incident " + incident, e);
            write(response, 500, "internal-error", "Internal error",
                    "Something went wrong on our side. Quote incident " + incident + " to your Handoff administrator.");
        }
    }

    static void write(HttpServletResponse response, int status, String slug, String title, String detail) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        byte[] body = Json.createObjectBuilder().add("type", "https://handoff.dev/problems/" + slug).add("title", title)
                .add("status", status).add("detail", detail).build().toString().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** The container's error pages (sendError) as problems. */
    static final class ProblemErrors extends HttpServletResponseWrapper {

        ProblemErrors(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            HttpServletResponse response = (HttpServletResponse) getResponse();
            if (response.isCommitted()) {
                response.sendError(status, message);
                return;
            }
            switch (status) {
                case 404 -> write(response, 404, "http-404", "Not Found", "There is no such endpoint or resource.");
                case 405, 501 -> write(response, 405, "method-not-allowed", "Method not allowed", "This endpoint does not accept that HTTP method.");
                case 401 -> write(response, 401, "unauthorized", "Unauthorized", "Send the key as 'Authorization: Bearer <api key>'.");
                case 503 -> {
                    response.setHeader("Retry-After", "5");
                    write(response, 503, "unavailable", "Service unavailable", "Handoff cannot answer right now. Retry in a few seconds.");
                }
                default -> write(response, status, status >= 500 ? "internal-error" : "http-" + status,
                        status >= 500 ? "Internal error" : "Request refused",
                        status >= 500 ? "Something went wrong on our side." : "The request was refused (HTTP " + status + ").");
            }
        }
    }
}
