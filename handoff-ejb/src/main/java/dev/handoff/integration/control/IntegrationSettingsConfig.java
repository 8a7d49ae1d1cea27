package dev.handoff.integration.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The integration settings from MicroProfile Config (docs/runbook.md): the secret key, the retry
 * policy, the worker's pace and claim length, the vendor time-out, when a failing connector alerts.
 */
@ApplicationScoped
public class IntegrationSettingsConfig {

    @Inject
    @ConfigProperty(name = "handoff.integrations.secret-key", defaultValue = " ")
    String secretKey;

    @Inject
    @ConfigProperty(name = "handoff.integrations.max-attempts", defaultValue = "10")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "handoff.integrations.backoff-base-millis", defaultValue = "2000")
    long backoffBaseMillis;

    @Inject
    @ConfigProperty(name = "handoff.integrations.backoff-max-seconds", defaultValue = "3600")
    long backoffMaxSeconds;

    @Inject
    @ConfigProperty(name = "handoff.integrations.poll-millis", defaultValue = "1000")
    long pollMillis;

    @Inject
    @ConfigProperty(name = "handoff.integrations.claim-seconds", defaultValue = "60")
    long claimSeconds;

    @Inject
    @ConfigProperty(name = "handoff.integrations.timeout-seconds", defaultValue = "10")
    long timeoutSeconds;

    @Inject
    @ConfigProperty(name = "handoff.integrations.alert-after-seconds", defaultValue = "600")
    long alertAfterSeconds;

    @Inject
    @ConfigProperty(name = "handoff.public-url", defaultValue = "http://localhost:8080/")
    String publicUrl;

    @Inject
    Clock clock;

    private volatile VendorHttp http;

    public SecretBox secretBox() {
        return SecretBox.of(secretKey);
    }

    public boolean hasSecretKey() {
        try {
            SecretBox.of(secretKey);
            return true;
        } catch (SecretBox.KeyProblem e) {
            return false;
        }
    }

    public RetryPolicy retryPolicy() {
        Duration base = Duration.ofMillis(Math.max(10, backoffBaseMillis));
        Duration max = Duration.ofSeconds(Math.max(1, backoffMaxSeconds));
        return new RetryPolicy(Math.max(1, maxAttempts), base, max.compareTo(base) < 0 ? base : max);
    }

    public long pollMillis() {
        return Math.max(100, pollMillis);
    }

    /** How long a worker's claim on a row lasts: always longer than a vendor call may take, so a slow call is never sent twice. */
    public Duration claim() {
        return Duration.ofSeconds(Math.max(claimSeconds, timeout().toSeconds() + 5));
    }

    public Duration timeout() {
        return Duration.ofSeconds(Math.max(1, timeoutSeconds));
    }

    public Duration alertAfter() {
        return Duration.ofSeconds(Math.max(0, alertAfterSeconds));
    }

    public String publicUrl() {
        String u = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080/" : publicUrl.strip();
        return u.endsWith("/") ? u : u + "/";
    }

    public VendorHttp http() {
        VendorHttp h = http;
        if (h == null) {
            h = new VendorHttp(Duration.ofSeconds(Math.min(5, timeout().toSeconds())), timeout(), clock);
            http = h;
        }
        return h;
    }
}
