package dev.handoff.integration.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One try to deliver an outbox row: when, whether it worked, the HTTP status, how long it took. */
@Entity
@Table(name = "integration_attempt")
public class DeliveryAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "connector_id", nullable = false)
    private Long connectorId;

    @Column(name = "outbox_id", nullable = false)
    private Long outboxId;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    @Column(nullable = false)
    private boolean ok;

    @Column(name = "http_status")
    private Integer httpStatus;

    @Column(name = "latency_ms", nullable = false)
    private int latencyMs;

    @Column(length = 300)
    private String error;

    protected DeliveryAttempt() {}

    public DeliveryAttempt(Long connectorId, Long outboxId, Instant attemptedAt, boolean ok, Integer httpStatus, long latencyMs, String error) {
        this.connectorId = connectorId;
        this.outboxId = outboxId;
        this.attemptedAt = attemptedAt;
        this.ok = ok;
        this.httpStatus = httpStatus;
        this.latencyMs = (int) Math.min(Integer.MAX_VALUE, Math.max(0, latencyMs));
        this.error = error == null ? null : error.length() > 300 ? error.substring(0, 300) : error;
    }

    public Long getConnectorId() {
        return connectorId;
    }

    public Long getOutboxId() {
        return outboxId;
    }

    public Instant getAttemptedAt() {
        return attemptedAt;
    }

    public boolean isOk() {
        return ok;
    }

    public Integer getHttpStatus() {
        return httpStatus;
    }

    public int getLatencyMs() {
        return latencyMs;
    }

    public String getError() {
        return error;
    }
}
