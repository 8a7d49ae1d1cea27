package dev.handoff.widget.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * One visitor of a site, known by the session token their browser keeps (only its hash is stored):
 * the customer id the conversations are filed under and the conversation the widget shows now.
 */
@Entity
@Table(name = "widget_visitor")
@NamedQuery(name = WidgetVisitor.FIND_BY_TOKEN, query = "SELECT v FROM WidgetVisitor v WHERE v.tokenHash = :hash")
@NamedQuery(name = WidgetVisitor.FIND_BY_CONVERSATION, query = "SELECT v FROM WidgetVisitor v WHERE v.conversationId = :id")
public class WidgetVisitor {

    public static final String FIND_BY_TOKEN = "WidgetVisitor.findByToken";
    public static final String FIND_BY_CONVERSATION = "WidgetVisitor.findByConversation";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "site_id", nullable = false)
    private WidgetSite site;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "customer_external_id", nullable = false, length = 128)
    private String customerExternalId;

    @Column(name = "customer_name", length = 200)
    private String customerName;

    @Column(name = "customer_email", length = 320)
    private String customerEmail;

    @Column(name = "conversation_id", length = 36)
    private String conversationId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Version
    private long version;

    protected WidgetVisitor() {}

    public WidgetVisitor(WidgetSite site, String tokenHash, String customerExternalId, Instant at) {
        this.site = Objects.requireNonNull(site);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.customerExternalId = Objects.requireNonNull(customerExternalId);
        this.createdAt = at;
        this.lastSeenAt = at;
    }

    /** What the embedding page says about the visitor; blank values keep what is known. */
    public void describe(String name, String email) {
        if (name != null && !name.isBlank()) {
            this.customerName = name.strip().length() > 200 ? name.strip().substring(0, 200) : name.strip();
        }
        if (email != null && !email.isBlank() && email.strip().length() <= 320) {
            this.customerEmail = email.strip();
        }
    }

    public String getCustomerName() {
        return customerName;
    }

    public String getCustomerEmail() {
        return customerEmail;
    }

    public void showConversation(String id) {
        this.conversationId = id;
    }

    public void seen(Instant at) {
        this.lastSeenAt = at;
    }

    public Long getId() {
        return id;
    }

    public WidgetSite getSite() {
        return site;
    }

    public String getCustomerExternalId() {
        return customerExternalId;
    }

    public String getConversationId() {
        return conversationId;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }
}
