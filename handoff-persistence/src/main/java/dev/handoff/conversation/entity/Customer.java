package dev.handoff.conversation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A customer as the bot platform knows them, keyed by the platform's own id. */
@Entity
@Table(name = "customer")
@NamedQuery(name = Customer.FIND_BY_EXTERNAL_ID, query = "SELECT c FROM Customer c WHERE c.externalId = :externalId")
public class Customer {

    public static final String FIND_BY_EXTERNAL_ID = "Customer.findByExternalId";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "external_id", nullable = false, unique = true, length = 128)
    private String externalId;

    @Column(length = 200)
    private String name;

    @Column(length = 254)
    private String email;

    @Column(length = 64)
    private String tier;

    @Column(name = "account_value", precision = 15, scale = 2)
    private BigDecimal accountValue;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Customer() {}

    public Customer(String externalId, Instant now) {
        if (externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException("customer externalId is required");
        }
        this.externalId = externalId.strip();
        this.createdAt = Objects.requireNonNull(now);
        this.updatedAt = now;
    }

    /** Takes the newest profile the bot platform sent; absent values keep what we knew. */
    public void updateProfile(String newName, String newEmail, String newTier, BigDecimal newValue, Instant now) {
        if (newName != null) {
            this.name = newName;
        }
        if (newEmail != null) {
            this.email = newEmail;
        }
        if (newTier != null) {
            this.tier = newTier;
        }
        if (newValue != null) {
            if (newValue.signum() < 0) {
                throw new IllegalArgumentException("accountValue must not be negative");
            }
            this.accountValue = newValue;
        }
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getTier() {
        return tier;
    }

    public BigDecimal getAccountValue() {
        return accountValue;
    }

    public String displayName() {
        return name != null && !name.isBlank() ? name : externalId;
    }
}
