package dev.handoff.routing.control;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Who loads the database into the routing engine, and when it is done (issue 10, item 5: the first
 * load at start-up, never on a request thread). The routing clock claims the load at its first tick,
 * right after start-up or a take-over; a request that needs the engine meanwhile waits for that load
 * instead of doing it inside a customer's transaction, and claims it only when the clock has not
 * (its timers have not run within the wait). {@link #startOver()} begins a new round.
 */
public final class FirstLoad {

    private Round round = new Round();

    /** True exactly once per round: for whoever is to load the database into the engine. */
    public synchronized boolean claim() {
        if (round.claimed) {
            return false;
        }
        round.claimed = true;
        return true;
    }

    /** The load of this round finished (or failed: the engine's full sync corrects it later). */
    public void finished() {
        current().done.countDown();
    }

    /** True when this round's load has finished. */
    public boolean done() {
        return current().done.getCount() == 0;
    }

    /**
     * Waits up to {@code wait} for this round's load; true if it finished. An interrupted wait returns
     * false at once, with the interrupt kept.
     */
    public boolean await(Duration wait) {
        try {
            return current().done.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A new round: the engine was emptied and is to be loaded again; waiters of the last round are released. */
    public synchronized void startOver() {
        Round last = round;
        round = new Round();
        last.done.countDown();
    }

    private synchronized Round current() {
        return round;
    }

    private static final class Round {
        boolean claimed;
        final CountDownLatch done = new CountDownLatch(1);
    }
}
