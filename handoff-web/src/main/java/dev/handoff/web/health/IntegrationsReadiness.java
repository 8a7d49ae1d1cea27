package dev.handoff.web.health;

import dev.handoff.integration.boundary.IntegrationHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The integrations in the readiness details: always UP (a vendor that is down must not take Handoff
 * out of the load balancer; the outbox keeps what it owes), with the connectors that have been
 * failing longer than {@code handoff.integrations.alert-after-seconds}, the undelivered and the dead
 * rows. Read at most every 10 s, so probes never load the database.
 */
@Readiness
@ApplicationScoped
public class IntegrationsReadiness implements HealthCheck {

    private static final Duration CACHE = Duration.ofSeconds(10);

    @Inject
    IntegrationHealth health;

    @Inject
    DatabaseWatch database;

    @Inject
    Clock clock;

    private volatile Instant readAt = Instant.EPOCH;
    private volatile HealthCheckResponse last;

    @Override
    public HealthCheckResponse call() {
        Instant now = clock.instant();
        HealthCheckResponse cached = last;
        if (cached != null && readAt.plus(CACHE).isAfter(now)) {
            return cached;
        }
        HealthCheckResponseBuilder b = HealthCheckResponse.named("integrations").up();
        if (!database.isAvailable()) {
            return b.withData("failing", "unknown while the database is unavailable").build();
        }
        try {
            List<IntegrationHealth.ConnectorHealth> all = health.all();
            String failing = all.stream().filter(IntegrationHealth.ConnectorHealth::alerting)
                    .map(h -> h.name() + " since " + h.failingSince() + ": " + h.lastError()).collect(Collectors.joining("; "));
            b.withData("connectors", all.stream().filter(IntegrationHealth.ConnectorHealth::enabled).count())
                    .withData("failing", failing.isEmpty() ? "none" : failing)
                    .withData("undelivered", all.stream().mapToLong(IntegrationHealth.ConnectorHealth::undelivered).sum())
                    .withData("dead", all.stream().mapToLong(IntegrationHealth.ConnectorHealth::dead).sum());
        } catch (RuntimeException e) {
            b.withData("failing", "unknown (" + e.getClass().getSimpleName() + ")");
        }
        HealthCheckResponse r = b.build();
        last = r;
        readAt = now;
        return r;
    }
}
