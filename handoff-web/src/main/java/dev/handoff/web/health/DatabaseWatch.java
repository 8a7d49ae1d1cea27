package dev.handoff.web.health;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Knows within seconds whether the database answers. Every {@value #PERIOD_MILLIS} ms a probe
 * borrows a connection and checks it, on a managed thread; it counts as failed when it has no
 * answer within {@value #PROBE_TIMEOUT_MILLIS} ms, so a frozen server is noticed as fast as a
 * stopped one. While one probe is stuck, no second one starts.
 *
 * <p>Readiness reports this state, and the API bulkhead answers 503 at once while the database is
 * unavailable instead of letting each call wait for the JDBC timeouts. Nothing needs resetting when
 * the database returns: the next probe that succeeds makes it available again.
 */
@ApplicationScoped
public class DatabaseWatch {

    static final long PERIOD_MILLIS = 1_000;
    static final long PROBE_TIMEOUT_MILLIS = 2_000;
    /** Available while the last success is at most this old: a probe that is late counts as down. */
    static final long FRESH_MILLIS = PERIOD_MILLIS + PROBE_TIMEOUT_MILLIS + 500;
    private static final Logger LOG = Logger.getLogger(DatabaseWatch.class.getName());

    @Resource(lookup = "java:app/jdbc/handoff")
    DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private volatile long lastSuccess;
    private volatile String product = "";
    private volatile String problem = "not probed yet";
    private volatile boolean reportedDown;
    private Future<String> pending;
    private ScheduledFuture<?> schedule;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        probeNow();
        schedule = scheduler.scheduleWithFixedDelay(this::probeNow, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    /** Whether the database answered a probe within the last few seconds. */
    public boolean isAvailable() {
        return System.currentTimeMillis() - lastSuccess <= FRESH_MILLIS;
    }

    /** The product name of the last successful probe, e.g. "MySQL". */
    public String product() {
        return product;
    }

    /** Why the last probe failed, in a few words; empty after a success. */
    public String problem() {
        return problem;
    }

    /** Runs one probe and waits for it at most {@value #PROBE_TIMEOUT_MILLIS} ms. */
    void probeNow() {
        Future<String> probe;
        synchronized (this) {
            if (pending != null && !pending.isDone()) {
                record(null, "the previous probe is still waiting for the database");
                return;
            }
            pending = executor.submit(this::probe);
            probe = pending;
        }
        try {
            record(probe.get(PROBE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS), "");
        } catch (TimeoutException e) {
            record(null, "no answer within " + PROBE_TIMEOUT_MILLIS + " ms");
        } catch (ExecutionException e) {
            record(null, e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            record(null, e.getClass().getSimpleName());
        }
    }

    private void record(String productName, String failure) {
        if (productName != null) {
            product = productName;
            problem = "";
            lastSuccess = System.currentTimeMillis();
            if (reportedDown) {
                reportedDown = false;
                LOG.info("The database answers again");
            }
            return;
        }
        problem = failure;
        if (!isAvailable() && !reportedDown) {
            reportedDown = true;
            LOG.warning(() -> "The database is unavailable (" + failure + "); the API answers 503 until it returns");
        }
    }

    private String probe() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid((int) TimeUnit.MILLISECONDS.toSeconds(PROBE_TIMEOUT_MILLIS))) {
                throw new IllegalStateException("connection not valid");
            }
            return connection.getMetaData().getDatabaseProductName();
        }
    }
}
