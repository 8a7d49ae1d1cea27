package dev.handoff.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PushThrottleTest {

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final List<long[]> scheduledAt = new ArrayList<>();
    final List<Runnable> scheduled = new ArrayList<>();
    final PushThrottle.Scheduler scheduler = (task, delay) -> {
        scheduledAt.add(new long[] {now.get() + delay});
        scheduled.add(task);
    };
    final PushThrottle throttle = new PushThrottle(250, now::get);

    void advanceMillis(long ms) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    void runDue() {
        for (int i = 0; i < scheduled.size(); i++) {
            if (scheduledAt.get(i)[0] <= now.get()) {
                Runnable r = scheduled.remove(i);
                scheduledAt.remove(i);
                r.run();
                i--;
            }
        }
    }

    @Test
    void theFirstChangeGoesOutAtOnce() {
        AtomicInteger sent = new AtomicInteger();
        throttle.submit("alice/offers", sent::incrementAndGet, scheduler);
        assertEquals(1, sent.get());
        assertEquals(0, scheduled.size());
    }

    @Test
    void aBurstCostsOneImmediateAndOneTrailingSend() {
        AtomicInteger sent = new AtomicInteger();
        for (int i = 0; i < 50; i++) {
            throttle.submit("sam/queue", sent::incrementAndGet, scheduler);
            advanceMillis(2);
        }
        assertEquals(1, sent.get(), "only the first of the burst is sent at once");
        assertEquals(1, scheduled.size(), "the rest fold into one trailing send");
        assertEquals(TimeUnit.MILLISECONDS.toNanos(250), scheduledAt.get(0)[0] - 1_000_000_000L,
                "the trailing send is due one window after the first");
        advanceMillis(250);
        runDue();
        assertEquals(2, sent.get());
    }

    @Test
    void keysAreIndependent() {
        AtomicInteger alice = new AtomicInteger();
        AtomicInteger bob = new AtomicInteger();
        throttle.submit("alice/offers", alice::incrementAndGet, scheduler);
        throttle.submit("bob/offers", bob::incrementAndGet, scheduler);
        throttle.submit("alice/offers", alice::incrementAndGet, scheduler);
        assertEquals(1, alice.get());
        assertEquals(1, bob.get(), "bob's first change is not held back by alice's burst");
        assertEquals(1, scheduled.size());
    }

    @Test
    void aChangeAfterAQuietWindowIsSentAtOnceAgain() {
        AtomicInteger sent = new AtomicInteger();
        throttle.submit("k", sent::incrementAndGet, scheduler);
        advanceMillis(300);
        throttle.submit("k", sent::incrementAndGet, scheduler);
        assertEquals(2, sent.get());
        assertEquals(0, scheduled.size());
    }

    @Test
    void aChangeDuringTheTrailingSendsWindowIsNotLost() {
        AtomicInteger sent = new AtomicInteger();
        throttle.submit("k", sent::incrementAndGet, scheduler);
        advanceMillis(10);
        throttle.submit("k", sent::incrementAndGet, scheduler);
        advanceMillis(240);
        runDue();
        assertEquals(2, sent.get());
        advanceMillis(5);
        throttle.submit("k", sent::incrementAndGet, scheduler);
        assertEquals(2, sent.get(), "within a window of the trailing send: held");
        assertEquals(1, scheduled.size());
        advanceMillis(250);
        runDue();
        assertEquals(3, sent.get());
    }

    @Test
    void aZeroWindowSendsEveryChange() {
        PushThrottle none = new PushThrottle(0, now::get);
        AtomicInteger sent = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            none.submit("k", sent::incrementAndGet, scheduler);
        }
        assertEquals(5, sent.get());
    }
}
