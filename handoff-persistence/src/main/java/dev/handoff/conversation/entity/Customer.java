package dev.handoff.conversation.entity;

import dev.handoff.platform.InvalidInputException;
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
import java.time.LocalDate;
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

    @Column(length = 200)
    private String company;

    @Column(name = "renewal_date")
    private LocalDate renewalDate;

    @Column(length = 2000)
    private String notes;

    @Column(name = "crm_source", length = 32)
    private String crmSource;

    @Column(name = "crm_id", length = 128)
    private String crmId;

    @Column(name = "crm_url", length = 2048)
    private String crmUrl;

    @Column(name = "crm_owner", length = 120)
    private String crmOwner;

    @Column(name = "crm_synced_at")
    private Instant crmSyncedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Customer() {}

    public Customer(String externalId, Instant now) {
        if (externalId == null || externalId.isBlank()) {
            throw new InvalidInputException("customer externalId is required");
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
                throw new InvalidInputException("accountValue must not be negative");
            }
            this.accountValue = newValue;
        }
        this.updatedAt = now;
    }

    /** Contract details from the bot platform, a CSV import or the CRM; a null leaves a value as it is. */
    public void updateDetails(String newCompany, LocalDate newRenewal, String newNotes, Instant now) {
        if (newCompany != null) {
            this.company = clip(newCompany, 200);
        }
        if (newRenewal != null) {
            this.renewalDate = newRenewal;
        }
        if (newNotes != null) {
            this.notes = clip(newNotes, 2000);
        }
        this.updatedAt = now;
    }

    /** Links the customer to their CRM record (and says when it was last read). */
    public void linkCrm(String source, String id, String url, String owner, Instant now) {
        this.crmSource = clip(source, 32);
        this.crmId = clip(id, 128);
        this.crmUrl = clip(url, 2048);
        this.crmOwner = clip(owner, 120);
        this.crmSyncedAt = now;
        this.updatedAt = now;
    }

    private static String clip(String value, int max) {
        return value == null ? null : value.length() > max ? value.substring(0, max) : value;
    }

    public String getCompany() {
        return company;
    }

    public LocalDate getRenewalDate() {
        return renewalDate;
    }

    public String getNotes() {
        return notes;
    }

    public String getCrmSource() {
        return crmSource;
    }

    public String getCrmId() {
        return crmId;
    }

    public String getCrmUrl() {
        return crmUrl;
    }

    public String getCrmOwner() {
        return crmOwner;
    }

    public Instant getCrmSyncedAt() {
        return crmSyncedAt;
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
