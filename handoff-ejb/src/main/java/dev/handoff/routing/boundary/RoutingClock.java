package dev.handoff.routing.boundary;

import dev.handoff.platform.cluster.ClusterDuties;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ticks the routing engine every {@code handoff.routing.tick-millis} (1 s by default): offer
 * time-outs, overflow rings, idle chats, unresponsive owners, and reconciling the engine with the
 * database. A programmatic timer created after the schema migration and the routing desk, so it never
 * fires against a database that is not ready. Not persistent: a missed tick is simply the next one.
 *
 * <p>A second timer, the presence timer, runs every {@code handoff.presence.check-seconds} (15 s by
 * default, first right after start): agents whose last heartbeat is older than
 * {@code handoff.presence.ttl-seconds}, or from before this start, are written offline; only on the
 * server that holds the cluster duties (ADR 0038).
 *
 * <p>Each tick first applies the routing requests other servers wrote; on a server that does not hold
 * the {@code routing} lease the tick only keeps the engine's read copy in step (ADR 0044).
 */
@Singleton
@Startup
@DependsOn({"Database", "RoutingDesk", "ClusterDuties"})
public class RoutingClock {

    private static final Logger LOG = Logger.getLogger(RoutingClock.class.getName());
    private static final String ROUTING = "handoff-routing";
    private static final String PRESENCE = "handoff-presence-expiry";

    @Resource
    TimerService timers;

    @EJB
    RoutingService routing;

    @EJB
    ClusterDuties duties;

    @Inject
    @ConfigProperty(name = "handoff.routing.tick-millis", defaultValue = "1000")
    long intervalMillis;

    @Inject
    @ConfigProperty(name = "handoff.presence.check-seconds", defaultValue = "15")
    long presenceCheckSeconds;

    private int failedDrains;

    @PostConstruct
    void start() {
        long interval = Math.max(200, intervalMillis);
        timers.createIntervalTimer(interval, interval, new TimerConfig(ROUTING, false));
        timers.createIntervalTimer(1_000, Math.max(1, presenceCheckSeconds) * 1_000, new TimerConfig(PRESENCE, false));
    }

    @Timeout
    void tick(Timer timer) {
        if (PRESENCE.equals(timer.getInfo())) {
            expirePresence();
            return;
        }
        drain();
        try {
            routing.tick();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Routing tick failed; the next one retries", e);
        }
    }

    /**
     * The routing requests of other servers, in a transaction of their own before the tick (ADR 0044):
     * a request that cannot be applied must not hold the tick up. After three failed drains in a row
     * the oldest batch is dropped and the engine reconciles everything with the database instead.
     */
    private void drain() {
        try {
            routing.drainRequests();
            failedDrains = 0;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Applying other servers' routing requests failed; the next tick retries", e);
            if (++failedDrains >= 3) {
                failedDrains = 0;
                try {
                    routing.dropRequestsForFullSync();
                } catch (RuntimeException dropFailed) {
                    LOG.log(Level.WARNING, "Could not drop the routing requests either", dropFailed);
                }
            }
        }
    }

    private void expirePresence() {
        if (!duties.mayRun("presence-expiry")) {
            return;
        }
        try {
            List<String> offline = routing.expireStalePresence();
            if (!offline.isEmpty()) {
                LOG.info(() -> "No heartbeat within the presence time-to-live, now offline: " + offline);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Presence check failed; the next one retries", e);
        }
    }
}
