package dev.handoff.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the bot API itself is up. The JAX-RS runtime configures this feature when it
 * starts the API application, after the start-up beans (schema, demo data) have run; until then
 * the health endpoint already answers, but {@code /api/v1} would still answer 404. Down again as
 * soon as the server is told to stop ({@link dev.handoff.web.rest.ApiGuard#isReady()}).
 */
@Readiness
@ApplicationScoped
public class ApiReadiness implements HealthCheck {

    private static volatile boolean started;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("api").status(started && dev.handoff.web.rest.ApiGuard.isReady()).build();
    }

    /** Marks the API started when the JAX-RS runtime builds it. */
    @Provider
    public static class StartedFeature implements Feature {

        @Override
        public boolean configure(FeatureContext context) {
            started = true;
            return true;
        }
    }
}
