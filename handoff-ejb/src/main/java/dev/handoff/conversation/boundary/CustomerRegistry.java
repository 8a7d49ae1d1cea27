package dev.handoff.conversation.boundary;

import dev.handoff.conversation.entity.Customer;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;

/**
 * Registers a customer the first time the bot platform names them, in a transaction of its own, so
 * two chats starting at once for a new customer do not collide: the one that loses the race on the
 * unique external id finds the customer the other registered (ADR 0014).
 */
@Stateless
public class CustomerRegistry {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    /** True when this call registered the customer; false when someone else did (or does) at the same moment. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean register(String externalId) {
        try {
            em.persist(new Customer(externalId, clock.instant()));
            em.flush();
            return true;
        } catch (PersistenceException e) {
            session.setRollbackOnly();
            return false;
        }
    }
}
