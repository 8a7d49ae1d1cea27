package dev.handoff.access.boundary;

import dev.handoff.access.control.KeyMaterial;
import dev.handoff.access.entity.IdempotentRequest;
import dev.handoff.platform.cluster.ClusterDuties;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Remembers POSTs made with an {@code Idempotency-Key} (ADR 0014): the first claims the key before
 * it runs, and its answer is kept for retries until the key expires. Each step is a short
 * transaction of its own, so a claim is visible to a concurrent retry at once.
 */
@Stateless
public class IdempotencyService {

    /** A claim on a key: run the request (FRESH), replay the kept answer, or refuse. */
    public record Claim(Outcome outcome, Long requestId, int status, String location, String body) {

        static Claim of(Outcome outcome) {
            return new Claim(outcome, null, 0, null, null);
        }
    }

    public enum Outcome { FRESH, REPLAY, IN_PROGRESS, MISMATCH }

    /** How long a first attempt may go unanswered before a retry takes it over (it died with the server). */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    @jakarta.ejb.EJB
    ClusterDuties duties;

    @Inject
    @ConfigProperty(name = "handoff.api.idempotency-hours", defaultValue = "24")
    int hours;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Claim claim(long apiKeyId, String key, String requestHash) {
        Instant now = clock.instant();
        String keyHash = KeyMaterial.hash(apiKeyId + "\n" + key);
        Optional<IdempotentRequest> found = em.createNamedQuery(IdempotentRequest.FIND_BY_KEY, IdempotentRequest.class)
                .setParameter("keyHash", keyHash)
                .getResultStream()
                .findFirst();
        if (found.isPresent() && found.get().isExpired(now)) {
            em.remove(found.get());
            em.flush();
            found = Optional.empty();
        }
        if (found.isPresent()) {
            IdempotentRequest earlier = found.get();
            if (!earlier.getRequestHash().equals(requestHash)) {
                return Claim.of(Outcome.MISMATCH);
            }
            if (earlier.isAnswered()) {
                return new Claim(Outcome.REPLAY, earlier.getId(), earlier.getStatus(), earlier.getLocation(), earlier.getResponseBody());
            }
            if (earlier.getCreatedAt().plus(ABANDONED_AFTER).isAfter(now)) {
                return Claim.of(Outcome.IN_PROGRESS);
            }
            earlier.restart(now);
            return new Claim(Outcome.FRESH, earlier.getId(), 0, null, null);
        }
        IdempotentRequest created = new IdempotentRequest(keyHash, apiKeyId, requestHash, now, now.plus(Duration.ofHours(hours)));
        try {
            em.persist(created);
            em.flush();
        } catch (PersistenceException e) {
            // A concurrent request with the same key claimed it first.
            session.setRollbackOnly();
            return Claim.of(Outcome.IN_PROGRESS);
        }
        return new Claim(Outcome.FRESH, created.getId(), 0, null, null);
    }

    /** Keeps the answer of a claimed request for its retries. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void answer(long requestId, int status, String location, String body) {
        IdempotentRequest request = em.find(IdempotentRequest.class, requestId);
        if (request != null) {
            request.answer(status, location, body);
        }
    }

    /** Forgets a claimed request that failed, so a retry runs it again. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void release(long requestId) {
        IdempotentRequest request = em.find(IdempotentRequest.class, requestId);
        if (request != null) {
            em.remove(request);
        }
    }

    /** Drops expired keys every ten minutes. */
    @Schedule(hour = "*", minute = "*/10", persistent = false)
    public void purge() {
        if (!duties.mayRun("idempotency-purge")) {
            return;
        }
        em.createNamedQuery(IdempotentRequest.PURGE).setParameter("now", clock.instant()).executeUpdate();
    }
}
