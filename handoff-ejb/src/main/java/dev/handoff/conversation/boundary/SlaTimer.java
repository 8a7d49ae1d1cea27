package dev.handoff.conversation.boundary;

import java.time.Duration;
import java.time.Instant;

/** One target of one chat: due at, and how much time is left (negative once breached). */
public record SlaTimer(String kind, Instant dueAt, Duration left) {

    public boolean breached() {
        return left.isNegative();
    }

    /** "1:05" left or "-0:12" over, for the inbox. */
    public String display() {
        long s = Math.abs(left.toSeconds());
        return (breached() ? "-" : "") + s / 60 + ":" + String.format("%02d", s % 60);
    }
}
