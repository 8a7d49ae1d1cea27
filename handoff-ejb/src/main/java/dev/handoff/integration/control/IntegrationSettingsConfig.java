package dev.handoff.integration.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The integration settings from MicroProfile Config (docs/runbook.md): the secret key, the retry
 * policy, the worker's pace and claim length, the vendor time-out, when a failing connector alerts
 * and whom it mails, how long outbox rows are kept, the context panel's time-out and cache.
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
    @ConfigProperty(name = "handoff.integrations.alert-emails", defaultValue = " ")
    String alertEmails;

    @Inject
    @ConfigProperty(name = "handoff.integrations.alert-check-seconds", defaultValue = "60")
    long alertCheckSeconds;

    @Inject
    @ConfigProperty(name = "handoff.integrations.retention-days", defaultValue = "30")
    long retentionDays;

    @Inject
    @ConfigProperty(name = "handoff.integrations.context-timeout-seconds", defaultValue = "3")
    long contextTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "handoff.integrations.context-cache-seconds", defaultValue = "300")
    long contextCacheSeconds;

    @Inject
    @ConfigProperty(name = "handoff.public-url", defaultValue = "http://localhost:8080/")
    String publicUrl;

    @Inject
    Clock clock;

    private volatile VendorHttp http;
    private volatile VendorHttp contextHttp;

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

    /** Who gets the e-mail alerts besides admins whose user name is an e-mail address (comma-separated addresses). */
    public String alertEmails() {
        return alertEmails == null ? "" : alertEmails.strip();
    }

    /** How often failing connectors are checked for an e-mail alert. */
    public Duration alertCheck() {
        return Duration.ofSeconds(Math.max(1, alertCheckSeconds));
    }

    /** How long delivered outbox rows and delivery attempts are kept (dead rows stay until replayed or discarded). */
    public Duration retention() {
        return Duration.ofDays(Math.max(1, retentionDays));
    }

    /** How long the customer records read for the context panel stay fresh. */
    public Duration contextCache() {
        return Duration.ofSeconds(Math.max(0, contextCacheSeconds));
    }

    /** HTTP for the context panel's reads: a short time-out, so a slow vendor shows "unavailable" soon. */
    public VendorHttp contextHttp() {
        VendorHttp h = contextHttp;
        if (h == null) {
            Duration t = Duration.ofSeconds(Math.max(1, contextTimeoutSeconds));
            h = new VendorHttp(t, t, clock);
            contextHttp = h;
        }
        return h;
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
