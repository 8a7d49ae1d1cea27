package dev.handoff.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Instant T0 = Instant.parse("2026-12-03T07:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle();

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "10.0.0.1", T0.plusSeconds(i));
            assertEquals(Optional.empty(), throttle.lockedFor("alice", "10.0.0.1", T0.plusSeconds(i)), "attempt " + (i + 1));
        }
        throttle.failed("alice", "10.0.0.1", T0.plusSeconds(4));

        assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.lockedFor("alice", "10.0.0.1", T0.plusSeconds(4)));
        assertTrue(throttle.lockedFor("ALICE ", "10.9.9.9", T0.plusSeconds(60)).isPresent(), "from anywhere, in any case");
        assertEquals(Optional.empty(), throttle.lockedFor("bob", "10.9.9.9", T0.plusSeconds(60)), "other accounts are not affected");
        assertEquals(Optional.empty(), throttle.lockedFor("alice", "10.0.0.1", T0.plusSeconds(4).plus(Duration.ofMinutes(15))),
                "until the lockout has passed");
    }

    @Test
    void oneAddressTryingManyAccountsIsLockedOut() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "203.0.113.7", T0.plusSeconds(i));
        }
        assertTrue(throttle.lockedFor("someone-new", "203.0.113.7", T0.plusSeconds(21)).isPresent());
        assertEquals(Optional.empty(), throttle.lockedFor("someone-new", "198.51.100.1", T0.plusSeconds(21)));
    }

    @Test
    void failuresSpreadBeyondTheWindowDoNotAddUp() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("carol", "10.0.0." + i, T0.plus(Duration.ofMinutes(16L * i)));
        }
        assertEquals(Optional.empty(), throttle.lockedFor("carol", "10.0.0.1", T0.plus(Duration.ofMinutes(16L * 9))));
    }

    @Test
    void aSuccessfulSignInClearsTheAccountsCount() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("dave", "10.0.0.1", T0);
        }
        throttle.succeeded("dave");
        throttle.failed("dave", "10.0.0.1", T0);
        assertEquals(Optional.empty(), throttle.lockedFor("dave", "10.0.0.1", T0));
    }

    @Test
    void memoryIsBoundedWhateverNamesAreTried() {
        for (int i = 0; i < 50_000; i++) {
            throttle.failed("made-up-" + i, "10.1." + (i / 250) + "." + (i % 250), T0);
        }
        assertEquals(10_000, throttle.trackedAccounts());
    }

    @Test
    void behindAProxyTheAddressIsTheLastHopOfItsHeader() {
        assertEquals("10.0.0.5", LoginThrottle.clientAddress(null, "10.0.0.5"));
        assertEquals("198.51.100.7", LoginThrottle.clientAddress("1.2.3.4, 198.51.100.7", "10.0.0.5"), "the client cannot forge the last hop");
        assertEquals("10.0.0.5", LoginThrottle.clientAddress(" ", "10.0.0.5"));
    }

    @Test
    void theMessageSaysHowLongToWait() {
        assertEquals("Too many attempts, try again in 15 minutes.", LoginThrottle.message(Duration.ofMinutes(15)));
        assertEquals("Too many attempts, try again in 2 minutes.", LoginThrottle.message(Duration.ofSeconds(61)));
        assertEquals("Too many attempts, try again in 1 minute.", LoginThrottle.message(Duration.ofSeconds(5)));
    }
}
