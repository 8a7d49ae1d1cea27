package dev.handoff.integration.boundary;

import dev.handoff.integration.control.IntegrationSettingsConfig;
import dev.handoff.integration.entity.Connector;
import dev.handoff.integration.entity.OutboxStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How each connector is doing: last success, the error rate and latency percentiles of the last
 * hour's attempts, what waits undelivered (and since when), the dead letters, and whether it has
 * been failing longer than {@code handoff.integrations.alert-after-seconds} (then it alerts: a
 * banner in the portal, the readiness details).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class IntegrationHealth {

    static final Duration WINDOW = Duration.ofHours(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    IntegrationSettingsConfig config;

    @Inject
    Clock clock;

    /** One connector's health. {@code errorRate} is 0..1 (null without attempts); latencies in ms (null without successes). */
    public record ConnectorHealth(long id, String name, String kind, boolean enabled, Instant lastSuccessAt, Instant failingSince,
            String lastError, long attempts, long failures, Double errorRate, Long p50Millis, Long p95Millis, long undelivered,
            Instant oldestUndelivered, long dead, boolean alerting) {

        public String state() {
            if (!enabled) {
                return "disabled";
            }
            if (alerting) {
                return "failing";
            }
            if (failingSince != null) {
                return "retrying";
            }
            return lastSuccessAt == null ? "idle" : "ok";
        }
    }

    public List<ConnectorHealth> all() {
        Instant now = clock.instant();
        List<ConnectorHealth> out = new ArrayList<>();
        for (Connector c : em.createNamedQuery(Connector.FIND_ALL, Connector.class).getResultList()) {
            out.add(of(c, now));
        }
        return out;
    }

    /** Connectors failing for longer than the alert threshold. */
    public List<ConnectorHealth> alerts() {
        return all().stream().filter(ConnectorHealth::alerting).toList();
    }

    ConnectorHealth of(Connector c, Instant now) {
        List<Object[]> attempts = em.createQuery("SELECT a.ok, a.latencyMs FROM DeliveryAttempt a WHERE a.connectorId = :c AND a.attemptedAt >= :since",
                        Object[].class)
                .setParameter("c", c.getId())
                .setParameter("since", now.minus(WINDOW))
                .setMaxResults(20_000)
                .getResultList();
        long failures = attempts.stream().filter(a -> !Boolean.TRUE.equals(a[0])).count();
        long[] ok = attempts.stream().filter(a -> Boolean.TRUE.equals(a[0])).mapToLong(a -> ((Number) a[1]).longValue()).sorted().toArray();
        Long undelivered = em.createQuery("SELECT COUNT(o) FROM OutboxEntry o WHERE o.connectorId = :c AND o.status IN :s", Long.class)
                .setParameter("c", c.getId())
                .setParameter("s", List.of(OutboxStatus.PENDING, OutboxStatus.SENDING))
                .getSingleResult();
        // the oldest row by id, not MIN(created_at): an aggregate would bypass the Instant converter
        Instant oldest = em.createQuery("SELECT o.createdAt FROM OutboxEntry o WHERE o.connectorId = :c AND o.status IN :s ORDER BY o.id", Instant.class)
                .setParameter("c", c.getId())
                .setParameter("s", List.of(OutboxStatus.PENDING, OutboxStatus.SENDING))
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(null);
        Long dead = em.createQuery("SELECT COUNT(o) FROM OutboxEntry o WHERE o.connectorId = :c AND o.status = :s", Long.class)
                .setParameter("c", c.getId())
                .setParameter("s", OutboxStatus.DEAD)
                .getSingleResult();
        boolean alerting = c.isEnabled() && c.getFailingSince() != null && !c.getFailingSince().plus(config.alertAfter()).isAfter(now);
        return new ConnectorHealth(c.getId(), c.getName(), c.getKind().name().toLowerCase(), c.isEnabled(), c.getLastSuccessAt(), c.getFailingSince(),
                c.getLastError(), attempts.size(), failures, attempts.isEmpty() ? null : failures / (double) attempts.size(),
                percentile(ok, 50), percentile(ok, 95), undelivered, oldest, dead, alerting);
    }

    /** The nearest-rank percentile of sorted values, or null when there are none. */
    static Long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    static long[] sorted(long... values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
