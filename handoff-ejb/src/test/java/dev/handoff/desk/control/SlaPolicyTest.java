package dev.handoff.desk.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.conversation.boundary.SlaTimer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {

    static final SlaPolicy POLICY = new SlaPolicy(Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(30));
    static final Instant TAKEN = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void firstResponseRunsUntilTheAgentWrites() {
        List<SlaTimer> t = POLICY.timers(TAKEN, null, null, TAKEN.plusSeconds(90));
        assertEquals(SlaPolicy.FIRST_RESPONSE, t.get(0).kind());
        assertEquals(Duration.ofSeconds(30), t.get(0).left());
        assertFalse(t.get(0).breached());
        assertEquals("0:30", t.get(0).display());
        SlaTimer late = POLICY.timers(TAKEN, null, null, TAKEN.plusSeconds(132)).get(0);
        assertTrue(late.breached());
        assertEquals("-0:12", late.display());
        assertEquals(TAKEN.plusSeconds(120), late.dueAt());
    }

    @Test
    void afterTheFirstResponseTheUpdateClockCountsFromTheLastAgentMessage() {
        Instant first = TAKEN.plusSeconds(60);
        Instant last = TAKEN.plusSeconds(400);
        List<SlaTimer> t = POLICY.timers(TAKEN, first, last, TAKEN.plusSeconds(500));
        assertEquals(SlaPolicy.UPDATE, t.get(0).kind());
        assertEquals(last.plus(Duration.ofMinutes(5)), t.get(0).dueAt());
        assertEquals(SlaPolicy.RESOLUTION, t.get(1).kind());
        assertEquals(TAKEN.plus(Duration.ofMinutes(30)), t.get(1).dueAt());
        assertTrue(POLICY.timers(TAKEN, first, last, TAKEN.plus(Duration.ofMinutes(31))).get(1).breached());
    }

    @Test
    void noTimersBeforeOwnershipAndTargetsMustBePositive() {
        assertTrue(POLICY.timers(null, null, null, TAKEN).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new SlaPolicy(Duration.ZERO, Duration.ofMinutes(5), Duration.ofMinutes(30)));
    }
}
