package dev.handoff.routing.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a presence lasts without a heartbeat. A stored presence counts only while the agent's
 * last heartbeat is at or after {@link #seenSince}: no older than the time-to-live, and not from
 * before this server started (portal sessions do not survive a restart, so nobody's presence does
 * unless they heartbeat again).
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
}
