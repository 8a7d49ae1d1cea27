package dev.handoff.web.push;

import dev.handoff.platform.events.RoutingRequested;
import dev.handoff.routing.boundary.RoutingService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Nudges the routing engine's server over the data grid (ADR 0044): once a transaction that wrote
 * routing requests on this server has committed, a bare {@code drain} is published on the grid topic
 * {@code handoff-routing}; every other server that receives it and holds the routing lease drains the
 * {@code routing_request} table at once instead of at its next tick. The message carries nothing: the
 * requests are in the database, so a lost nudge costs at most one tick (1 s). Without a grid nothing is
 * published, and the engine's server, if another, still drains at every tick.
 *
 * <p>The same topic carries {@code triggers} once a trigger set is published here: every other server
 * then looks for the newer version at once (and compiles it) instead of at its next poll
 * ({@code handoff.cluster.config-poll-millis}, 1 s), which stays as the fallback for a lost nudge.
 */
@ApplicationScoped
public class RoutingNudges {

    static final String TOPIC = "handoff-routing";
    static final String DRAIN = "drain";
    static final String TRIGGERS = "triggers";
    private static final Logger LOG = Logger.getLogger(RoutingNudges.class.getName());

    // @Inject, not @EJB: in the EAR the first event may reach this bean on a thread of the EJB module,
    // where the web module's java:comp/env lookup of an @EJB field fails (WELD-000401 in the EAR smoke)
    @Inject
    RoutingService routing;

    @Inject
    dev.handoff.escalation.boundary.LiveTriggers triggers;

    private volatile GridRelay.Channel topic;
    private volatile ManagedExecutorService executor;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean following = new AtomicBoolean();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();

    void start(ManagedExecutorService drains) {
        executor = drains;
        try {
            Optional<GridTopic> joined = GridTopic.join(TOPIC, this::fromOtherServer);
            topic = joined.orElse(null);
        } catch (javax.naming.NamingException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "no data grid for routing nudges", e);
        }
    }

    void stop() {
        GridRelay.Channel t = topic;
        topic = null;
        if (t != null) {
            try {
                t.leave();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "leaving the routing topic", e);
            }
        }
    }

    void onRequested(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoutingRequested event) {
        // The requests are committed: if the nudge is lost, the engine's server drains them at its next tick.
        send(DRAIN);
    }

    void onTriggerSetPublished(@Observes(during = TransactionPhase.AFTER_SUCCESS) dev.handoff.platform.events.TriggerSetPublished event) {
        // The version is committed: if the nudge is lost, the other servers find it at their next poll.
        send(TRIGGERS);
    }

    private void send(String word) {
        GridRelay.Channel t = topic;
        if (t == null) {
            return;
        }
        try {
            t.publish(word);
            sent.incrementAndGet();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "a nudge over the data grid failed", e);
        }
    }

    /** For tests: nudges go into this channel instead of a grid. */
    void nudgeTo(GridRelay.Channel channel, ManagedExecutorService drains) {
        topic = channel;
        executor = drains;
    }

    /**
     * A nudge from another server: {@code drain} (routing requests to apply) or {@code triggers} (a
     * trigger set published). Each kind is scheduled once at a time: a burst of nudges is one run.
     */
    void fromOtherServer(String message) {
        received.incrementAndGet();
        ManagedExecutorService e = executor;
        if (e == null) {
            return;
        }
        if (DRAIN.equals(message)) {
            once(e, scheduled, routing::drainRequests, "a drain of routing requests");
        } else if (TRIGGERS.equals(message)) {
            once(e, following, triggers::followPublished, "a look for a trigger set published elsewhere");
        }
    }

    /** Runs the work on a managed thread unless a run is already scheduled; a failed run waits for the next tick or poll. */
    private static void once(ManagedExecutorService e, AtomicBoolean pending, Runnable work, String what) {
        if (!pending.compareAndSet(false, true)) {
            return;
        }
        try {
            e.execute(() -> {
                pending.set(false);
                try {
                    work.run();
                } catch (RuntimeException failed) {
                    LOG.log(Level.FINE, what + " failed; the next tick or poll retries", failed);
                }
            });
        } catch (RuntimeException rejected) {
            pending.set(false);
            LOG.log(Level.FINE, "no thread for " + what, rejected);
        }
    }

    /** The nudges' figures in the Prometheus text format, for {@code /ops/metrics}. */
    public String exposition() {
        return "# HELP handoff_routing_nudges_total Nudges to the routing engine's server over the data grid since this server started.\n"
                + "# TYPE handoff_routing_nudges_total counter\n"
                + "handoff_routing_nudges_total{direction=\"sent\"} " + sent.get() + "\n"
                + "handoff_routing_nudges_total{direction=\"received\"} " + received.get() + "\n";
    }
}
