package dev.handoff.routing.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a presence lasts without a heartbeat. A stored presence counts only while the agent's
 * last heartbeat is at or after {@link #seenSince}: no older than the time-to-live, and not from
 * before this server started (portal sessions do not survive a restart, so nobody's presence does
 * unless they heartbeat again) — unless other servers were running when it started, whose sessions
 * did survive.
 */
public record PresenceTtl(Duration ttl, Instant startedAt) {

    public PresenceTtl {
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(startedAt, "startedAt");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the presence time-to-live must be positive: " + ttl);
        }
    }

    /** The oldest heartbeat that still keeps a presence at {@code now}. */
    public Instant seenSince(Instant now) {
        Instant byTtl = now.minus(ttl);
        return byTtl.isAfter(startedAt) ? byTtl : startedAt;
    }

    /**
     * The same, for a server that joined other servers already running (issue 16): their portal
     * sessions survived this server's start, so a heartbeat they took from before it still counts;
     * only the time-to-live decides. A server that started alone, or does not know yet, is
     * {@link #seenSince(Instant)}.
     */
    public Instant seenSince(Instant now, boolean othersWereRunning) {
        return othersWereRunning ? now.minus(ttl) : seenSince(now);
    }
}
