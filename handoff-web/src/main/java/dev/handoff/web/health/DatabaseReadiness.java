package dev.handoff.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the database answers: a load balancer stops sending traffic when it is gone.
 *
 * <p>The probe runs on a managed thread and the check waits at most {@value #PROBE_TIMEOUT_MILLIS}
 * ms for it, so a stalled database (a frozen server, a pool with no free connection) makes the
 * instance not ready within seconds instead of hanging the health endpoint. While one probe is
 * still stuck, no second one is started: the check answers DOWN at once.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final long PROBE_TIMEOUT_MILLIS = 2_000;

    @Resource(lookup = "java:app/jdbc/handoff")
    DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    private Future<String> pending;

    @Override
    public HealthCheckResponse call() {
        Future<String> probe;
        synchronized (this) {
            if (pending != null && !pending.isDone()) {
                return down("the previous probe is still waiting for the database");
            }
            pending = executor.submit(this::probe);
            probe = pending;
        }
        try {
            String product = probe.get(PROBE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            return HealthCheckResponse.named("database").up().withData("product", product).build();
        } catch (TimeoutException e) {
            return down("no answer within " + PROBE_TIMEOUT_MILLIS + " ms");
        } catch (ExecutionException e) {
            return down(e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        } catch (RuntimeException e) {
            return down(e.getClass().getSimpleName());
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

    private static HealthCheckResponse down(String error) {
        return HealthCheckResponse.named("database").down().withData("error", error).build();
    }
}
