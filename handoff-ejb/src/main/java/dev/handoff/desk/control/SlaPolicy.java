package dev.handoff.desk.control;

import dev.handoff.conversation.boundary.SlaTimer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The service levels an owned chat is held to: a first response within {@code firstResponse} of
 * taking it, an update at least every {@code update} while the agent works on it (counted from their
 * last message, or from when they took it), and resolution (or escalation) within {@code resolution}.
 * Pure: {@link #timers} says, for a chat's clock readings, when each target falls due and whether it is missed.
 */
public record SlaPolicy(Duration firstResponse, Duration update, Duration resolution) {

    public static final String FIRST_RESPONSE = "first-response";
    public static final String UPDATE = "update";
    public static final String RESOLUTION = "resolution";

    public SlaPolicy {
        for (Duration d : List.of(Objects.requireNonNull(firstResponse), Objects.requireNonNull(update), Objects.requireNonNull(resolution))) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("SLA targets must be positive");
            }
        }
    }

    /**
     * The running timers of a chat owned since {@code ownedSince}: first response until the agent's
     * first message, then the update clock; the resolution clock throughout. Nothing before ownership.
     */
    public List<SlaTimer> timers(Instant ownedSince, Instant firstResponseAt, Instant lastAgentMessageAt, Instant now) {
        List<SlaTimer> timers = new ArrayList<>();
        if (ownedSince == null) {
            return timers;
        }
        if (firstResponseAt == null) {
            timers.add(timer(FIRST_RESPONSE, ownedSince.plus(firstResponse), now));
        } else {
            Instant from = lastAgentMessageAt == null ? firstResponseAt : lastAgentMessageAt;
            timers.add(timer(UPDATE, from.plus(update), now));
        }
        timers.add(timer(RESOLUTION, ownedSince.plus(resolution), now));
        return timers;
    }

    private static SlaTimer timer(String kind, Instant due, Instant now) {
        return new SlaTimer(kind, due, Duration.between(now, due));
    }
}
