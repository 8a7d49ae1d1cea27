package dev.handoff.integration.boundary;

import dev.handoff.integration.control.Driver;
import dev.handoff.integration.entity.Connector;
import dev.handoff.integration.entity.OutboxEntry;
import dev.handoff.platform.events.DomainEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The outbox's writing half: for every {@link DomainEvent}, one {@code integration_outbox} row per
 * enabled connector that wants the event, persisted in the transaction that fired it
 * ({@code IN_PROGRESS}). So a row exists exactly when its change committed: a crash after the
 * commit loses nothing (the worker finds the row after the restart), a rollback sends nothing.
 * The rows of one event share an event id, which is the idempotency key vendors see. Reads the
 * connectors without flushing the caller's pending changes (the message path avoids early flushes).
 */
@ApplicationScoped
public class OutboxWriter {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext
    EntityManager em;

    void write(@Observes(during = TransactionPhase.IN_PROGRESS) DomainEvent event) {
        List<Connector> connectors = em.createNamedQuery(Connector.FIND_ENABLED, Connector.class)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
        if (connectors.isEmpty()) {
            return;
        }
        String payload = null;
        String eventId = UUID.randomUUID().toString();
        for (Connector c : connectors) {
            if (!Driver.wants(c.getKind(), event.type(), settings(c))) {
                continue;
            }
            if (payload == null) {
                payload = payload(event);
            }
            em.persist(new OutboxEntry(c.getId(), eventId, event.type(), event.conversationId(), payload, event.at()));
        }
    }

    static String payload(DomainEvent event) {
        String json = JSON.toJson(event);
        if (json.length() > OutboxEntry.MAX_PAYLOAD) {
            json = JSON.toJson(Map.of("conversationId", event.conversationId(), "truncated", true));
        }
        return json;
    }

    static JsonObject settings(Connector c) {
        try {
            return Json.createReader(new StringReader(c.getSettings())).readObject();
        } catch (RuntimeException e) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
    }
}
