package dev.handoff.integration.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * When to try an outbox row again, or to give up. The delay doubles with every failed attempt from
 * {@code base}, up to {@code max}, and is spread by "equal jitter" (half fixed, half random) so that
 * rows that failed together do not all come back in the same second. A vendor's {@code Retry-After}
 * is honoured: the next attempt is never earlier than it asks (up to {@link #MAX_RETRY_AFTER}).
 * After {@code maxAttempts} failed attempts a row is dead; a refusal (the vendor says the request
 * itself is wrong) is dead at once.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration max) {

    /** The longest a vendor's Retry-After may postpone a row (a broken header cannot park it for a year). */
    public static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(base);
        Objects.requireNonNull(max);
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("0 < base <= max");
        }
    }

    /** What to do after a failed attempt. */
    public sealed interface Next permits Retry, Dead {}

    public record Retry(Instant at) implements Next {}

    public record Dead(String why) implements Next {}

    /**
     * @param attempts   attempts made so far, the failed one included (1 after the first failure)
     * @param outcome    how the attempt failed
     * @param now        the time of the failure
     * @param random     a source of numbers in [0, 1) for the jitter
     */
    public Next afterFailure(int attempts, Outcome outcome, Instant now, DoubleSupplier random) {
        if (outcome.kind() == Outcome.Kind.REFUSED) {
            return new Dead("refused: " + outcome.describe());
        }
        if (attempts >= maxAttempts) {
            return new Dead("gave up after " + attempts + " attempts: " + outcome.describe());
        }
        Duration wait = backoff(attempts, random);
        Duration asked = outcome.retryAfter();
        if (asked != null && !asked.isNegative()) {
            Duration honoured = asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
            if (honoured.compareTo(wait) > 0) {
                wait = honoured;
            }
        }
        return new Retry(now.plus(wait));
    }

    /** The jittered delay after the {@code attempts}-th failure: between half and all of min(max, base * 2^(attempts-1)). */
    public Duration backoff(int attempts, DoubleSupplier random) {
        Duration ceiling = ceiling(attempts);
        long millis = ceiling.toMillis();
        long half = millis / 2;
        double r = Math.min(Math.max(random.getAsDouble(), 0.0), 1.0);
        return Duration.ofMillis(half + Math.round((millis - half) * r));
    }

    /** min(max, base * 2^(attempts-1)), without overflow. */
    public Duration ceiling(int attempts) {
        int shift = Math.max(0, attempts - 1);
        if (shift >= 40) {
            return max;
        }
        long millis = base.toMillis();
        long doubled = millis << shift;
        if (doubled < 0 || doubled >> shift != millis || doubled > max.toMillis()) {
            return max;
        }
        return Duration.ofMillis(doubled);
    }
}
