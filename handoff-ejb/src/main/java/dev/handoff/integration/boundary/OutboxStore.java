package dev.handoff.integration.boundary;

import dev.handoff.integration.control.Outcome;
import dev.handoff.integration.control.RetryPolicy;
import dev.handoff.integration.entity.DeliveryAttempt;
import dev.handoff.integration.entity.ExternalLink;
import dev.handoff.integration.entity.OutboxEntry;
import dev.handoff.integration.entity.OutboxStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox's state changes, each in its own short transaction. Claiming is a conditional update
 * ({@code … WHERE id = ? AND (status = PENDING and due, or SENDING with a lapsed claim)}): of two
 * workers, on one server or two, exactly one changes the row, so no row is sent by two workers at
 * once. Outcomes are written only by the worker that holds the claim. A row waits while an earlier
 * row of the same connector and conversation is undelivered, so a ticket is created before it is
 * resolved and a Slack message posted before it is updated. The connector's health columns are
 * written with native statements, so they never bump its version (an admin editing its settings
 * while it delivers does not get an edit conflict), and in transactions apart from the rows' outcomes.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxStore {

    static final String DUE = "((o.status = dev.handoff.integration.entity.OutboxStatus.PENDING AND o.nextAttemptAt <= :now)"
            + " OR (o.status = dev.handoff.integration.entity.OutboxStatus.SENDING AND o.claimedUntil < :now))";

    @PersistenceContext
    EntityManager em;

    /** Enabled connectors that have rows due now (a disabled connector's rows wait until it is enabled again). */
    public List<Long> connectorsWithDueRows(Instant now) {
        return em.createQuery("SELECT DISTINCT o.connectorId FROM OutboxEntry o, Connector c WHERE c.id = o.connectorId AND c.enabled = true AND "
                        + DUE, Long.class)
                .setParameter("now", now)
                .getResultList();
    }

    /** Due rows of a connector, oldest first, leaving out rows behind an undelivered earlier row of their conversation. */
    public List<Long> claimable(long connectorId, Instant now, int max) {
        return em.createQuery("SELECT o.id FROM OutboxEntry o WHERE o.connectorId = :c AND " + DUE
                        + " AND NOT EXISTS (SELECT p.id FROM OutboxEntry p WHERE p.connectorId = o.connectorId"
                        + " AND p.conversationId = o.conversationId AND p.id < o.id"
                        + " AND p.status IN (dev.handoff.integration.entity.OutboxStatus.PENDING, dev.handoff.integration.entity.OutboxStatus.SENDING))"
                        + " ORDER BY o.id", Long.class)
                .setParameter("c", connectorId)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
    }

    /** Takes the row for {@code worker} until {@code until} and counts the attempt; false when another worker has it or it is not due. */
    public boolean claim(long id, String worker, Instant now, Instant until) {
        return em.createQuery("UPDATE OutboxEntry o SET o.status = dev.handoff.integration.entity.OutboxStatus.SENDING, o.claimedBy = :w,"
                        + " o.claimedUntil = :until, o.attempts = o.attempts + 1 WHERE o.id = :id AND " + DUE)
                .setParameter("w", worker)
                .setParameter("until", until)
                .setParameter("id", id)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<OutboxEntry> find(long id) {
        return Optional.ofNullable(em.find(OutboxEntry.class, id));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Outcome.Link> link(long connectorId, String conversationId) {
        if (conversationId == null) {
            return Optional.empty();
        }
        ExternalLink l = em.find(ExternalLink.class, new ExternalLink.Key(connectorId, conversationId));
        return l == null ? Optional.empty() : Optional.of(new Outcome.Link(l.getExternalId(), l.getExternalUrl(), l.getExtra()));
    }

    /**
     * The row was delivered (or had nothing to send): done, its link kept, the attempt recorded.
     * False when this worker no longer held the claim.
     */
    public boolean delivered(OutboxEntry row, String worker, Outcome outcome, Instant now, long latencyMs) {
        int changed = em.createQuery("UPDATE OutboxEntry o SET o.status = dev.handoff.integration.entity.OutboxStatus.DELIVERED,"
                        + " o.deliveredAt = :now, o.lastStatus = :s, o.lastError = :e, o.claimedBy = NULL, o.claimedUntil = NULL"
                        + " WHERE o.id = :id AND o.status = dev.handoff.integration.entity.OutboxStatus.SENDING AND o.claimedBy = :w")
                .setParameter("now", now)
                .setParameter("s", outcome.status())
                .setParameter("e", outcome.kind() == Outcome.Kind.SKIPPED ? clip("skipped: " + outcome.error(), 500) : null)
                .setParameter("id", row.getId())
                .setParameter("w", worker)
                .executeUpdate();
        if (outcome.link() != null && row.getConversationId() != null
                && em.find(ExternalLink.class, new ExternalLink.Key(row.getConnectorId(), row.getConversationId())) == null) {
            Outcome.Link l = outcome.link();
            em.persist(new ExternalLink(row.getConnectorId(), row.getConversationId(), clip(l.externalId(), 100), clip(l.url(), 500),
                    clip(l.extra(), 200), now));
        }
        if (outcome.kind() == Outcome.Kind.DELIVERED) {
            em.persist(new DeliveryAttempt(row.getConnectorId(), row.getId(), now, true, outcome.status(), latencyMs, null));
        }
        return changed == 1;
    }

    /** The attempt failed: back to PENDING for {@code next}, or DEAD; the attempt recorded. */
    public boolean failed(OutboxEntry row, String worker, Outcome outcome, RetryPolicy.Next next, Instant now, long latencyMs) {
        boolean dead = next instanceof RetryPolicy.Dead;
        String error = dead ? ((RetryPolicy.Dead) next).why() : outcome.describe();
        int changed = em.createQuery("UPDATE OutboxEntry o SET o.status = :status, o.nextAttemptAt = :next, o.lastStatus = :s, o.lastError = :e,"
                        + " o.claimedBy = NULL, o.claimedUntil = NULL"
                        + " WHERE o.id = :id AND o.status = dev.handoff.integration.entity.OutboxStatus.SENDING AND o.claimedBy = :w")
                .setParameter("status", dead ? OutboxStatus.DEAD : OutboxStatus.PENDING)
                .setParameter("next", dead ? now : ((RetryPolicy.Retry) next).at())
                .setParameter("s", outcome.status())
                .setParameter("e", clip(error, 500))
                .setParameter("id", row.getId())
                .setParameter("w", worker)
                .executeUpdate();
        em.persist(new DeliveryAttempt(row.getConnectorId(), row.getId(), now, false, outcome.status(), latencyMs, outcome.describe()));
        return changed == 1;
    }

    /**
     * The connector delivered: its health columns say so. A transaction of its own, after the row's
     * outcome committed: every escalation's outbox insert holds a shared lock on the connector row
     * (the foreign key) until it commits, so this exclusive write waits for them, and it must not
     * hold the row's outcome hostage (in one transaction with it, MariaDB chose the outcome as a
     * deadlock victim, and a delivered row was sent again after its claim lapsed).
     */
    public void connectorSucceeded(long connectorId, Instant now) {
        em.createNativeQuery("UPDATE integration_connector SET last_success_at = ?, failing_since = NULL, last_error = NULL WHERE id = ?")
                .setParameter(1, utc(now))
                .setParameter(2, connectorId)
                .executeUpdate();
    }

    /** The connector failed: since when (kept from the first failure) and the last error. Apart from the outcome, as above. */
    public void connectorFailing(long connectorId, Instant now, String error) {
        em.createNativeQuery("UPDATE integration_connector SET failing_since = COALESCE(failing_since, ?), last_error = ? WHERE id = ?")
                .setParameter(1, utc(now))
                .setParameter(2, clip(error, 500))
                .setParameter(3, connectorId)
                .executeUpdate();
    }

    /** A dead (or any undelivered) row goes back to the queue at once, with a fresh count of attempts. */
    public boolean replay(long id, Instant now) {
        return em.createQuery("UPDATE OutboxEntry o SET o.status = dev.handoff.integration.entity.OutboxStatus.PENDING, o.attempts = 0,"
                        + " o.nextAttemptAt = :now, o.claimedBy = NULL, o.claimedUntil = NULL"
                        + " WHERE o.id = :id AND o.status IN (dev.handoff.integration.entity.OutboxStatus.DEAD, dev.handoff.integration.entity.OutboxStatus.PENDING)")
                .setParameter("now", now)
                .setParameter("id", id)
                .executeUpdate() == 1;
    }

    /** Every dead row of a connector back to the queue; how many. */
    public int replayDead(long connectorId, Instant now) {
        return em.createQuery("UPDATE OutboxEntry o SET o.status = dev.handoff.integration.entity.OutboxStatus.PENDING, o.attempts = 0,"
                        + " o.nextAttemptAt = :now WHERE o.connectorId = :c AND o.status = dev.handoff.integration.entity.OutboxStatus.DEAD")
                .setParameter("now", now)
                .setParameter("c", connectorId)
                .executeUpdate();
    }

    /** Deletes up to {@code batch} delivered rows delivered before {@code cutoff}, oldest first; how many. */
    public int purgeDelivered(Instant cutoff, int batch) {
        List<Long> ids = em.createQuery("SELECT o.id FROM OutboxEntry o WHERE o.status = dev.handoff.integration.entity.OutboxStatus.DELIVERED"
                        + " AND o.deliveredAt < :cutoff ORDER BY o.id", Long.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(batch)
                .getResultList();
        return ids.isEmpty() ? 0 : em.createQuery("DELETE FROM OutboxEntry o WHERE o.id IN :ids"
                        + " AND o.status = dev.handoff.integration.entity.OutboxStatus.DELIVERED")
                .setParameter("ids", ids)
                .executeUpdate();
    }

    /** Deletes up to {@code batch} delivery attempts made before {@code cutoff}; how many. */
    public int purgeAttempts(Instant cutoff, int batch) {
        List<Long> ids = em.createQuery("SELECT a.id FROM DeliveryAttempt a WHERE a.attemptedAt < :cutoff ORDER BY a.id", Long.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(batch)
                .getResultList();
        return ids.isEmpty() ? 0 : em.createQuery("DELETE FROM DeliveryAttempt a WHERE a.id IN :ids").setParameter("ids", ids).executeUpdate();
    }

    /** An admin gives up on a dead row: it is deleted with its attempts. False when it is not dead (any more). */
    public boolean discard(long id) {
        int gone = em.createQuery("DELETE FROM OutboxEntry o WHERE o.id = :id AND o.status = dev.handoff.integration.entity.OutboxStatus.DEAD")
                .setParameter("id", id)
                .executeUpdate();
        if (gone == 1) {
            em.createQuery("DELETE FROM DeliveryAttempt a WHERE a.outboxId = :id").setParameter("id", id).executeUpdate();
        }
        return gone == 1;
    }

    /** Forgets the connector's e-mail alert (it was switched off while alerted). */
    public void forgetAlert(long connectorId) {
        em.createNativeQuery("UPDATE integration_connector SET alerted_at = NULL WHERE id = ?")
                .setParameter(1, connectorId)
                .executeUpdate();
    }

    /**
     * Moves the connector's alert mark from {@code expected} to {@code next} (either may be null)
     * if no one else moved it: of two servers about to send the same alert mail, one gets true.
     * Instants are to the microsecond, as the column holds them.
     */
    public boolean swapAlert(long connectorId, Instant expected, Instant next) {
        var update = em.createNativeQuery("UPDATE integration_connector SET alerted_at = ? WHERE id = ? AND "
                        + (expected == null ? "alerted_at IS NULL" : "alerted_at = ?"))
                .setParameter(1, next == null ? null : utc(next))
                .setParameter(2, connectorId);
        if (expected != null) {
            update.setParameter(3, utc(expected));
        }
        return update.executeUpdate() == 1;
    }

    /** An instant as the UTC DATETIME(6) the columns hold (native queries bypass the converter). */
    static java.time.LocalDateTime utc(Instant at) {
        return java.time.LocalDateTime.ofInstant(at, java.time.ZoneOffset.UTC);
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
