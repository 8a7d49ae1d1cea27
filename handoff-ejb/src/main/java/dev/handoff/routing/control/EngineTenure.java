package dev.handoff.routing.control;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Whether this server's routing engine acts (ADR 0044): only while the server holds the cluster's
 * {@code routing} lease. Each time it gains the lease, and before anything acts on the engine, the
 * engine starts over ({@code startOver}: it forgets its memory and loads the database again, taking
 * live offers over), because while it did not act others changed the database. Any moment seen
 * without the lease counts, also a lapse of the lease this server then renews again.
 */
public final class EngineTenure {

    private final BooleanSupplier holdsLease;
    private final Runnable startOver;
    private final AtomicLong gained = new AtomicLong();
    private volatile boolean stale = true;

    public EngineTenure(BooleanSupplier holdsLease, Runnable startOver) {
        this.holdsLease = holdsLease;
        this.startOver = startOver;
    }

    /** True while this server's engine may route; the first call after a gain starts the engine over. */
    public boolean acting() {
        if (!holdsLease.getAsBoolean()) {
            stale = true;
            return false;
        }
        if (stale) {
            synchronized (this) {
                if (stale) {
                    startOver.run();
                    gained.incrementAndGet();
                    stale = false;
                }
            }
        }
        return true;
    }

    /** How many times this server took the engine over (a single server: once, at its start). */
    public long takeOvers() {
        return gained.get();
    }
}
