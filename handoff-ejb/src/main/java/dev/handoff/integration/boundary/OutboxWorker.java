package dev.handoff.integration.boundary;

import dev.handoff.platform.cluster.ClusterDuties;
import dev.handoff.integration.control.IntegrationSettingsConfig;
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
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox: every {@code handoff.integrations.poll-millis} it looks for connectors with
 * due rows and starts one drain per connector (asynchronously; a slow vendor never holds up the
 * others, and a connector is never drained twice at once on this server). Rows survive a restart in
 * the database: the first tick after start picks up what was pending, and rows a dead server had
 * claimed come back when their claim lapses. A non-persistent timer created after the schema is ready;
 * it delivers only on the server that holds the cluster duties (ADR 0038).
 */
@Singleton
@Startup
@DependsOn({"Database", "ClusterDuties"})
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());

    /** This server's name on its claims. */
    private final String worker = "w-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<Long, Future<Instant>> running = new ConcurrentHashMap<>();
    private final Map<Long, Instant> resting = new ConcurrentHashMap<>();

    @Resource
    TimerService timers;

    @EJB
    OutboxStore store;

    @EJB
    OutboxDelivery delivery;

    @EJB
    ClusterDuties duties;

    @Inject
    IntegrationSettingsConfig config;

    @Inject
    Clock clock;

    @PostConstruct
    void start() {
        long every = config.pollMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("handoff-outbox", false));
    }

    @Timeout
    void tick() {
        if (!duties.mayRun("outbox-delivery")) {
            settleFinished();
            return;
        }
        try {
            Instant now = clock.instant();
            settleFinished();
            for (Long connector : store.connectorsWithDueRows(now)) {
                Instant until = resting.get(connector);
                if ((until != null && until.isAfter(now)) || running.containsKey(connector)) {
                    continue;
                }
                resting.remove(connector);
                running.put(connector, delivery.drain(connector, worker));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox tick failed; the next one retries", e);
        }
    }

    private void settleFinished() {
        running.entrySet().removeIf(e -> {
            if (!e.getValue().isDone()) {
                return false;
            }
            try {
                Instant rest = e.getValue().get();
                if (rest != null) {
                    resting.put(e.getKey(), rest);
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException ee) {
                LOG.log(Level.WARNING, "Outbox drain failed", ee.getCause());
            }
            return true;
        });
    }

    /** Lets a connector be tried at once (after its settings changed, or a replay). */
    public void wake(long connectorId) {
        resting.remove(connectorId);
    }

    public String workerId() {
        return worker;
    }
}
