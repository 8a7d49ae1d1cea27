package dev.handoff.routing.boundary;

import dev.handoff.platform.events.RoutingRequested;
import dev.handoff.routing.control.RoutingRequest;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code routing_request} table (V26, ADR 0044): a server without the routing engine writes a row
 * per routing change in the caller's transaction, and nudges the engine's server once that
 * transaction has committed; the engine's server reads them in order and deletes those it applied.
 */
@Dependent
public class RoutingRequests {

    static final String INSERT = "INSERT INTO routing_request (kind, handoff_id, agent_id, created_at) VALUES (?1, ?2, ?3, ?4)";
    static final String NEXT = "SELECT id, kind, handoff_id, agent_id FROM routing_request ORDER BY id";
    static final String DELETE = "DELETE FROM routing_request WHERE id = ?1";
    static final String COUNT = "SELECT COUNT(*) FROM routing_request";
    private static final Object NUDGE = RoutingRequests.class.getName() + ".nudge";

    @PersistenceContext
    EntityManager em;

    @Inject
    RoutingDesk desk;

    @Resource
    TransactionSynchronizationRegistry registry;

    @Inject
    Event<RoutingRequested> requested;

    /** Writes a request in the caller's transaction; the engine's server is nudged after it commits. */
    public void record(RoutingRequest.Kind kind, String handoffId, Long agentId, Instant at) {
        em.createNativeQuery(INSERT).setParameter(1, kind.name()).setParameter(2, handoffId).setParameter(3, agentId)
                .setParameter(4, Timestamp.from(at)).executeUpdate();
        desk.requestsRecorded(1);
        if (registry.getTransactionStatus() == Status.STATUS_ACTIVE && registry.getResource(NUDGE) == null) {
            registry.putResource(NUDGE, Boolean.TRUE);
            requested.fire(new RoutingRequested());
        }
    }

    /** The oldest {@code max} requests, in the order they were written. */
    public List<RoutingRequest> next(int max) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(NEXT).setMaxResults(max).getResultList();
        return rows.stream().map(r -> new RoutingRequest(((Number) r[0]).longValue(), RoutingRequest.Kind.valueOf(((String) r[1]).strip()),
                r[2] == null ? null : ((String) r[2]).strip(), r[3] == null ? null : ((Number) r[3]).longValue()))
                .collect(Collectors.toList());
    }

    /**
     * Deletes the requests applied, by id: never by range, because a request with a lower id may still
     * be in a transaction that has not committed (it is read at the next drain).
     */
    public int delete(List<RoutingRequest> applied) {
        int deleted = 0;
        for (RoutingRequest r : applied) {
            deleted += em.createNativeQuery(DELETE).setParameter(1, r.id()).executeUpdate();
        }
        return deleted;
    }

    /** Requests written and not yet applied, for {@code /ops/metrics}. */
    public long pending() {
        return ((Number) em.createNativeQuery(COUNT).getSingleResult()).longValue();
    }

    /** Lets the next drain of this server start once the caller's transaction has ended (committed or not). */
    public void releaseDrainAfterTransaction() {
        if (registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
            desk.drained();
            return;
        }
        RoutingDesk d = desk;
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing
            }

            @Override
            public void afterCompletion(int status) {
                d.drained();
            }
        });
    }
}
