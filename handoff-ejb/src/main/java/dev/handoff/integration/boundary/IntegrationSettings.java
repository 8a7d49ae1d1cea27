package dev.handoff.integration.boundary;

import dev.handoff.integration.control.ConnectorConfig;
import dev.handoff.integration.control.Delivery;
import dev.handoff.integration.control.IntegrationSettingsConfig;
import dev.handoff.integration.control.SecretBox;
import dev.handoff.integration.entity.Connector;
import dev.handoff.integration.entity.ConnectorKind;
import dev.handoff.integration.entity.ExternalIdentity;
import dev.handoff.integration.entity.ExternalLink;
import dev.handoff.integration.entity.OutboxEntry;
import dev.handoff.integration.entity.OutboxStatus;
import dev.handoff.platform.ConflictException;
import dev.handoff.platform.InvalidInputException;
import dev.handoff.platform.NotFoundException;
import dev.handoff.identity.entity.Agent;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The admin's side of integrations: connectors with their settings and secrets (sealed with the
 * configured key before they reach the database, never given back), who is who in Slack, "send
 * test", the dead letters and their replay. Callers are admins (the portal's admin pages).
 */
@Stateless
public class IntegrationSettings {

    /** The secrets each kind keeps; anything else offered is refused. */
    static final Map<ConnectorKind, Set<String>> SECRETS = Map.of(
            ConnectorKind.WEBHOOK, Set.of("signingSecret"),
            ConnectorKind.SLACK, Set.of("botToken", "signingSecret"),
            ConnectorKind.ZENDESK, Set.of("apiToken", "webhookSecret"),
            ConnectorKind.FRESHDESK, Set.of("apiKey"),
            ConnectorKind.TEAMS, Set.of(),
            ConnectorKind.HUBSPOT, Set.of("token"));

    @jakarta.persistence.PersistenceContext
    jakarta.persistence.EntityManager em;

    @Inject
    IntegrationSettingsConfig config;

    @Inject
    Clock clock;

    public List<ConnectorView> connectors() {
        return em.createNamedQuery(Connector.FIND_ALL, Connector.class).getResultStream().map(this::view).toList();
    }

    public ConnectorView connector(long id) {
        return view(get(id));
    }

    public static Set<String> secretNames(ConnectorKind kind) {
        return SECRETS.getOrDefault(kind, Set.of());
    }

    public boolean canStoreSecrets() {
        return config.hasSecretKey();
    }

    /** A new connector; {@code secrets} maps secret names to values (blank values are left unset). */
    public ConnectorView create(ConnectorKind kind, String name, String url, String settingsJson, boolean enabled, Map<String, String> secrets) {
        requireUniqueName(name, null);
        Instant now = clock.instant();
        Connector c = new Connector(kind, name, now);
        c.configure(checkedUrl(url), checkedSettings(settingsJson), enabled, now);
        c.storeSecrets(seal(kind, Map.of(), secrets), now);
        em.persist(c);
        em.flush();
        return view(c);
    }

    /** Changes a connector; a secret given blank keeps its stored value, {@code clear} names secrets to remove. */
    public ConnectorView update(long id, String name, String url, String settingsJson, boolean enabled, Map<String, String> secrets, Set<String> clear) {
        Connector c = get(id);
        requireUniqueName(name, id);
        Instant now = clock.instant();
        c.rename(name);
        c.configure(checkedUrl(url), checkedSettings(settingsJson), enabled, now);
        boolean changes = secrets.values().stream().anyMatch(v -> v != null && !v.isBlank()) || (clear != null && !clear.isEmpty());
        if (changes) {
            Map<String, String> kept = new LinkedHashMap<>(opened(c));
            if (clear != null) {
                clear.forEach(kept::remove);
            }
            c.storeSecrets(seal(c.getKind(), kept, secrets), now);
        }
        em.flush();
        return view(c);
    }

    /** The connector as its driver needs it, secrets opened. */
    public ConnectorConfig config(long id) {
        Connector c = get(id);
        return new ConnectorConfig(c.getId(), c.getKind(), c.getName(), c.getUrl(), settings(c.getSettings()), opened(c));
    }

    /** Queues a test delivery for the connector (delivered like any other row); returns the outbox row's id. */
    public long sendTest(long id) {
        Connector c = get(id);
        Instant now = clock.instant();
        OutboxEntry row = new OutboxEntry(c.getId(), UUID.randomUUID().toString(), Delivery.TEST, null,
                Json.createObjectBuilder().add("requestedAt", now.toString()).build().toString(), now);
        em.persist(row);
        em.flush();
        return row.getId();
    }

    /** Queues a one-off delivery (a Slack reply to a click) for a connector. */
    public long enqueue(long connectorId, String eventType, String conversationId, JsonObject payload) {
        Instant now = clock.instant();
        OutboxEntry row = new OutboxEntry(connectorId, UUID.randomUUID().toString(), eventType, conversationId, payload.toString(), now);
        em.persist(row);
        em.flush();
        return row.getId();
    }

    public OutboxRowView row(long outboxId) {
        OutboxEntry e = em.find(OutboxEntry.class, outboxId);
        if (e == null) {
            throw new NotFoundException("No outbox row " + outboxId);
        }
        return view(e);
    }

    /** Rows of a connector in a status, newest first. */
    public List<OutboxRowView> rows(long connectorId, OutboxStatus status, int max) {
        return em.createQuery("SELECT o FROM OutboxEntry o WHERE o.connectorId = :c AND o.status = :s ORDER BY o.id DESC", OutboxEntry.class)
                .setParameter("c", connectorId)
                .setParameter("s", status)
                .setMaxResults(Math.max(1, Math.min(max, 500)))
                .getResultStream()
                .map(IntegrationSettings::view)
                .toList();
    }

    /** Who is who: a Slack member id is this agent. */
    public void mapIdentity(long connectorId, String externalUser, String username) {
        get(connectorId);
        if (externalUser == null || !externalUser.strip().matches("[A-Za-z0-9._-]{1,64}")) {
            throw new InvalidInputException("externalUser", "the member id is 1 to 64 letters, digits, dots, dashes or underscores");
        }
        boolean agent = em.createNamedQuery(Agent.FIND_BY_USERNAME, Agent.class).setParameter("username", username).getResultStream().findAny().isPresent();
        if (!agent) {
            throw new InvalidInputException("username", username + " is not an agent");
        }
        ExternalIdentity existing = em.find(ExternalIdentity.class, new ExternalIdentity.Key(connectorId, externalUser.strip()));
        if (existing != null) {
            em.remove(existing);
            em.flush();
        }
        em.persist(new ExternalIdentity(connectorId, externalUser.strip(), username));
        em.flush();
    }

    public void unmapIdentity(long connectorId, String externalUser) {
        ExternalIdentity existing = em.find(ExternalIdentity.class, new ExternalIdentity.Key(connectorId, externalUser));
        if (existing != null) {
            em.remove(existing);
        }
    }

    /** External user -> username, for a connector. */
    public Map<String, String> identities(long connectorId) {
        Map<String, String> out = new LinkedHashMap<>();
        em.createQuery("SELECT i FROM ExternalIdentity i WHERE i.connectorId = :c ORDER BY i.username", ExternalIdentity.class)
                .setParameter("c", connectorId)
                .getResultStream()
                .forEach(i -> out.put(i.getExternalUser(), i.getUsername()));
        return out;
    }

    public java.util.Optional<String> agentFor(long connectorId, String externalUser) {
        ExternalIdentity i = em.find(ExternalIdentity.class, new ExternalIdentity.Key(connectorId, externalUser));
        return i == null ? java.util.Optional.empty() : java.util.Optional.of(i.getUsername());
    }

    /** The tickets and messages made for a conversation, for the agent's view: connector name -> link. */
    public List<LinkView> links(String conversationId) {
        return em.createQuery("SELECT l FROM ExternalLink l WHERE l.conversationId = :id ORDER BY l.createdAt", ExternalLink.class)
                .setParameter("id", conversationId)
                .getResultStream()
                .map(l -> {
                    Connector c = em.find(Connector.class, l.getConnectorId());
                    return new LinkView(c == null ? "?" : c.getName(), c == null ? "?" : c.getKind().name().toLowerCase(), l.getExternalId(), l.getExternalUrl());
                })
                .toList();
    }

    /** A conversation a connector's external id (a ticket) belongs to. */
    public java.util.Optional<String> conversationOf(long connectorId, String externalId) {
        return em.createQuery("SELECT l.conversationId FROM ExternalLink l WHERE l.connectorId = :c AND l.externalId = :x", String.class)
                .setParameter("c", connectorId)
                .setParameter("x", externalId)
                .getResultStream()
                .findFirst();
    }

    public record LinkView(String connector, String kind, String externalId, String url) {}

    private Connector get(long id) {
        Connector c = em.find(Connector.class, id);
        if (c == null) {
            throw new NotFoundException("No connector " + id);
        }
        return c;
    }

    private void requireUniqueName(String name, Long self) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "a connector needs a name");
        }
        boolean taken = em.createQuery("SELECT c FROM Connector c WHERE c.name = :n", Connector.class)
                .setParameter("n", name.strip())
                .getResultStream()
                .anyMatch(c -> !c.getId().equals(self));
        if (taken) {
            throw new ConflictException("A connector named " + name.strip() + " already exists");
        }
    }

    private static String checkedUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI u = URI.create(url.strip());
            if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme()) || u.getHost() == null) {
                throw new InvalidInputException("url", "the URL must be http(s)://host/...");
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("url", "the URL is not valid");
        }
        return url.strip();
    }

    private static String checkedSettings(String json) {
        if (json == null || json.isBlank()) {
            return "{}";
        }
        try {
            return Json.createReader(new StringReader(json)).readObject().toString();
        } catch (JsonParsingException | ClassCastException | IllegalStateException e) {
            throw new InvalidInputException("settings", "the settings must be a JSON object");
        } catch (jakarta.json.JsonException e) {
            throw new InvalidInputException("settings", "the settings must be a JSON object");
        }
    }

    static JsonObject settings(String json) {
        try {
            return Json.createReader(new StringReader(json)).readObject();
        } catch (RuntimeException e) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
    }

    private String seal(ConnectorKind kind, Map<String, String> kept, Map<String, String> given) {
        Map<String, String> all = new LinkedHashMap<>(kept);
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) {
                continue;
            }
            if (!secretNames(kind).contains(e.getKey())) {
                throw new InvalidInputException("secrets", kind.name().toLowerCase() + " keeps no secret named " + e.getKey());
            }
            if (e.getValue().length() > 1000) {
                throw new InvalidInputException("secrets", "a secret is longer than 1000 characters");
            }
            all.put(e.getKey(), e.getValue().strip());
        }
        if (all.isEmpty()) {
            return null;
        }
        SecretBox box;
        try {
            box = config.secretBox();
        } catch (SecretBox.KeyProblem e) {
            throw new ConflictException(e.getMessage());
        }
        JsonObjectBuilder json = Json.createObjectBuilder();
        all.forEach(json::add);
        return box.seal(json.build().toString());
    }

    private Map<String, String> opened(Connector c) {
        if (c.getSecrets() == null) {
            return Map.of();
        }
        JsonObject json = Json.createReader(new StringReader(config.secretBox().open(c.getSecrets()))).readObject();
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : json.entrySet()) {
            if (e.getValue() instanceof JsonString s) {
                out.put(e.getKey(), s.getString());
            }
        }
        return out;
    }

    private ConnectorView view(Connector c) {
        Set<String> set = new TreeSet<>();
        if (c.getSecrets() != null) {
            try {
                set.addAll(opened(c).keySet());
            } catch (SecretBox.KeyProblem e) {
                set.add("(cannot be opened: " + e.getMessage() + ")");
            }
        }
        return new ConnectorView(c.getId(), c.getKind().name().toLowerCase(), c.getName(), c.isEnabled(), c.getUrl(), c.getSettings(), set,
                c.getUpdatedAt(), c.getLastSuccessAt(), c.getFailingSince(), c.getLastError());
    }

    static OutboxRowView view(OutboxEntry e) {
        return new OutboxRowView(e.getId(), e.getConnectorId(), e.getEventId(), e.getEventType(), e.getConversationId(), e.getStatus().name().toLowerCase(),
                e.getAttempts(), e.getCreatedAt(), e.getNextAttemptAt(), e.getDeliveredAt(), e.getLastStatus(), e.getLastError());
    }
}
