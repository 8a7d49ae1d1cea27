package dev.handoff.routing.control;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * Estimated wait for a queue position, from live capacity and recent times. An agent's seat is held
 * from the offer to the release: time to accept plus handle time, {@code S}, each an exponentially
 * weighted mean of recent observations (weight {@code alpha} for the newest). With {@code c} seats
 * among routable agents with the skill and {@code f} of them free, the handoff at position {@code p}
 * gets an offer once {@code p − f} seats have freed, which at {@code c / S} frees a second takes
 * {@code (p − f) × S / c}; then it still has to be accepted:
 * <pre>wait = timeToAccept + max(0, p − f) × S / c</pre>
 * With nobody online with the skill it assumes one seat. Not modelled: agents shared with other
 * skills (their seats count fully for each), overflow rings, idle-chat weights, priority jumps.
 *
 * <p>Keeps only the two means; storing predictions next to actual waits is for the caller
 * ({@link WaitPrediction}). Thread-safe.
 */
public final class WaitEstimator {

    public record Estimate(int position, long seconds) {}

    private final double alpha;
    private double handleSeconds;
    private double acceptSeconds;

    /**
     * @param alpha weight of the newest observation, e.g. 0.05 (about the last 20 count)
     * @param priorHandle and {@code priorAccept}: the means until observations come in
     */
    public WaitEstimator(double alpha, Duration priorHandle, Duration priorAccept) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], was " + alpha);
        }
        this.alpha = alpha;
        this.handleSeconds = priorHandle.toMillis() / 1000.0;
        this.acceptSeconds = priorAccept.toMillis() / 1000.0;
    }

    /** Accepted to released. */
    public synchronized void recordHandleTime(Duration handle) {
        handleSeconds += alpha * (Math.max(0, handle.toMillis() / 1000.0) - handleSeconds);
    }

    /** Offered to accepted. */
    public synchronized void recordTimeToAccept(Duration toAccept) {
        acceptSeconds += alpha * (Math.max(0, toAccept.toMillis() / 1000.0) - acceptSeconds);
    }

    public synchronized double meanHandleSeconds() {
        return handleSeconds;
    }

    public synchronized double meanAcceptSeconds() {
        return acceptSeconds;
    }

    /** The wait of the handoff at {@code position} (1-based) in the queue of a skill with this live load. */
    public synchronized Estimate estimate(int position, SkillLoad load) {
        int seats = Math.max(1, load.capacity());
        double free = Math.floor(load.freeSlots() + RoutingEngine.EPS);
        double ahead = Math.max(0, position - free);
        double seconds = acceptSeconds + ahead * (acceptSeconds + handleSeconds) / seats;
        return new Estimate(position, Math.max(1, Math.round(seconds)));
    }

    /**
     * Predicts the wait of a handoff just enqueued (or still waiting) in the engine: its place in its
     * skill's queue, or the time to accept if it was offered at once.
     */
    public WaitPrediction predict(RoutingEngine engine, HandoffRequest handoff, Instant now) {
        OptionalInt position = engine.skillPosition(handoff.id());
        if (position.isEmpty()) {
            long accept;
            synchronized (this) {
                accept = Math.max(1, Math.round(acceptSeconds));
            }
            return new WaitPrediction(handoff.id(), accept, now, 0);
        }
        Estimate e = estimate(position.getAsInt(), engine.skillLoad(handoff.primarySkill()));
        return new WaitPrediction(handoff.id(), e.seconds(), now, e.position());
    }
}
