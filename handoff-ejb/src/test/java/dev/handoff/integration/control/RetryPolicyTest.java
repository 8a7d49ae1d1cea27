package dev.handoff.integration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofMinutes(1));

    @Test
    void theDelayDoublesFromTheBaseUpToTheMaximum() {
        assertEquals(Duration.ofSeconds(2), policy.ceiling(1));
        assertEquals(Duration.ofSeconds(4), policy.ceiling(2));
        assertEquals(Duration.ofSeconds(8), policy.ceiling(3));
        assertEquals(Duration.ofSeconds(32), policy.ceiling(5));
        assertEquals(Duration.ofMinutes(1), policy.ceiling(6));
        assertEquals(Duration.ofMinutes(1), policy.ceiling(63), "no overflow on large counts");
        assertEquals(Duration.ofMinutes(1), policy.ceiling(Integer.MAX_VALUE));
    }

    @Test
    void jitterKeepsTheDelayBetweenHalfAndAllOfTheCeiling() {
        assertEquals(Duration.ofSeconds(4), policy.backoff(3, () -> 0.0));
        assertEquals(Duration.ofSeconds(8), policy.backoff(3, () -> 0.999_999_9));
        assertEquals(Duration.ofSeconds(6), policy.backoff(3, () -> 0.5));
        assertEquals(Duration.ofSeconds(4), policy.backoff(3, () -> -3.0), "a bad random source is clamped");
    }

    @Test
    void aRetryableFailureComesBackAfterTheBackOff() {
        RetryPolicy.Next next = policy.afterFailure(1, Outcome.retry(503, null, "down"), NOW, () -> 1.0);
        assertEquals(new RetryPolicy.Retry(NOW.plusSeconds(2)), next);
        next = policy.afterFailure(4, Outcome.retry(null, null, "timeout"), NOW, () -> 0.0);
        assertEquals(new RetryPolicy.Retry(NOW.plusSeconds(8)), next);
    }

    @Test
    void retryAfterIsHonouredWhenItAsksForMoreThanTheBackOff() {
        RetryPolicy.Next next = policy.afterFailure(1, Outcome.retry(429, Duration.ofSeconds(30), "slow down"), NOW, () -> 1.0);
        assertEquals(new RetryPolicy.Retry(NOW.plusSeconds(30)), next);
        next = policy.afterFailure(1, Outcome.retry(429, Duration.ofMinutes(5), "slow down"), NOW, () -> 1.0);
        assertEquals(new RetryPolicy.Retry(NOW.plusSeconds(300)), next, "even beyond the back-off maximum");
        next = policy.afterFailure(3, Outcome.retry(429, Duration.ofSeconds(1), "slow down"), NOW, () -> 1.0);
        assertEquals(new RetryPolicy.Retry(NOW.plusSeconds(8)), next, "a shorter Retry-After does not shorten the back-off");
        next = policy.afterFailure(1, Outcome.retry(429, Duration.ofDays(30), "?"), NOW, () -> 1.0);
        assertEquals(new RetryPolicy.Retry(NOW.plus(RetryPolicy.MAX_RETRY_AFTER)), next, "a broken header cannot park a row for a month");
    }

    @Test
    void afterTheLastAttemptTheRowIsDead() {
        RetryPolicy.Next next = policy.afterFailure(5, Outcome.retry(500, null, "HTTP 500"), NOW, () -> 0.5);
        RetryPolicy.Dead dead = assertInstanceOf(RetryPolicy.Dead.class, next);
        assertTrue(dead.why().contains("5 attempts"), dead.why());
        assertInstanceOf(RetryPolicy.Retry.class, policy.afterFailure(4, Outcome.retry(500, null, "HTTP 500"), NOW, () -> 0.5));
    }

    @Test
    void aRefusalIsDeadAtOnce() {
        RetryPolicy.Dead dead = assertInstanceOf(RetryPolicy.Dead.class, policy.afterFailure(1, Outcome.ofFailedStatus(422, null, "invalid"), NOW, () -> 0.5));
        assertTrue(dead.why().startsWith("refused"), dead.why());
    }

    @Test
    void statusesAreReadAsVendorsMeanThem() {
        assertEquals(Outcome.Kind.RETRY, Outcome.ofFailedStatus(429, Duration.ofSeconds(3), null).kind());
        assertEquals(Duration.ofSeconds(3), Outcome.ofFailedStatus(429, Duration.ofSeconds(3), null).retryAfter());
        assertEquals(Outcome.Kind.RETRY, Outcome.ofFailedStatus(500, null, null).kind());
        assertEquals(Outcome.Kind.RETRY, Outcome.ofFailedStatus(503, null, null).kind());
        assertEquals(Outcome.Kind.RETRY, Outcome.ofFailedStatus(401, null, null).kind(), "credentials an admin may still fix");
        assertEquals(Outcome.Kind.RETRY, Outcome.ofFailedStatus(404, null, null).kind(), "a URL an admin may still fix");
        assertEquals(Outcome.Kind.REFUSED, Outcome.ofFailedStatus(400, null, null).kind());
        assertEquals(Outcome.Kind.REFUSED, Outcome.ofFailedStatus(422, null, null).kind());
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        assertEquals(Duration.ofSeconds(120), RetryAfter.parse("120", NOW));
        assertEquals(Duration.ofSeconds(7), RetryAfter.parse(" 7 ", NOW));
        assertEquals(Duration.ofMillis(1500), RetryAfter.parse("1.5", NOW));
        assertEquals(Duration.ofSeconds(90), RetryAfter.parse("Thu, 03 Dec 2026 10:01:30 GMT", NOW));
        assertEquals(Duration.ZERO, RetryAfter.parse("Thu, 03 Dec 2026 09:00:00 GMT", NOW), "a date in the past: at once");
        assertNull(RetryAfter.parse(null, NOW));
        assertNull(RetryAfter.parse("soon", NOW));
        assertNull(RetryAfter.parse("-5", NOW));
    }
}
