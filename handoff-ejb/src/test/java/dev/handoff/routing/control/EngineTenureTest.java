package dev.handoff.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The engine starts over once per gain of the routing lease, before any caller acts on it (ADR 0044). */
class EngineTenureTest {

    @Test
    void manyCallersAtTheMomentOfTheGainSeeOneStartOverAndNoneActsBeforeIt() throws Exception {
        AtomicBoolean held = new AtomicBoolean(true);
        AtomicInteger startOvers = new AtomicInteger();
        AtomicBoolean startedOver = new AtomicBoolean();
        EngineTenure tenure = new EngineTenure(held::get, () -> {
            try {
                Thread.sleep(50); // loading takes a while; nobody may act meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            startOvers.incrementAndGet();
            startedOver.set(true);
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> seen = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                seen.add(pool.submit(() -> {
                    go.await();
                    return tenure.acting() && startedOver.get();
                }));
            }
            go.countDown();
            for (Future<Boolean> f : seen) {
                assertTrue(f.get(), "a caller acted before the engine had started over");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, startOvers.get());
        assertEquals(1, tenure.takeOvers());
    }

    @Test
    void losingAndRegainingStartsOverAgain() {
        AtomicBoolean held = new AtomicBoolean(false);
        AtomicInteger startOvers = new AtomicInteger();
        EngineTenure tenure = new EngineTenure(held::get, startOvers::incrementAndGet);
        assertEquals(false, tenure.acting());
        assertEquals(0, startOvers.get(), "no lease, no engine to start");
        held.set(true);
        assertTrue(tenure.acting());
        assertTrue(tenure.acting());
        held.set(false);
        assertEquals(false, tenure.acting());
        held.set(true);
        assertTrue(tenure.acting());
        assertEquals(2, startOvers.get());
        assertEquals(2, tenure.takeOvers());
    }
}
