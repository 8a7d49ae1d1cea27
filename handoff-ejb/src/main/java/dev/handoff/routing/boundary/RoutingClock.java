package dev.handoff.routing.boundary;

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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ticks routing every 10 seconds (offer time-outs, waiting handoffs). A programmatic timer created
 * after the schema migration, so it never fires against a database that is not ready. Not
 * persistent: each server ticks for itself, and a missed tick is simply the next one.
 */
@Singleton
@Startup
@DependsOn("Database")
public class RoutingClock {

    static final long INTERVAL_MILLIS = 10_000;
    private static final Logger LOG = Logger.getLogger(RoutingClock.class.getName());

    @Resource
    TimerService timers;

    @EJB
    RoutingService routing;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(INTERVAL_MILLIS, INTERVAL_MILLIS, new TimerConfig("handoff-routing", false));
    }

    @Timeout
    void tick(Timer timer) {
        try {
            routing.tick();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Routing tick failed; the next one retries", e);
        }
    }
}
