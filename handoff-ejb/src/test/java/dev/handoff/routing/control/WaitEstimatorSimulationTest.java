package dev.handoff.routing.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Steady state: Poisson arrivals, exponential handle times, agents who take 2-8 s to accept. Each
 * handoff's wait is predicted at enqueue and compared with its actual wait (enqueue to accept), after
 * a one-hour warm-up. Asserted: the median of actual/predicted lies in [0.67, 1.5] and at least 70 %
 * of predictions are within ±50 % of the actual wait ({@code |predicted − actual| ≤ 0.5 × actual}).
 */
class WaitEstimatorSimulationTest {

    static final int AGENTS = 20;
    static final int CAPACITY = 2;
    static final double HANDLE_SECONDS = 240;
    static final double LOAD = 0.95;
    static final long HOURS = 8;

    record Event(long atMillis, int kind, String handoffId, long offerId) {}

    static final int ARRIVAL = 0;
    static final int ACCEPT = 1;
    static final int RELEASE = 2;

    @Test
    void predictionsAreWithinHalfOfTheActualWaitForTheBulk() {
        Random random = new Random(42);
        RoutingPolicy policy = RoutingPolicy.defaults().withIdleChats(1.0, 120).withQueueCap(100_000)
                .withUnresponsiveOwner(0, RoutingPolicy.UnresponsiveAction.REQUEUE_FRONT)
                .withOfferTimeoutSeconds(600);
        RoutingEngine engine = new RoutingEngine(policy);
        WaitEstimator estimator = new WaitEstimator(0.05, Duration.ofSeconds(60), Duration.ofSeconds(10));
        Instant t0 = RoutingWorld.T0;
        for (long id = 1; id <= AGENTS; id++) {
            engine.upsertAgent(new AgentProfile(id, "a" + id, Map.of("billing", 4), Set.of("en"), 1, "t", CAPACITY), t0);
            engine.setPresence(id, AgentPresence.ONLINE, t0);
        }
        double seatSeconds = HANDLE_SECONDS + 5;
        double arrivalsPerSecond = LOAD * AGENTS * CAPACITY / seatSeconds;
        PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> Long.compare(a.atMillis, b.atMillis));
        Map<String, WaitPrediction> predictions = new HashMap<>();
        Map<Long, Instant> offeredAt = new HashMap<>();
        Map<String, Instant> acceptedAt = new HashMap<>();
        List<double[]> results = new ArrayList<>(); // predicted, actual
        long endMillis = HOURS * 3_600_000;
        long next = 0;
        int seq = 0;
        events.add(new Event(0, ARRIVAL, null, 0));
        while (!events.isEmpty()) {
            Event e = events.poll();
            Instant now = t0.plusMillis(e.atMillis);
            List<RouteOffer> offers = new ArrayList<>();
            switch (e.kind) {
                case ARRIVAL -> {
                    if (e.atMillis > endMillis) {
                        continue;
                    }
                    HandoffRequest h = new HandoffRequest("h" + ++seq, "billing", "en", 0, 0, now);
                    engine.enqueue(h, now).offered().ifPresent(offers::add);
                    predictions.put(h.id(), estimator.predict(engine, h, now));
                    next = e.atMillis + Math.round(exponential(random, 1 / arrivalsPerSecond) * 1000);
                    events.add(new Event(next, ARRIVAL, null, 0));
                }
                case ACCEPT -> {
                    if (engine.accept(e.offerId, now)) {
                        estimator.recordTimeToAccept(Duration.between(offeredAt.get(e.offerId), now));
                        acceptedAt.put(e.handoffId, now);
                        WaitPrediction p = predictions.remove(e.handoffId);
                        if (e.atMillis > 3_600_000) {
                            results.add(new double[] {Math.max(1, p.predictedSeconds()),
                                    Math.max(1, Duration.between(p.madeAt(), now).toMillis() / 1000.0)});
                        }
                        long handle = Math.round(exponential(random, HANDLE_SECONDS) * 1000);
                        events.add(new Event(e.atMillis + handle, RELEASE, e.handoffId, 0));
                    }
                }
                case RELEASE -> {
                    estimator.recordHandleTime(Duration.between(acceptedAt.remove(e.handoffId), now));
                    offers.addAll(engine.release(e.handoffId, now).offered());
                }
                default -> throw new IllegalStateException();
            }
            for (RouteOffer o : offers) {
                offeredAt.put(o.id(), now);
                events.add(new Event(e.atMillis + 2000 + random.nextInt(6000), ACCEPT, o.handoffId(), o.id()));
            }
        }
        double[] ratios = results.stream().mapToDouble(r -> r[1] / r[0]).sorted().toArray();
        double median = ratios[ratios.length / 2];
        long within = results.stream().filter(r -> Math.abs(r[0] - r[1]) <= 0.5 * r[1]).count();
        double share = (double) within / results.size();
        double mape = results.stream().mapToDouble(r -> Math.abs(r[0] - r[1]) / r[1]).average().orElseThrow();
        double meanWait = results.stream().mapToDouble(r -> r[1]).average().orElseThrow();
        System.out.printf("wait estimator: %d agents x %d seats, load %.2f, %d handoffs measured, mean wait %.0f s;"
                + " median actual/predicted %.2f (p10 %.2f, p90 %.2f); %.1f %% within +-50 %%; MAPE %.0f %%%n",
                AGENTS, CAPACITY, LOAD, results.size(), meanWait, median, ratios[ratios.length / 10],
                ratios[ratios.length * 9 / 10], share * 100, mape * 100);
        assertTrue(median >= 0.67 && median <= 1.5, "median actual/predicted " + median);
        assertTrue(share >= 0.70, "share within +-50%: " + share);
    }

    private static double exponential(Random random, double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }
}
