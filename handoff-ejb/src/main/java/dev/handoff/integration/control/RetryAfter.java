package dev.handoff.integration.control;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads an HTTP {@code Retry-After} header: delay-seconds ({@code 120}) or an HTTP-date ({@code Wed, 21 Oct 2026 07:28:00 GMT}). */
public final class RetryAfter {

    private RetryAfter() {}

    /** The delay the header asks for, or null when it is missing or unreadable; a date in the past is zero. */
    public static Duration parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        if (value.matches("\\d{1,9}\\.\\d+")) { // some vendors send fractions (Slack never does, HubSpot sometimes)
            return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
