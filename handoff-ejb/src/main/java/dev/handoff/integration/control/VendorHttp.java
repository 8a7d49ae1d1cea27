package dev.handoff.integration.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * One HTTP client for all connectors (no redirects: a vendor that redirects a write is misconfigured),
 * and the reading of what came back. A request that gets no answer becomes a retryable {@link Outcome}.
 */
public class VendorHttp {

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;

    public VendorHttp(Duration connectTimeout, Duration timeout, Clock clock) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.clock = clock;
    }

    public Duration timeout() {
        return timeout;
    }

    /** A vendor's answer. */
    public record Answer(int status, java.net.http.HttpHeaders headers, String body) {

        public boolean ok() {
            return status / 100 == 2;
        }

        public Duration retryAfter(Clock clock) {
            return RetryAfter.parse(headers.firstValue("Retry-After").orElse(null), clock.instant());
        }

        public Optional<JsonObject> json() {
            try {
                return Optional.of(Json.createReader(new StringReader(body)).readObject());
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    /** The answer, or the failure to get one. */
    public sealed interface Result permits Got, NoAnswer {}

    public record Got(Answer answer) implements Result {}

    public record NoAnswer(Outcome outcome) implements Result {}

    public Result send(HttpRequest.Builder request, String vendor) {
        try {
            HttpResponse<String> r = client.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Got(new Answer(r.statusCode(), r.headers(), r.body() == null ? "" : r.body()));
        } catch (HttpTimeoutException e) {
            return new NoAnswer(Outcome.retry(null, null, vendor + " did not answer within " + timeout.toSeconds() + " s"));
        } catch (ConnectException e) {
            return new NoAnswer(Outcome.retry(null, null, vendor + " cannot be reached (connection refused)"));
        } catch (IOException e) {
            return new NoAnswer(Outcome.retry(null, null, vendor + " I/O error: " + e.getClass().getSimpleName()));
        } catch (IllegalArgumentException e) {
            return new NoAnswer(Outcome.refused(null, vendor + " URL is not valid: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NoAnswer(Outcome.retry(null, null, "interrupted while waiting for " + vendor));
        }
    }

    /** The plain reading of an answer: 2xx delivered, otherwise by status (429 and 5xx retry, honouring Retry-After). */
    public Outcome read(Result result, String vendor) {
        if (result instanceof NoAnswer n) {
            return n.outcome();
        }
        Answer a = ((Got) result).answer();
        if (a.ok()) {
            return Outcome.delivered(a.status(), null);
        }
        return failed(a, vendor);
    }

    public Outcome failed(Answer a, String vendor) {
        String detail = a.body().isBlank() ? null : clip(a.body(), 160);
        return Outcome.ofFailedStatus(a.status(), a.retryAfter(clock), vendor + (detail == null ? "" : " said " + detail));
    }

    static String clip(String s, int max) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }

    public Clock clock() {
        return clock;
    }
}
