package dev.handoff.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueueEstimatorTest {

    private static final Duration MINUTE = Duration.ofSeconds(60);

    @ParameterizedTest(name = "position {0}, {1} agents, mean {2}s -> {3}s")
    @CsvSource({
            // position, agents online, mean wait (s), expected wait (s)
            "1, 1, 60, 60",
            "2, 1, 60, 120",
            "1, 3, 60, 60",
            "3, 3, 60, 60",
            "4, 3, 60, 120",
            "3, 2, 60, 120",
            "4, 2, 60, 120",
            "5, 2, 60, 180",
            "10, 4, 45, 135",
    })
    void waitIsTheMeanTimesTheRoundsAhead(int position, long agents, long meanSeconds, long expected) {
        assertEquals(expected, QueueEstimator.waitSeconds(position, agents, Duration.ofSeconds(meanSeconds)));
    }

    @Test
    void theDatabaseFallbackReadsTheQueueOnceAndCountsOnlyTheSameSkillAhead() {
        java.util.List<Object[]> queue = java.util.List.of(
                new Object[] {"a", "billing"}, new Object[] {"b", null}, new Object[] {"c", "billing"},
                new Object[] {"d", "general"}, new Object[] {"e", "billing"});
        QueueEstimator.Fallback f = new QueueEstimator.Fallback(queue, java.util.List.of(), "general", MINUTE);
        assertEquals(new QueueEstimator.Estimate(1, 60), f.estimate("a", "billing"));
        assertEquals(new QueueEstimator.Estimate(2, 120), f.estimate("c", "billing"), "b and d need another skill");
        assertEquals(new QueueEstimator.Estimate(3, 180), f.estimate("e", "billing"));
        assertEquals(new QueueEstimator.Estimate(2, 120), f.estimate("d", "general"), "no skill is the default skill");
        assertEquals(new QueueEstimator.Estimate(4, 240), f.estimate("not-queued", "billing"), "behind everything of its skill");
        assertEquals(new QueueEstimator.Estimate(1, 60), f.estimate("x", "refunds"), "nobody ahead");
    }

    @Test
    void noAgentsOnlineCountsAsOne() {
        assertEquals(180, QueueEstimator.waitSeconds(3, 0, MINUTE));
        assertEquals(180, QueueEstimator.waitSeconds(3, -2, MINUTE));
    }

    @Test
    void aMeanUnderOneSecondStillPromisesAtLeastOneSecondPerRound() {
        assertEquals(1, QueueEstimator.waitSeconds(1, 1, Duration.ZERO));
        assertEquals(2, QueueEstimator.waitSeconds(2, 1, Duration.ofMillis(999)));
    }

    @Test
    void subSecondRemaindersAreDropped() {
        assertEquals(90, QueueEstimator.waitSeconds(3, 1, Duration.ofMillis(30_999)));
    }

    @Test
    void noSamplesGiveThePrior() {
        assertEquals(MINUTE, QueueEstimator.meanWithPrior(new long[0], MINUTE));
    }

    @Test
    void thePriorCountsAsThreeSamples() {
        // (3 * 60 s + 120 s) / 4
        assertEquals(Duration.ofSeconds(75), QueueEstimator.meanWithPrior(new long[] {120_000}, MINUTE));
        // (3 * 60 s + 0 + 0 + 0) / 6
        assertEquals(Duration.ofSeconds(30), QueueEstimator.meanWithPrior(new long[] {0, 0, 0}, MINUTE));
    }

    @Test
    void aFewInstantAcceptsCannotPromiseOneSecond() {
        Duration mean = QueueEstimator.meanWithPrior(new long[] {10, 20, 5}, MINUTE);

        assertEquals(30_005, mean.toMillis());
    }

    @Test
    void manySamplesOutweighThePrior() {
        long[] twentyWaitsOfTenSeconds = new long[QueueEstimator.SAMPLE];
        java.util.Arrays.fill(twentyWaitsOfTenSeconds, 10_000);

        // (3 * 60 000 + 20 * 10 000) / 23 = 16 521 ms
        assertEquals(16_521, QueueEstimator.meanWithPrior(twentyWaitsOfTenSeconds, MINUTE).toMillis());
    }

    @Test
    void negativeWaitsCountAsZero() {
        // a clock skew between nodes must not make the estimate shrink below a zero wait
        assertEquals(Duration.ofSeconds(45), QueueEstimator.meanWithPrior(new long[] {-600_000}, MINUTE));
    }
}
