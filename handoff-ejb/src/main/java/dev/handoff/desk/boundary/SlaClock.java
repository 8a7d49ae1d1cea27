package dev.handoff.desk.boundary;

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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sweeps the SLA clocks every few seconds (handoff.sla.sweep-seconds, default 5), on the one server
 * that holds the cluster duties (ADR 0038). Not persistent, like the routing clock.
 */
@Singleton
@Startup
@DependsOn({"Database", "ClusterDuties"})
public class SlaClock {

    private static final Logger LOG = Logger.getLogger(SlaClock.class.getName());

    @Resource
    TimerService timers;

    @EJB
    SlaService sla;

    @EJB
    ClusterDuties duties;

    @Inject
    @ConfigProperty(name = "handoff.sla.sweep-seconds", defaultValue = "5")
    long sweepSeconds;

    @PostConstruct
    void start() {
        long millis = Math.max(1, sweepSeconds) * 1000;
        timers.createIntervalTimer(millis, millis, new TimerConfig("handoff-sla", false));
    }

    @Timeout
    void sweep(Timer timer) {
        if (!duties.mayRun("sla-sweep")) {
            return;
        }
        try {
            sla.sweep();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SLA sweep failed; the next one retries", e);
        }
    }
}
