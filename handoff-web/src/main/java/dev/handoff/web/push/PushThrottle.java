package dev.handoff.web.push;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Coalesces pushes per key (channel, user and event): the first change in a quiet period is sent at
 * once, so an offer reaches its agent without delay; further changes within the window are folded
 * into one trailing send at the window's end, so a burst of fifty changes costs a client two
 * refreshes, not fifty, and the last state is never missed.
 */
final class PushThrottle {

    /** Runs {@code task} after {@code delayNanos}; the web module passes the managed scheduler. */
    interface Scheduler {
        void schedule(Runnable task, long delayNanos);
    }

    private static final class Slot {
        long lastSent = Long.MIN_VALUE;
        boolean trailing;
    }

    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final Map<Object, Slot> slots = new ConcurrentHashMap<>();

    PushThrottle(long windowMillis, LongSupplier nanoClock) {
        this.windowNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, windowMillis));
        this.nanoClock = nanoClock;
    }

    /**
     * Sends now if nothing was sent for {@code key} within the window; otherwise makes sure one send
     * follows at the window's end. {@code send} runs on the caller's thread or the scheduler's.
     */
    void submit(Object key, Runnable send, Scheduler scheduler) {
        if (windowNanos == 0) {
            send.run();
            return;
        }
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        long delay;
        synchronized (slot) {
            long now = nanoClock.getAsLong();
            if (slot.trailing) {
                return;
            }
            if (slot.lastSent == Long.MIN_VALUE || now - slot.lastSent >= windowNanos) {
                slot.lastSent = now;
                delay = -1;
            } else {
                slot.trailing = true;
                delay = slot.lastSent + windowNanos - now;
            }
        }
        if (delay < 0) {
            send.run();
            return;
        }
        scheduler.schedule(() -> {
            synchronized (slot) {
                slot.trailing = false;
                slot.lastSent = nanoClock.getAsLong();
            }
            send.run();
        }, delay);
    }

    /** Keys seen so far (one per user, channel and event, so bounded by the users who ever signed in). */
    int keys() {
        return slots.size();
    }
}
