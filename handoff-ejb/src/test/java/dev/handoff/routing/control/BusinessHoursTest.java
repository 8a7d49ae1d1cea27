package dev.handoff.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final BusinessHours HOURS = BusinessHours.parse("Mon-Fri 08:00-18:00, Sat 10:00-14:00", BERLIN);

    @Test
    void openInsideTheSpansInTheTeamsZone() {
        // Wednesday 2026-12-02: 07:30 UTC is 08:30 in Berlin
        assertTrue(HOURS.isOpen(Instant.parse("2026-12-02T07:30:00Z")));
        assertFalse(HOURS.isOpen(Instant.parse("2026-12-02T06:59:00Z")), "07:59 in Berlin");
        assertFalse(HOURS.isOpen(Instant.parse("2026-12-02T17:00:00Z")), "18:00 is closing time");
        assertTrue(HOURS.isOpen(Instant.parse("2026-12-05T09:00:00Z")), "Saturday 10:00");
        assertFalse(HOURS.isOpen(Instant.parse("2026-12-06T10:00:00Z")), "Sunday");
    }

    @Test
    void nextOpeningAcrossTheWeekend() {
        assertEquals("Monday 08:00 (Europe/Berlin)",
                BusinessHours.describe(HOURS.nextOpening(Instant.parse("2026-12-05T14:00:00Z")).orElseThrow()), "after Saturday's close");
        assertEquals("Saturday 10:00 (Europe/Berlin)",
                BusinessHours.describe(HOURS.nextOpening(Instant.parse("2026-12-04T20:00:00Z")).orElseThrow()));
    }

    @Test
    void alwaysAndBadInput() {
        assertTrue(BusinessHours.parse(" ", BERLIN).isOpen(Instant.parse("2026-12-06T03:00:00Z")));
        assertTrue(BusinessHours.parse("Mon-Sun 00:00-24:00", BERLIN).isOpen(Instant.parse("2026-12-06T22:59:00Z")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BusinessHours.parse("weekdays 9-5", BERLIN));
        assertTrue(e.getMessage().contains("weekdays 9-5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BusinessHours.parse("Mon 18:00-08:00", BERLIN));
        assertThrows(IllegalArgumentException.class, () -> BusinessHours.parse("Mon 25:00-26:00", BERLIN));
    }

    @Test
    void closedOnlyWhenEveryTeamIsClosed() {
        BusinessHours usTeam = BusinessHours.parse("Mon-Fri 09:00-17:00", ZoneId.of("America/New_York"));
        Instant berlinEvening = Instant.parse("2026-12-02T19:00:00Z"); // 20:00 Berlin, 14:00 New York
        assertTrue(BusinessHours.allClosedUntil(java.util.List.of(HOURS, usTeam), berlinEvening).isEmpty(), "New York is still open");
        Instant night = Instant.parse("2026-12-03T03:00:00Z"); // 04:00 Berlin, 22:00 New York
        assertEquals("Thursday 08:00 (Europe/Berlin)",
                BusinessHours.describe(BusinessHours.allClosedUntil(java.util.List.of(HOURS, usTeam), night).orElseThrow()));
    }
}
