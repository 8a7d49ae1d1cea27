package dev.handoff.platform;

import dev.handoff.platform.entity.JournalEntry;
import dev.handoff.platform.events.DomainEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Stores every {@link DomainEvent} in {@code domain_event}, in the transaction that fired it: an
 * event is in the journal exactly when its change committed. The payload is the event record as JSON.
 */
@ApplicationScoped
public class EventJournal {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext
    EntityManager em;

    void record(@Observes(during = TransactionPhase.IN_PROGRESS) DomainEvent event) {
        em.persist(entry(event));
    }

    /** The journal row for {@code event}; texts inside the payload are cut so that it fits its column. */
    static JournalEntry entry(DomainEvent event) {
        String payload = JSON.toJson(event);
        if (payload.length() > JournalEntry.MAX_PAYLOAD) {
            payload = JSON.toJson(java.util.Map.of("type", event.type(), "conversationId", event.conversationId(), "truncated", true));
        }
        return new JournalEntry(event.type(), event.conversationId(), event.agent(), event.at(), payload);
    }
}
