package dev.handoff.access.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
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
 * Writes the API keys' {@code last_used_at} once a minute for all the requests in between, instead
 * of a write per request; and once more when the application stops. Not persistent: a missed run
 * is the next one.
 */
@Singleton
@Startup
@DependsOn("Database")
public class KeyUseRecorder {

    static final long INTERVAL_MILLIS = 60_000;
    private static final Logger LOG = Logger.getLogger(KeyUseRecorder.class.getName());

    @Resource
    TimerService timers;

    @EJB
    ApiKeyService keys;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(INTERVAL_MILLIS, INTERVAL_MILLIS, new TimerConfig("handoff-key-uses", false));
    }

    @Timeout
    void record(Timer timer) {
        try {
            keys.recordUses();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record the API keys' last use; the next run retries with newer uses", e);
        }
    }

    @PreDestroy
    void stop() {
        record(null);
    }
}
