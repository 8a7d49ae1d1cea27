package dev.handoff.routing.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MissedOffersTest {

    @Test
    void threeExpiredOffersInARowSetTheAgentAwayAnAnsweredOneInBetweenDoesNot() {
        assertTrue(MissedOffers.setAway(List.of(true, true, true), 3));
        assertTrue(MissedOffers.setAway(List.of(true, true, true, false), 3));
        assertFalse(MissedOffers.setAway(List.of(true, false, true), 3), "a declined or accepted offer breaks the run");
        assertFalse(MissedOffers.setAway(List.of(true, true), 3), "not enough offers yet");
        assertFalse(MissedOffers.setAway(List.of(true, true, true), 0), "0 switches the rule off");
    }
}
