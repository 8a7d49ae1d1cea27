package dev.handoff.access.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A POST made with an {@code Idempotency-Key}: which caller and key (hashed together), what was
 * asked (a hash of method, path and body) and, once answered, the answer to give a retry. Kept
 * until {@code expiresAt}.
 */
@Entity
@Table(name = "idempotent_request")
@NamedQuery(name = IdempotentRequest.FIND_BY_KEY, query = "SELECT r FROM IdempotentRequest r WHERE r.keyHash = :keyHash")
@NamedQuery(name = IdempotentRequest.PURGE, query = "DELETE FROM IdempotentRequest r WHERE r.expiresAt < :now")
public class IdempotentRequest {

    public static final String FIND_BY_KEY = "IdempotentRequest.findByKey";
    public static final String PURGE = "IdempotentRequest.purge";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "key_hash", nullable = false, length = 64)
    private String keyHash;

    @Column(name = "api_key_id", nullable = false)
    private long apiKeyId;

    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;

    @Column(nullable = false)
    private boolean answered;

    private Integer status;

    @Column(length = 2048)
    private String location;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "response_body")
    private String responseBody;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Version
    private long version;

    protected IdempotentRequest() {}

    public IdempotentRequest(String keyHash, long apiKeyId, String requestHash, Instant now, Instant expiresAt) {
        this.keyHash = Objects.requireNonNull(keyHash);
        this.apiKeyId = apiKeyId;
        this.requestHash = Objects.requireNonNull(requestHash);
        this.createdAt = Objects.requireNonNull(now);
        this.expiresAt = Objects.requireNonNull(expiresAt);
    }

    /** Keeps the answer a retry gets. */
    public void answer(int answerStatus, String answerLocation, String body) {
        this.answered = true;
        this.status = answerStatus;
        this.location = answerLocation;
        this.responseBody = body;
    }

    /** A request whose first attempt left no answer (the server stopped) may be taken over by a retry. */
    public void restart(Instant now) {
        this.createdAt = now;
    }

    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    public Long getId() {
        return id;
    }

    public String getRequestHash() {
        return requestHash;
    }

    public boolean isAnswered() {
        return answered;
    }

    public Integer getStatus() {
        return status;
    }

    public String getLocation() {
        return location;
    }

    public String getResponseBody() {
        return responseBody;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
