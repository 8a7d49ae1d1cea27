package dev.handoff.history.boundary;

import java.time.Instant;

/**
 * A search of past and open conversations; every field is optional. {@code customer} matches the
 * name, external id or e-mail (part of it, any case); {@code text} any message; {@code trigger} a
 * trigger that fired; {@code agent} an agent who owned the chat at some point; {@code from} (inclusive)
 * and {@code to} (exclusive) bound when the conversation started. {@code page} counts from 0.
 */
public record HistoryQuery(String customer, String text, String trigger, String agent, String state, Instant from, Instant to,
        int page, int size) {

    public static final int MAX_SIZE = 100;

    public HistoryQuery {
        page = Math.max(0, page);
        size = size <= 0 ? 25 : Math.min(size, MAX_SIZE);
    }

    public static HistoryQuery all(int page, int size) {
        return new HistoryQuery(null, null, null, null, null, null, null, page, size);
    }
}
