package dev.handoff.integration.boundary;

import dev.handoff.conversation.boundary.ConversationChanged;
import dev.handoff.conversation.entity.ChatNote;
import dev.handoff.integration.control.ConnectorConfig;
import dev.handoff.integration.control.SecretBox;
import dev.handoff.integration.control.Signatures;
import dev.handoff.integration.control.ZendeskDriver;
import dev.handoff.integration.entity.ConnectorKind;
import dev.handoff.platform.NotFoundException;
import dev.handoff.conversation.entity.Conversation;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Ticket updates from Zendesk (a Zendesk webhook, fired by a trigger on ticket updates), signed
 * {@code base64(HMAC-SHA256(secret, timestamp + body))}: unsigned, tampered or stale (over 5
 * minutes) requests are refused with 401 and change nothing. A genuine update of a ticket Handoff
 * made shows on its conversation as an internal note ("Zendesk ticket #35436 is now solved: ...").
 * The body is the JSON the trigger sends: {@code {"ticket_id", "status", "comment", "updated_by"}}.
 */
@Stateless
public class ZendeskInbound {

    private static final Logger LOG = Logger.getLogger(ZendeskInbound.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    IntegrationSettings settings;

    @Inject
    Event<ConversationChanged> changed;

    @Inject
    Clock clock;

    public InboundAnswer receive(long connectorId, String timestamp, String signature, byte[] body) {
        ConnectorConfig connector;
        try {
            connector = settings.config(connectorId);
        } catch (NotFoundException e) {
            return new InboundAnswer(404, "no such connector");
        } catch (SecretBox.KeyProblem e) {
            return new InboundAnswer(503, "the connector's secrets cannot be opened");
        } catch (EJBException e) {
            if (e.getCause() instanceof NotFoundException) {
                return new InboundAnswer(404, "no such connector");
            }
            throw e;
        }
        if (connector.kind() != ConnectorKind.ZENDESK) {
            return new InboundAnswer(404, "no such connector");
        }
        String refused = Signatures.checkZendesk(connector.secret(ZendeskDriver.WEBHOOK_SECRET), timestamp, signature, body, clock.instant());
        if (refused != null) {
            LOG.info(() -> "Zendesk webhook to connector " + connectorId + " refused: " + refused);
            return InboundAnswer.unauthorized();
        }
        JsonObject update;
        try {
            update = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readObject();
        } catch (RuntimeException e) {
            return new InboundAnswer(400, "the body is not a JSON object");
        }
        String ticket = text(update.get("ticket_id"));
        if (ticket == null) {
            return new InboundAnswer(400, "ticket_id is missing");
        }
        Optional<String> conversationId = settings.conversationOf(connectorId, ticket);
        if (conversationId.isEmpty()) {
            return InboundAnswer.ok("not a Handoff ticket");
        }
        Conversation conversation = em.find(Conversation.class, conversationId.get());
        if (conversation == null) {
            return InboundAnswer.ok("conversation gone");
        }
        String status = text(update.get("status"));
        String comment = text(update.get("comment"));
        String by = text(update.get("updated_by"));
        StringBuilder note = new StringBuilder("Zendesk ticket #").append(ticket);
        note.append(status == null ? " was updated" : " is now " + status);
        if (by != null) {
            note.append(" (by ").append(by).append(')');
        }
        if (comment != null && !comment.isBlank()) {
            note.append(": ").append(comment.strip());
        }
        String text = note.length() > ChatNote.MAX_TEXT ? note.substring(0, ChatNote.MAX_TEXT - 1) + "…" : note.toString();
        em.persist(new ChatNote(conversation.getId(), ChatNote.Kind.NOTE, "zendesk", "Zendesk", text, clock.instant()));
        em.flush();
        changed.fire(new ConversationChanged(conversation.getId(), conversation.getState(),
                conversation.getAssignedAgent() == null ? null : conversation.getAssignedAgent().getUsername()));
        return InboundAnswer.ok("noted");
    }

    private static String text(JsonValue v) {
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof jakarta.json.JsonString s) {
            return s.getString().isBlank() ? null : s.getString();
        }
        return v.toString();
    }
}
