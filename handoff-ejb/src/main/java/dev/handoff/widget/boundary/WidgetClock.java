package dev.handoff.widget.boundary;

import dev.handoff.platform.cluster.ClusterDuties;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code handoff.widget.sweep-seconds} (10 s): customers who left the widget while waiting
 * for a person, unseen for {@code handoff.widget.abandon-grace-seconds} (90 s: the widget reports
 * every 20 s while its page is open), are recorded as abandoned and their place is freed.
 */
@Singleton
@Startup
@DependsOn({"Database", "ClusterDuties"})
public class WidgetClock {

    private static final Logger LOG = Logger.getLogger(WidgetClock.class.getName());

    @Resource
    TimerService timers;

    @EJB
    WidgetService widgets;

    @EJB
    ClusterDuties duties;

    @Inject
    @ConfigProperty(name = "handoff.widget.sweep-seconds", defaultValue = "10")
    long sweepSeconds;

    @Inject
    @ConfigProperty(name = "handoff.widget.abandon-grace-seconds", defaultValue = "90")
    long graceSeconds;

    @PostConstruct
    void start() {
        long every = Math.max(1, sweepSeconds) * 1000;
        timers.createIntervalTimer(every, every, new TimerConfig("handoff-widget-abandoned", false));
    }

    @Timeout
    void sweep() {
        if (!duties.mayRun("widget-abandoned")) {
            return;
        }
        try {
            int closed = widgets.closeAbandoned(Duration.ofSeconds(Math.max(1, graceSeconds)));
            if (closed > 0) {
                LOG.info(() -> closed + " waiting customer(s) left the widget and were recorded as abandoned");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The abandoned-chat sweep failed; the next one retries", e);
        }
    }
}
