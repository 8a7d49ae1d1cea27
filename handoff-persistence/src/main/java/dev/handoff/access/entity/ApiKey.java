package dev.handoff.access.entity;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** An API key for a bot platform. Only the SHA-256 of the secret is kept, plus a prefix to recognise it. */
@Entity
@Table(name = "api_key")
@NamedQuery(name = ApiKey.FIND_BY_HASH, query = "SELECT k FROM ApiKey k WHERE k.keyHash = :hash")
@NamedQuery(name = ApiKey.FIND_ALL, query = "SELECT k FROM ApiKey k ORDER BY k.createdAt DESC")
public class ApiKey {

    public static final String FIND_BY_HASH = "ApiKey.findByHash";
    public static final String FIND_ALL = "ApiKey.findAll";
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(name = "key_prefix", nullable = false, length = 16)
    private String keyPrefix;

    @Column(name = "key_hash", nullable = false, unique = true, length = 64)
    private String keyHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ApiScope scope;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 64)
    private String revokedBy;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected ApiKey() {}

    public ApiKey(String name, String keyPrefix, String keyHash, ApiScope scope, String createdBy, Instant now) {
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new InvalidInputException("key name is required (at most 120 characters)");
        }
        this.name = name.strip();
        this.keyPrefix = Objects.requireNonNull(keyPrefix);
        this.keyHash = Objects.requireNonNull(keyHash);
        this.scope = Objects.requireNonNull(scope);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Objects.requireNonNull(now);
    }

    public void revoke(String by, Instant at) {
        if (revokedAt == null) {
            this.revokedAt = at;
            this.revokedBy = by;
        }
    }

    /** Records use at most once a minute, so a busy bot does not write on every request. */
    public boolean touch(Instant now) {
        if (lastUsedAt == null || Duration.between(lastUsedAt, now).compareTo(TOUCH_INTERVAL) >= 0) {
            lastUsedAt = now;
            return true;
        }
        return false;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public ApiScope getScope() {
        return scope;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }
}
