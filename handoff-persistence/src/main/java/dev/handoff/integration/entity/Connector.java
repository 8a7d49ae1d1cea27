package dev.handoff.integration.entity;

import dev.handoff.platform.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A configured integration: its kind, a name, where it sends to, its non-secret settings (JSON) and
 * its secrets (encrypted JSON; this entity never sees them in clear). It also keeps the health
 * facts the delivery worker updates: last success, since when it fails, the last error.
 */
@Entity
@Table(name = "integration_connector")
@NamedQuery(name = Connector.FIND_ENABLED, query = "SELECT c FROM Connector c WHERE c.enabled = true ORDER BY c.id")
@NamedQuery(name = Connector.FIND_ALL, query = "SELECT c FROM Connector c ORDER BY c.name")
public class Connector {

    public static final String FIND_ENABLED = "Connector.findEnabled";
    public static final String FIND_ALL = "Connector.findAll";
    public static final int MAX_SETTINGS = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ConnectorKind kind;

    @Column(nullable = false, length = 80)
    private String name;

    @Column(nullable = false)
    private boolean enabled;

    @Column(length = 500)
    private String url;

    @Column(nullable = false, length = MAX_SETTINGS)
    private String settings;

    @Column(length = MAX_SETTINGS)
    private String secrets;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "last_success_at")
    private Instant lastSuccessAt;

    @Column(name = "failing_since")
    private Instant failingSince;

    @Column(name = "last_error", length = 500)
    private String lastError;

    /** When the e-mail alert of the current failure went out (written by native statements, like the health columns). */
    @Column(name = "alerted_at")
    private Instant alertedAt;

    @Version
    private long version;

    protected Connector() {}

    public Connector(ConnectorKind kind, String name, Instant now) {
        this.kind = Objects.requireNonNull(kind);
        rename(name);
        this.settings = "{}";
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void rename(String newName) {
        if (newName == null || newName.isBlank() || newName.strip().length() > 80) {
            throw new InvalidInputException("name", "a connector needs a name of 1 to 80 characters");
        }
        this.name = newName.strip();
    }

    public void configure(String newUrl, String settingsJson, boolean on, Instant now) {
        if (newUrl != null && newUrl.length() > 500) {
            throw new InvalidInputException("url", "the URL is longer than 500 characters");
        }
        if (settingsJson == null || settingsJson.length() > MAX_SETTINGS) {
            throw new InvalidInputException("settings", "the settings are longer than " + MAX_SETTINGS + " characters");
        }
        this.url = newUrl == null || newUrl.isBlank() ? null : newUrl.strip();
        this.settings = settingsJson;
        this.enabled = on;
        this.updatedAt = now;
    }

    /** Replaces the encrypted secrets (the caller encrypts). */
    public void storeSecrets(String sealed, Instant now) {
        if (sealed != null && sealed.length() > MAX_SETTINGS) {
            throw new InvalidInputException("secrets", "the secrets are too long");
        }
        this.secrets = sealed;
        this.updatedAt = now;
    }

    public void succeeded(Instant at) {
        if (lastSuccessAt == null || at.isAfter(lastSuccessAt)) {
            lastSuccessAt = at;
        }
        failingSince = null;
        lastError = null;
    }

    public void failed(Instant at, String error) {
        if (failingSince == null) {
            failingSince = at;
        }
        lastError = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
    }

    public Long getId() {
        return id;
    }

    public ConnectorKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String getUrl() {
        return url;
    }

    public String getSettings() {
        return settings;
    }

    public String getSecrets() {
        return secrets;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getLastSuccessAt() {
        return lastSuccessAt;
    }

    public Instant getFailingSince() {
        return failingSince;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getAlertedAt() {
        return alertedAt;
    }
}
