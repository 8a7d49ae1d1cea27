package dev.handoff.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.handoff.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

class ChecksTest {

    @Test
    void queryNumbersThatAreNotWholeNumbersInRangeAreRefusedNamingTheParameter() {
        for (String bad : new String[] {"abc", "2147483648", "1e10", "-1", "1.5", "99999999999999999999"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Checks.intParam(bad, 0, 0, Integer.MAX_VALUE, "after"), bad);
            assertEquals("after", e.field());
        }
        assertThrows(InvalidInputException.class, () -> Checks.intParam("201", 100, 1, 200, "limit"));
        assertEquals(100, Checks.intParam(null, 100, 1, 200, "limit"));
        assertEquals(7, Checks.intParam(" 7 ", 100, 1, 200, "limit"));
        assertEquals(Integer.MAX_VALUE, Checks.intParam("2147483647", 0, 0, Integer.MAX_VALUE, "after"));
    }
}
