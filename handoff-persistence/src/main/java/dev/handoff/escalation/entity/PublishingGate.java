package dev.handoff.escalation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * The admin's choice of what guards publishing beyond the admin suites' own gate flags: whether the
 * shipped suite is part of the gate. One row ({@link #ID}); without it the shipped suite is a gate.
 */
@Entity
@Table(name = "publishing_gate")
public class PublishingGate {

    public static final int ID = 1;

    @Id
    private int id;

    @Column(name = "shipped_suite", nullable = false)
    private boolean shippedSuite;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected PublishingGate() {}

    /** The setting as first stored: whether the shipped suite guards publishing, who chose it, when. */
    public PublishingGate(boolean shippedSuite, String user, Instant now) {
        this.id = ID;
        useShippedSuite(shippedSuite, user, now);
    }

    public void useShippedSuite(boolean asGate, String user, Instant now) {
        this.shippedSuite = asGate;
        this.updatedBy = Objects.requireNonNull(user);
        this.updatedAt = Objects.requireNonNull(now);
    }

    public boolean isShippedSuite() {
        return shippedSuite;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
