package dev.handoff.integration.boundary;

import dev.handoff.desk.boundary.AgentDeskService;
import dev.handoff.conversation.boundary.ConversationService;
import dev.handoff.conversation.boundary.ConversationView;
import dev.handoff.integration.control.ConnectorConfig;
import dev.handoff.integration.control.Delivery;
import dev.handoff.integration.control.SecretBox;
import dev.handoff.integration.control.Signatures;
import dev.handoff.integration.control.SlackDriver;
import dev.handoff.integration.entity.ConnectorKind;
import dev.handoff.platform.ConflictException;
import dev.handoff.platform.ForbiddenException;
import dev.handoff.platform.NotFoundException;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Clicks on a Slack message's Claim button, as Slack's interactivity requests
 * ({@code application/x-www-form-urlencoded}, one field {@code payload} holding the JSON). The
 * request must carry a valid signature of the connector's signing secret over
 * {@code v0:timestamp:body}, at most 5 minutes old, or it is refused (401) and changes nothing. A
 * genuine click by a Slack member mapped to an agent accepts the handoff for that agent through
 * the desk's accept (its locks and capacity check); the message is then updated through the
 * outbox (the {@code handoff.accepted} event). Otherwise the clicking user is told why, privately.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SlackInteractions {

    private static final Logger LOG = Logger.getLogger(SlackInteractions.class.getName());

    @Inject
    IntegrationSettings settings;

    @Inject
    AgentDeskService desk;

    @Inject
    ConversationService conversations;

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
        if (connector.kind() != ConnectorKind.SLACK) {
            return new InboundAnswer(404, "no such connector");
        }
        String refused = Signatures.checkSlack(connector.secret(SlackDriver.SIGNING_SECRET), timestamp, signature, body, clock.instant());
        if (refused != null) {
            LOG.info(() -> "Slack request to connector " + connectorId + " refused: " + refused);
            return InboundAnswer.unauthorized();
        }
        JsonObject payload = payload(body);
        if (payload == null) {
            return new InboundAnswer(400, "no payload");
        }
        String conversationId = claimedConversation(payload);
        if (conversationId == null) {
            return InboundAnswer.ok("ignored"); // another action (the "Open in Handoff" link button) or another type
        }
        String user = payload.getJsonObject("user") == null ? null : payload.getJsonObject("user").getString("id", null);
        String responseUrl = payload.getString("response_url", null);
        Optional<String> agent = user == null ? Optional.empty() : settings.agentFor(connectorId, user);
        if (agent.isEmpty()) {
            tell(connectorId, conversationId, responseUrl, "Your Slack account is not linked to a Handoff agent yet: ask an admin to add your member ID ("
                    + (user == null ? "unknown" : user) + ") under Integration settings.");
            return InboundAnswer.ok("not linked");
        }
        try {
            desk.accept(conversationId, agent.get());
            return InboundAnswer.ok("claimed");
        } catch (ConflictException | ForbiddenException | NotFoundException e) {
            tell(connectorId, conversationId, responseUrl, whyNot(conversationId, agent.get(), e.getMessage()));
            return InboundAnswer.ok("not claimed");
        } catch (EJBException e) {
            if (e.getCause() instanceof RuntimeException r && (r instanceof ConflictException || r instanceof ForbiddenException || r instanceof NotFoundException)) {
                tell(connectorId, conversationId, responseUrl, whyNot(conversationId, agent.get(), r.getMessage()));
                return InboundAnswer.ok("not claimed");
            }
            throw e;
        }
    }

    private String whyNot(String conversationId, String username, String message) {
        try {
            ConversationView v = conversations.get(conversationId);
            if (v.assignedAgent() != null && !v.assignedAgent().equals(username)) {
                return (v.assignedAgentName() != null ? v.assignedAgentName() : v.assignedAgent()) + " already took this chat.";
            }
            if (v.assignedAgent() != null) {
                return "You already have this chat.";
            }
            if (!"queued".equals(v.state())) {
                return "This chat is no longer waiting.";
            }
        } catch (RuntimeException e) {
            // fall through to the desk's own words
        }
        return "You could not take this chat: " + message;
    }

    private void tell(long connectorId, String conversationId, String responseUrl, String text) {
        if (responseUrl == null) {
            return;
        }
        settings.enqueue(connectorId, Delivery.SLACK_RESPOND, null,
                Json.createObjectBuilder().add("responseUrl", responseUrl).add("text", text).add("conversationId", conversationId).build());
    }

    /** The JSON in the form field {@code payload}, or null. */
    static JsonObject payload(byte[] body) {
        String form = new String(body, StandardCharsets.UTF_8);
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && "payload".equals(pair.substring(0, eq))) {
                try {
                    return Json.createReader(new StringReader(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8))).readObject();
                } catch (RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The conversation id of a Claim click in a {@code block_actions} payload, or null. */
    static String claimedConversation(JsonObject payload) {
        if (!"block_actions".equals(payload.getString("type", ""))) {
            return null;
        }
        JsonValue actions = payload.get("actions");
        if (!(actions instanceof JsonArray list)) {
            return null;
        }
        for (JsonValue a : list) {
            if (a instanceof JsonObject action && SlackDriver.CLAIM_ACTION.equals(action.getString("action_id", ""))) {
                String value = action.getString("value", "");
                return value.matches("[0-9a-fA-F-]{36}") ? value : null;
            }
        }
        return null;
    }
}
