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

    /** A sign-in with a wrong password, as LoginBacking reports it; false when it was refused unchecked. */
    private boolean wrong(String account, String address, Instant at) {
        if (throttle.begin(account, address, at).isPresent()) {
            return false;
        }
        throttle.failed(address, at);
        return true;
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() {
        for (int i = 0; i < 4; i++) {
            wrong("alice", "10.0.0.1", T0.plusSeconds(i));
            assertEquals(Optional.empty(), throttle.lockedFor("alice", "10.0.0.1", T0.plusSeconds(i)), "attempt " + (i + 1));
        }
        wrong("alice", "10.0.0.1", T0.plusSeconds(4));

        assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.lockedFor("alice", "10.0.0.1", T0.plusSeconds(4)));
        assertTrue(throttle.lockedFor("ALICE ", "10.9.9.9", T0.plusSeconds(60)).isPresent(), "from anywhere, in any case");
        assertEquals(Optional.empty(), throttle.lockedFor("bob", "10.9.9.9", T0.plusSeconds(60)), "other accounts are not affected");
        assertEquals(Optional.empty(), throttle.lockedFor("alice", "10.0.0.1", T0.plusSeconds(4).plus(Duration.ofMinutes(15))),
                "until the lockout has passed");
    }

    @Test
    void oneAddressTryingManyAccountsIsLockedOut() {
        for (int i = 0; i < 20; i++) {
            wrong("user" + i, "203.0.113.7", T0.plusSeconds(i));
        }
        assertTrue(throttle.lockedFor("someone-new", "203.0.113.7", T0.plusSeconds(21)).isPresent());
        assertEquals(Optional.empty(), throttle.lockedFor("someone-new", "198.51.100.1", T0.plusSeconds(21)));
    }

    @Test
    void failuresSpreadBeyondTheWindowDoNotAddUp() {
        for (int i = 0; i < 10; i++) {
            wrong("carol", "10.0.0." + i, T0.plus(Duration.ofMinutes(16L * i)));
        }
        assertEquals(Optional.empty(), throttle.lockedFor("carol", "10.0.0.1", T0.plus(Duration.ofMinutes(16L * 9))));
    }

    @Test
    void parallelGuessesCannotAllGetThroughBeforeTheFirstFails() {
        long admitted = java.util.stream.IntStream.range(0, 40)
                .filter(i -> throttle.begin("bob", "10.0.0.9", T0).isEmpty())
                .count();
        assertEquals(5, admitted, "40 attempts at once, none answered yet: only 5 get their password checked");
    }

    @Test
    void aSuccessfulSignInClearsTheAccountsCount() {
        for (int i = 0; i < 4; i++) {
            wrong("dave", "10.0.0.1", T0);
        }
        throttle.succeeded("dave");
        wrong("dave", "10.0.0.1", T0);
        assertEquals(Optional.empty(), throttle.lockedFor("dave", "10.0.0.1", T0));
    }

    @Test
    void memoryIsBoundedWhateverNamesAreTried() {
        for (int i = 0; i < 50_000; i++) {
            wrong("made-up-" + i, "10.1." + (i / 250) + "." + (i % 250), T0);
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
