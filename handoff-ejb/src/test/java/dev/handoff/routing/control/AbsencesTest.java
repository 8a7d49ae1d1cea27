package dev.handoff.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbsencesTest {

    private static final Instant T0 = Instant.parse("2026-03-03T09:00:00Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void anOwnerGoneLongerThanTheLimitIsReportedAndOneWhoCameBackIsNot() {
        Absences absences = new Absences();
        absences.seen(1, AgentPresence.OFFLINE, T0);
        absences.seen(2, AgentPresence.AWAY, T0.plusSeconds(60));
        absences.seen(3, AgentPresence.ONLINE, T0);
        absences.seen(1, AgentPresence.OFFLINE, T0.plusSeconds(200)); // seen again: still gone since T0

        assertEquals(List.of(), absences.goneLongerThan(FIVE_MINUTES, T0.plusSeconds(299), List.of(1L, 2L, 3L)));
        assertEquals(List.of(1L), absences.goneLongerThan(FIVE_MINUTES, T0.plusSeconds(300), List.of(1L, 2L, 3L)));
        assertEquals(List.of(1L, 2L), absences.goneLongerThan(FIVE_MINUTES, T0.plusSeconds(360), List.of(1L, 2L, 3L, 1L)));

        absences.seen(2, AgentPresence.BUSY, T0.plusSeconds(361));
        assertEquals(List.of(1L), absences.goneLongerThan(FIVE_MINUTES, T0.plusSeconds(400), List.of(1L, 2L)));
    }
}
