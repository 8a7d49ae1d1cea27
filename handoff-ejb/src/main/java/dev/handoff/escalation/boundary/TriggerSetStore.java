package dev.handoff.escalation.boundary;

import dev.handoff.escalation.entity.TriggerSetStatus;
import dev.handoff.escalation.entity.TriggerSetVersion;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Queries over trigger-set versions; runs in the caller's transaction. */
@Dependent
public class TriggerSetStore {

    @PersistenceContext
    EntityManager em;

    public Optional<TriggerSetVersion> published() {
        return byStatus(TriggerSetStatus.PUBLISHED);
    }

    /** The published version's number, without its document. */
    public java.util.OptionalInt publishedNumber() {
        List<Integer> numbers = em.createNamedQuery(TriggerSetVersion.NUMBER_BY_STATUS, Integer.class)
                .setParameter("status", TriggerSetStatus.PUBLISHED).setMaxResults(1).getResultList();
        return numbers.isEmpty() || numbers.get(0) == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(numbers.get(0));
    }

    public Optional<TriggerSetVersion> draft() {
        return byStatus(TriggerSetStatus.DRAFT);
    }

    public Optional<TriggerSetVersion> byNumber(int versionNo) {
        return em.createNamedQuery(TriggerSetVersion.FIND_BY_NUMBER, TriggerSetVersion.class)
                .setParameter("versionNo", versionNo)
                .getResultStream()
                .findFirst();
    }

    public List<TriggerSetVersion> history() {
        return em.createNamedQuery(TriggerSetVersion.FIND_HISTORY, TriggerSetVersion.class).getResultList();
    }

    public int nextNumber() {
        Integer max = em.createNamedQuery(TriggerSetVersion.MAX_NUMBER, Integer.class).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    private Optional<TriggerSetVersion> byStatus(TriggerSetStatus status) {
        return em.createNamedQuery(TriggerSetVersion.FIND_BY_STATUS, TriggerSetVersion.class)
                .setParameter("status", status)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }
}
