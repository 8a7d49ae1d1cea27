package dev.handoff.escalation.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On every server, every {@code handoff.cluster.config-poll-millis} (1 s): a trigger set published
 * on another server sharing the database goes live here as well (ADR 0038). One small query a tick;
 * the set is compiled only when a newer version was published.
 */
@Singleton
@Startup
@DependsOn("Bootstrap")
public class TriggerSetWatch {

    private static final Logger LOG = Logger.getLogger(TriggerSetWatch.class.getName());

    @Resource
    TimerService timers;

    @Inject
    LiveTriggers live;

    @Inject
    @ConfigProperty(name = "handoff.cluster.config-poll-millis", defaultValue = "1000")
    long pollMillis;

    @PostConstruct
    void start() {
        long every = Math.max(200, pollMillis);
        timers.createIntervalTimer(every, every, new TimerConfig("handoff-trigger-set-watch", false));
    }

    @Timeout
    void poll() {
        try {
            live.followPublished();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not check for a newer trigger set; the next tick retries", e);
        }
    }
}
