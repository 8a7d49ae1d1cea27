package dev.handoff.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the JVM has headroom; a restart does not fix a database outage, so that is readiness only. */
@Liveness
@ApplicationScoped
public class ApplicationLiveness implements HealthCheck {

    static final double MAX_HEAP_USE = 0.95;

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        double share = (double) used / runtime.maxMemory();
        return HealthCheckResponse.named("heap")
                .status(share < MAX_HEAP_USE)
                .withData("usedBytes", used)
                .withData("maxBytes", runtime.maxMemory())
                .build();
    }
}
