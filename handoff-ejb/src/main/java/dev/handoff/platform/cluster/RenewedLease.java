package dev.handoff.platform.cluster;

import java.time.Duration;

/**
 * What this server knows of one lease it keeps renewing (ADR 0038, ADR 0044): whether it holds it, until
 * when it may act on it, its token, and how often it gained it. It believes it holds the lease only until
 * the moment it <em>sent</em> its last successful renewal plus the lease time less one renewal interval,
 * so it stops acting before the database lets any other server in, also when the database stalls.
 * Plain Java, so that the hand-over logic is tested without a server.
 */
public final class RenewedLease {

    /** What one renewal changed. */
    public enum Change { GAINED, KEPT, LOST, NOT_HELD }

    private final String name;
    private volatile boolean holding;
    private volatile long heldUntilNanos;
    private volatile boolean heldBefore;
    private volatile long token;
    private volatile String holder;

    public RenewedLease(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /**
     * Records the answer to a claim sent at {@code sentNanos} ({@link System#nanoTime()}) for
     * {@code leaseTime}, renewed every {@code renewInterval}.
     */
    public Change renewed(LeaseTable.Claim claim, long sentNanos, Duration leaseTime, Duration renewInterval) {
        holder = claim.holder();
        if (claim.held()) {
            heldUntilNanos = sentNanos + leaseTime.minus(renewInterval).toNanos();
            holding = true;
            token = claim.token();
            boolean gained = !heldBefore;
            heldBefore = true;
            return gained ? Change.GAINED : Change.KEPT;
        }
        holding = false;
        boolean lost = heldBefore;
        heldBefore = false;
        return lost ? Change.LOST : Change.NOT_HELD;
    }

    /** Whether this server may act on the lease at {@code nowNanos}. */
    public boolean held(long nowNanos) {
        return holding && nowNanos - heldUntilNanos < 0;
    }

    public boolean held() {
        return held(System.nanoTime());
    }

    /** Stops acting at once (shut-down). */
    public void drop() {
        holding = false;
        heldBefore = false;
    }

    /** The token while held: grows with every change of holder. */
    public long token() {
        return token;
    }

    /** The holder the last renewal saw (this server or another; null when free). */
    public String lastSeenHolder() {
        return holder;
    }
}
