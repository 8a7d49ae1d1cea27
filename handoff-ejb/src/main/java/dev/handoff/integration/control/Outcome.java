package dev.handoff.integration.control;

import java.time.Duration;

/**
 * How one delivery attempt ended. {@code DELIVERED}: the vendor took it ({@code link}, if any, is
 * what it made for the conversation: a ticket, a message). {@code SKIPPED}: there was nothing to
 * send (the event does not concern this connector after all), the row is done. {@code RETRY}: a
 * failure that may pass (time-out, 429, 5xx, a credential an admin may still fix). {@code REFUSED}:
 * the vendor refused the request itself (400, 422, ...): trying again would fail the same way.
 */
public record Outcome(Kind kind, Integer status, Duration retryAfter, String error, Link link) {

    public enum Kind { DELIVERED, SKIPPED, RETRY, REFUSED }

    /** What a delivery created at the vendor, kept per connector and conversation. */
    public record Link(String externalId, String url, String extra) {}

    public static Outcome delivered(int status, Link link) {
        return new Outcome(Kind.DELIVERED, status, null, null, link);
    }

    public static Outcome skipped(String why) {
        return new Outcome(Kind.SKIPPED, null, null, why, null);
    }

    public static Outcome retry(Integer status, Duration retryAfter, String error) {
        return new Outcome(Kind.RETRY, status, retryAfter, error, null);
    }

    public static Outcome refused(Integer status, String error) {
        return new Outcome(Kind.REFUSED, status, null, error, null);
    }

    public boolean ok() {
        return kind == Kind.DELIVERED || kind == Kind.SKIPPED;
    }

    /** The usual reading of an HTTP status that is not a success. */
    public static Outcome ofFailedStatus(int status, Duration retryAfter, String error) {
        String what = error == null ? "HTTP " + status : "HTTP " + status + ": " + error;
        return switch (status) {
            case 400, 405, 410, 413, 415, 422 -> refused(status, what);
            default -> retry(status, retryAfter, what);
        };
    }

    public String describe() {
        return error != null ? error : status != null ? "HTTP " + status : kind.name().toLowerCase();
    }
}
