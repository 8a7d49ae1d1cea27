package dev.handoff.integration.boundary;

import dev.handoff.integration.control.HandoffText;
import dev.handoff.integration.control.HubSpotDriver;
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
 * banner in the portal, the readiness details, an e-mail); and the data completeness of the last
 * day and week.
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

    /**
     * How complete a connector's data was over the last day and week: tickets made (and how many of
     * them without a transcript), resolutions not written back because the CRM had no contact for
     * the customer, rows that ran out of attempts or were refused (dead-lettered).
     */
    public record Completeness(long id, String name, String kind, long ticketsDay, long ticketsWeek, long noTranscriptDay, long noTranscriptWeek,
            long contactsNotFoundDay, long contactsNotFoundWeek, long deadDay, long deadWeek) {

        public boolean isHelpdesk() {
            return "zendesk".equals(kind) || "freshdesk".equals(kind);
        }

        public boolean isCrm() {
            return "hubspot".equals(kind);
        }
    }

    public List<Completeness> completeness() {
        Instant now = clock.instant();
        Instant day = now.minus(Duration.ofDays(1));
        Instant week = now.minus(Duration.ofDays(7));
        List<Completeness> out = new ArrayList<>();
        for (Connector c : em.createNamedQuery(Connector.FIND_ALL, Connector.class).getResultList()) {
            out.add(new Completeness(c.getId(), c.getName(), c.getKind().name().toLowerCase(),
                    links(c.getId(), day, false), links(c.getId(), week, false), links(c.getId(), day, true), links(c.getId(), week, true),
                    notFound(c.getId(), day), notFound(c.getId(), week), deadSince(c.getId(), day), deadSince(c.getId(), week)));
        }
        return out;
    }

    private long links(long connectorId, Instant since, boolean withoutTranscript) {
        var query = em.createQuery("SELECT COUNT(l) FROM ExternalLink l WHERE l.connectorId = :c AND l.createdAt >= :since"
                        + (withoutTranscript ? " AND l.extra = :none" : ""), Long.class)
                .setParameter("c", connectorId)
                .setParameter("since", since);
        return (withoutTranscript ? query.setParameter("none", HandoffText.NO_TRANSCRIPT) : query).getSingleResult();
    }

    private long notFound(long connectorId, Instant since) {
        return em.createQuery("SELECT COUNT(o) FROM OutboxEntry o WHERE o.connectorId = :c AND o.status = :s AND o.deliveredAt >= :since"
                        + " AND o.lastError LIKE :why", Long.class)
                .setParameter("c", connectorId)
                .setParameter("s", OutboxStatus.DELIVERED)
                .setParameter("since", since)
                .setParameter("why", "skipped: " + HubSpotDriver.NO_CONTACT + "%")
                .getSingleResult();
    }

    /** Rows dead since: a dead row's next attempt time is when it died. */
    private long deadSince(long connectorId, Instant since) {
        return em.createQuery("SELECT COUNT(o) FROM OutboxEntry o WHERE o.connectorId = :c AND o.status = :s AND o.nextAttemptAt >= :since", Long.class)
                .setParameter("c", connectorId)
                .setParameter("s", OutboxStatus.DEAD)
                .setParameter("since", since)
                .getSingleResult();
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
