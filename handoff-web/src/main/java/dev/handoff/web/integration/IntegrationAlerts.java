package dev.handoff.web.integration;

import dev.handoff.integration.boundary.IntegrationHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code #{integrationAlerts}}: the banner on admin and supervisor pages when a connector has been
 * failing longer than {@code handoff.integrations.alert-after-seconds}. Read at most every 15 s
 * for everyone, so rendering pages does not add queries.
 */
@Named
@ApplicationScoped
public class IntegrationAlerts {

    private static final Duration CACHE = Duration.ofSeconds(15);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Inject
    IntegrationHealth health;

    @Inject
    Clock clock;

    private volatile Instant readAt = Instant.EPOCH;
    private volatile List<String> lines = List.of();

    /** One line per failing connector ("Zendesk has been failing since 10:02 UTC: HTTP 503"). */
    public List<String> getLines() {
        Instant now = clock.instant();
        if (readAt.plus(CACHE).isBefore(now)) {
            try {
                lines = health.alerts().stream()
                        .map(h -> h.name() + " has been failing since " + TIME.format(h.failingSince()) + (h.lastError() == null ? "" : ": " + h.lastError())
                                + (h.undelivered() > 0 ? " (" + h.undelivered() + " waiting)" : ""))
                        .toList();
            } catch (RuntimeException e) {
                lines = List.of();
            }
            readAt = now;
        }
        return lines;
    }

    /** Forgets the cached reading (after a replay or a settings change). */
    public void reset() {
        readAt = Instant.EPOCH;
    }
}
