package dev.handoff.web.faces.admin;

import dev.handoff.integration.boundary.ConnectorView;
import dev.handoff.integration.boundary.IntegrationSettings;
import dev.handoff.integration.boundary.OutboxWorker;
import dev.handoff.integration.entity.ConnectorKind;
import dev.handoff.routing.boundary.AgentProfiles;
import dev.handoff.web.faces.Messages;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Backs admin/integrations.xhtml: the connectors (kind, name, URL, settings, on/off), their secrets
 * (write-only: the page shows whether each is set, never a value), "send test", and for Slack who
 * is who (member id → agent).
 */
@Named
@ViewScoped
public class IntegrationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The kinds this version delivers to. */
    static final List<ConnectorKind> KINDS = List.of(ConnectorKind.WEBHOOK, ConnectorKind.SLACK, ConnectorKind.ZENDESK,
            ConnectorKind.FRESHDESK, ConnectorKind.TEAMS, ConnectorKind.HUBSPOT);

    @Inject
    IntegrationSettings settings;

    @Inject
    OutboxWorker worker;

    @Inject
    AgentProfiles profiles;

    private transient List<ConnectorView> connectors;
    private Long editing;
    private ConnectorKind kind = ConnectorKind.SLACK;
    private String name;
    private String url;
    private String settingsJson = "{}";
    private boolean enabled = true;
    private Map<String, String> secrets = new HashMap<>();
    private Set<String> setSecrets = new TreeSet<>();
    private Set<String> clearSecrets = new LinkedHashSet<>();
    private String memberId;
    private String agent;

    public List<ConnectorView> getConnectors() {
        if (connectors == null) {
            connectors = settings.connectors();
        }
        return connectors;
    }

    public boolean isCanStoreSecrets() {
        return settings.canStoreSecrets();
    }

    public List<ConnectorKind> getKinds() {
        return KINDS;
    }

    public List<String> getSecretNames() {
        return new ArrayList<>(new TreeSet<>(IntegrationSettings.secretNames(kind)));
    }

    public String example() {
        return switch (kind) {
            case SLACK -> "{\"channel\": \"C0123GENERAL\", \"channels\": {\"billing\": \"C0456BILLING\"}, \"mentionGroup\": \"\", \"mentionFromPriority\": 80}";
            case ZENDESK -> "{\"email\": \"integrations@example.com\"}";
            case WEBHOOK -> "{\"events\": [\"handoff.escalated\", \"handoff.accepted\", \"conversation.resolved\", \"csat.received\"]}";
            case HUBSPOT -> "{\"portalId\": \"4242\"}";
            default -> "{}";
        };
    }

    public String urlHint() {
        return switch (kind) {
            case SLACK -> "leave empty for https://slack.com/api";
            case ZENDESK -> "https://<subdomain>.zendesk.com";
            case FRESHDESK -> "https://<domain>.freshdesk.com";
            case TEAMS -> "the channel's incoming webhook or Workflows URL";
            case WEBHOOK -> "https://receiver.example.com/handoff";
            case HUBSPOT -> "leave empty for https://api.hubapi.com";
            default -> "";
        };
    }

    /** Where the vendor calls back, for Slack's interactivity and Zendesk's webhook. */
    public String hookUrl(ConnectorView c) {
        if (!"slack".equals(c.kind()) && !"zendesk".equals(c.kind())) {
            return null;
        }
        ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
        String base = ext.getRequestScheme() + "://" + ext.getRequestServerName()
                + (ext.getRequestServerPort() == 80 || ext.getRequestServerPort() == 443 ? "" : ":" + ext.getRequestServerPort()) + ext.getRequestContextPath();
        return base + "/hooks/" + c.kind() + "/" + c.id();
    }

    public void startNew() {
        editing = null;
        name = null;
        url = null;
        settingsJson = example();
        enabled = true;
        secrets = new HashMap<>();
        setSecrets = new TreeSet<>();
        clearSecrets = new LinkedHashSet<>();
    }

    public void kindChanged() {
        if (editing == null) {
            settingsJson = example();
            secrets = new HashMap<>();
        }
    }

    public void edit(long id) {
        ConnectorView c = settings.connector(id);
        editing = id;
        kind = ConnectorKind.valueOf(c.kind().toUpperCase());
        name = c.name();
        url = c.url();
        settingsJson = c.settings();
        enabled = c.enabled();
        secrets = new HashMap<>();
        setSecrets = new TreeSet<>(c.secretsSet());
        clearSecrets = new LinkedHashSet<>();
    }

    public void save() {
        Map<String, String> given = new HashMap<>(secrets);
        ConnectorView saved = Messages.attempt(() -> editing == null
                ? settings.create(kind, name, url, settingsJson, enabled, given)
                : settings.update(editing, name, url, settingsJson, enabled, given, clearSecrets));
        if (saved != null) {
            Messages.info((editing == null ? "Connector " : "Saved ") + saved.name() + (editing == null ? " added." : "."));
            worker.wake(saved.id());
            edit(saved.id());
        }
        secrets = new HashMap<>();
        connectors = null;
    }

    public void sendTest(long id) {
        Long row = Messages.attempt(() -> settings.sendTest(id));
        if (row != null) {
            worker.wake(id);
            Messages.info("Test queued; its result shows under Integration health in a few seconds.");
        }
    }

    public void clear(String secret) {
        clearSecrets.add(secret);
        setSecrets.remove(secret);
    }

    public Map<String, String> getIdentities() {
        return editing == null || kind != ConnectorKind.SLACK ? Map.of() : settings.identities(editing);
    }

    public List<Map.Entry<String, String>> getIdentityList() {
        return new ArrayList<>(getIdentities().entrySet());
    }

    public void addIdentity() {
        if (editing != null && Messages.attempt(() -> settings.mapIdentity(editing, memberId, agent))) {
            Messages.info(memberId + " is now " + agent + ".");
            memberId = null;
        }
    }

    public void removeIdentity(String member) {
        if (editing != null) {
            Messages.attempt(() -> settings.unmapIdentity(editing, member));
        }
    }

    public List<String> getAgents() {
        return profiles.agents().stream().map(dev.handoff.identity.entity.Agent::getUsername).sorted().toList();
    }

    public boolean isEditing() {
        return editing != null;
    }

    public boolean isSlack() {
        return kind == ConnectorKind.SLACK;
    }

    public ConnectorKind getKind() {
        return kind;
    }

    public void setKind(ConnectorKind kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getSettingsJson() {
        return settingsJson;
    }

    public void setSettingsJson(String settingsJson) {
        this.settingsJson = settingsJson;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Map<String, String> getSecrets() {
        return secrets;
    }

    public Set<String> getSetSecrets() {
        return setSecrets;
    }

    public String getMemberId() {
        return memberId;
    }

    public void setMemberId(String memberId) {
        this.memberId = memberId;
    }

    public String getAgent() {
        return agent;
    }

    public void setAgent(String agent) {
        this.agent = agent;
    }
}
