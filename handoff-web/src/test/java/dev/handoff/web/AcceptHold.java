package dev.handoff.web;

import dev.handoff.desk.boundary.AcceptChecked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only: when armed, holds every accept that has passed its locks and checks until released, and
 * counts them. Deployed into the IT's WAR beside the test class; unarmed it lets accepts through.
 */
@ApplicationScoped
public class AcceptHold {

    private final AtomicInteger passed = new AtomicInteger();
    private volatile CountDownLatch firstPassed = new CountDownLatch(1);
    private volatile CountDownLatch release;

    public void arm() {
        passed.set(0);
        firstPassed = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    public boolean awaitFirst(long seconds) throws InterruptedException {
        return firstPassed.await(seconds, TimeUnit.SECONDS);
    }

    public int passed() {
        return passed.get();
    }

    /** Lets every held accept go on, and stops holding. */
    public void release() {
        CountDownLatch r = release;
        release = null;
        if (r != null) {
            r.countDown();
        }
    }

    void held(@Observes AcceptChecked checked) throws InterruptedException {
        CountDownLatch r = release;
        if (r == null) {
            return;
        }
        passed.incrementAndGet();
        firstPassed.countDown();
        r.await(30, TimeUnit.SECONDS);
    }
}
