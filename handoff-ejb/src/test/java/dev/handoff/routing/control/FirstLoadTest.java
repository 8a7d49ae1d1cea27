package dev.handoff.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FirstLoadTest {

    @Test
    void exactlyOneOfManyClaimsTheLoad() throws Exception {
        FirstLoad load = new FirstLoad();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            AtomicInteger claims = new AtomicInteger();
            Future<?>[] runs = new Future<?>[64];
            for (int i = 0; i < runs.length; i++) {
                runs[i] = pool.submit(() -> {
                    go.await();
                    if (load.claim()) {
                        claims.incrementAndGet();
                    }
                    return null;
                });
            }
            go.countDown();
            for (Future<?> run : runs) {
                run.get(10, TimeUnit.SECONDS);
            }
            assertEquals(1, claims.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRequestWaitsForTheClocksLoadAndGoesOnWhenItFinishes() throws Exception {
        FirstLoad load = new FirstLoad();
        assertTrue(load.claim(), "the clock claims the load");
        CompletableFuture<Boolean> request = CompletableFuture.supplyAsync(() -> load.await(Duration.ofSeconds(30)));
        Thread.sleep(100);
        assertFalse(request.isDone(), "the request waits while the clock loads");
        assertFalse(load.claim(), "and does not load it a second time");
        load.finished();
        assertTrue(request.get(5, TimeUnit.SECONDS), "it goes on once the load has finished");
        assertTrue(load.done());
    }

    @Test
    void aWaitEndsAfterItsTimeWhenNobodyLoads() {
        FirstLoad load = new FirstLoad();
        long started = System.nanoTime();
        assertFalse(load.await(Duration.ofMillis(150)));
        assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(150));
        assertTrue(load.claim(), "the clock has not run: the request may load it itself");
    }

    @Test
    void startingOverBeginsANewRoundAndReleasesTheLastOnesWaiters() throws Exception {
        FirstLoad load = new FirstLoad();
        assertTrue(load.claim());
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> load.await(Duration.ofSeconds(30)));
        Thread.sleep(50);
        load.startOver();
        waiter.get(5, TimeUnit.SECONDS); // released, not left hanging for 30 s
        assertFalse(load.done(), "a new round has not been loaded yet");
        assertTrue(load.claim(), "and can be claimed again");
        load.finished();
        assertTrue(load.done());
        assertTrue(load.await(Duration.ZERO));
    }

    @Test
    void anInterruptedWaitGivesUpAndKeepsTheInterrupt() {
        FirstLoad load = new FirstLoad();
        Thread.currentThread().interrupt();
        try {
            assertFalse(load.await(Duration.ofSeconds(30)));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}
