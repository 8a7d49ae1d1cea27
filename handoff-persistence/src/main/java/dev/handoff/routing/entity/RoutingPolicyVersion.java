package dev.handoff.routing.entity;

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
 * One published version of the routing policy: its JSON document, who published it, when and why.
 * The newest {@code PUBLISHED} row is live; publishing retires the one before.
 */
@Entity
@Table(name = "routing_policy_version")
@NamedQuery(name = RoutingPolicyVersion.LIVE_NUMBER, query = "SELECT v.versionNo FROM RoutingPolicyVersion v WHERE v.status = 'PUBLISHED' ORDER BY v.versionNo DESC")
@NamedQuery(name = RoutingPolicyVersion.FIND_LIVE, query = "SELECT v FROM RoutingPolicyVersion v WHERE v.status = 'PUBLISHED' ORDER BY v.versionNo DESC")
@NamedQuery(name = RoutingPolicyVersion.FIND_HISTORY, query = "SELECT v FROM RoutingPolicyVersion v ORDER BY v.versionNo DESC")
@NamedQuery(name = RoutingPolicyVersion.FIND_BY_NUMBER, query = "SELECT v FROM RoutingPolicyVersion v WHERE v.versionNo = :versionNo")
@NamedQuery(name = RoutingPolicyVersion.MAX_NUMBER, query = "SELECT MAX(v.versionNo) FROM RoutingPolicyVersion v")
public class RoutingPolicyVersion {

    public static final String FIND_LIVE = "RoutingPolicyVersion.findLive";
    public static final String LIVE_NUMBER = "RoutingPolicyVersion.liveNumber";
    public static final String FIND_HISTORY = "RoutingPolicyVersion.findHistory";
    public static final String FIND_BY_NUMBER = "RoutingPolicyVersion.findByNumber";
    public static final String MAX_NUMBER = "RoutingPolicyVersion.maxNumber";
    public static final String PUBLISHED = "PUBLISHED";
    public static final String RETIRED = "RETIRED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "version_no", nullable = false)
    private int versionNo;

    @Column(nullable = false, length = 16)
    private String status;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false)
    private String document;

    @Column(name = "published_by", nullable = false, length = 64)
    private String publishedBy;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    @Column(name = "change_note", length = 1000)
    private String changeNote;

    @Version
    private long version;

    protected RoutingPolicyVersion() {}

    public RoutingPolicyVersion(int versionNo, String document, String by, Instant at, String note) {
        if (versionNo < 1) {
            throw new IllegalArgumentException("version numbers start at 1");
        }
        this.versionNo = versionNo;
        this.status = PUBLISHED;
        this.document = Objects.requireNonNull(document, "document");
        this.publishedBy = Objects.requireNonNull(by, "by");
        this.publishedAt = Objects.requireNonNull(at, "at");
        this.changeNote = note == null || note.isBlank() ? null : note.strip().substring(0, Math.min(1000, note.strip().length()));
    }

    public void retire() {
        this.status = RETIRED;
    }

    public boolean isLive() {
        return PUBLISHED.equals(status);
    }

    public Long getId() {
        return id;
    }

    public int getVersionNo() {
        return versionNo;
    }

    public String getStatus() {
        return status;
    }

    public String getDocument() {
        return document;
    }

    public String getPublishedBy() {
        return publishedBy;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getChangeNote() {
        return changeNote;
    }
}
