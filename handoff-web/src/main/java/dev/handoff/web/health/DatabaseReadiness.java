package dev.handoff.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the database answers: a load balancer stops sending traffic when it is gone.
 * It reports {@link DatabaseWatch}'s latest probe, so the check itself never waits for the database.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    DatabaseWatch watch;

    @Override
    public HealthCheckResponse call() {
        if (watch.isAvailable()) {
            return HealthCheckResponse.named("database").up().withData("product", watch.product()).build();
        }
        return HealthCheckResponse.named("database").down().withData("error", watch.problem()).build();
    }
}
