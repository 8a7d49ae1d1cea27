package dev.handoff.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/** One clock for the whole application, so time-dependent logic can be tested with a fixed one. */
@ApplicationScoped
public class Clocks {

    /**
     * The system clock in whole microseconds: what the database keeps ({@code DATETIME(6)}), so an
     * instant answered at once equals the one read back later.
     */
    @Produces
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
