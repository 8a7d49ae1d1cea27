package dev.handoff.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PresenceTtlTest {

    private static final Instant STARTED = Instant.parse("2026-12-03T06:00:00Z");
    private final PresenceTtl ttl = new PresenceTtl(Duration.ofSeconds(120), STARTED);

    @Test
    void rightAfterARestartNoHeartbeatFromBeforeItCounts() {
        assertEquals(STARTED, ttl.seenSince(STARTED), "a presence from before the crash is stale at once");
        assertEquals(STARTED, ttl.seenSince(STARTED.plusSeconds(30)), "even when it is younger than the TTL");
    }

    @Test
    void laterTheTimeToLiveDecides() {
        assertEquals(STARTED.plusSeconds(80), ttl.seenSince(STARTED.plusSeconds(200)));
    }

    @Test
    void aServerJoiningRunningServersKeepsTheirAgentsPresence() {
        assertEquals(STARTED.minusSeconds(90), ttl.seenSince(STARTED.plusSeconds(30), true),
                "a heartbeat taken by another server 60 s before this one started still counts");
        assertEquals(STARTED, ttl.seenSince(STARTED.plusSeconds(30), false), "alone, nothing from before the start counts");
        assertEquals(STARTED.plusSeconds(80), ttl.seenSince(STARTED.plusSeconds(200), true), "later the same as alone");
    }

    @Test
    void theTimeToLiveIsPositive() {
        assertThrows(IllegalArgumentException.class, () -> new PresenceTtl(Duration.ZERO, STARTED));
        assertThrows(IllegalArgumentException.class, () -> new PresenceTtl(Duration.ofSeconds(-1), STARTED));
    }
}
