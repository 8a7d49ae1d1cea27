package dev.handoff.metrics.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The targets the dashboards compare against (docs/runbook.md). */
@ApplicationScoped
public class MetricsSettings {

    @Inject
    @ConfigProperty(name = "handoff.metrics.handoff-rate-low", defaultValue = "0.15")
    double handoffRateLow;

    @Inject
    @ConfigProperty(name = "handoff.metrics.handoff-rate-high", defaultValue = "0.25")
    double handoffRateHigh;

    @Inject
    @ConfigProperty(name = "handoff.metrics.training-share", defaultValue = "0.30")
    double trainingShare;

    @Inject
    @ConfigProperty(name = "handoff.metrics.time-to-agent-target-seconds", defaultValue = "120")
    long ttaTargetSeconds;

    public double handoffRateLow() {
        return handoffRateLow;
    }

    public double handoffRateHigh() {
        return handoffRateHigh;
    }

    public double trainingShare() {
        return trainingShare;
    }

    public long ttaTargetSeconds() {
        return ttaTargetSeconds;
    }
}
