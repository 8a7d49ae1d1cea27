package dev.handoff.escalation.entity;

import dev.handoff.platform.ConflictException;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

/** One version of the trigger set: its JSON document, who made and published it, and its bench figures. */
@Entity
@Table(name = "trigger_set_version")
@NamedQuery(name = TriggerSetVersion.FIND_BY_STATUS, query = "SELECT v FROM TriggerSetVersion v WHERE v.status = :status ORDER BY v.id DESC")
@NamedQuery(name = TriggerSetVersion.NUMBER_BY_STATUS, query = "SELECT v.versionNo FROM TriggerSetVersion v WHERE v.status = :status ORDER BY v.id DESC")
@NamedQuery(name = TriggerSetVersion.FIND_BY_NUMBER, query = "SELECT v FROM TriggerSetVersion v WHERE v.versionNo = :versionNo")
@NamedQuery(name = TriggerSetVersion.FIND_HISTORY, query = "SELECT v FROM TriggerSetVersion v WHERE v.versionNo IS NOT NULL ORDER BY v.versionNo DESC")
@NamedQuery(name = TriggerSetVersion.MAX_NUMBER, query = "SELECT MAX(v.versionNo) FROM TriggerSetVersion v")
public class TriggerSetVersion {

    public static final String FIND_BY_STATUS = "TriggerSetVersion.findByStatus";
    public static final String NUMBER_BY_STATUS = "TriggerSetVersion.numberByStatus";
    public static final String FIND_BY_NUMBER = "TriggerSetVersion.findByNumber";
    public static final String FIND_HISTORY = "TriggerSetVersion.findHistory";
    public static final String MAX_NUMBER = "TriggerSetVersion.maxNumber";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "version_no")
    private Integer versionNo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private TriggerSetStatus status;

    @Column(nullable = false, length = 120)
    private String name;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false)
    private String document;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "published_by", length = 64)
    private String publishedBy;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "change_note", length = 1000)
    private String changeNote;

    @Column(name = "catch_rate")
    private Double catchRate;

    @Column(name = "false_positive_rate")
    private Double falsePositiveRate;

    @Column(name = "override_reason", length = 1000)
    private String overrideReason;

    @Version
    private long version;

    protected TriggerSetVersion() {}

    public static TriggerSetVersion draft(String name, String document, String by, Instant at) {
        TriggerSetVersion v = new TriggerSetVersion();
        v.status = TriggerSetStatus.DRAFT;
        v.name = Objects.requireNonNull(name);
        v.document = Objects.requireNonNull(document);
        v.createdBy = Objects.requireNonNull(by);
        v.createdAt = Objects.requireNonNull(at);
        return v;
    }

    public void replaceDocument(String newName, String newDocument) {
        if (status != TriggerSetStatus.DRAFT) {
            throw new ConflictException("only the draft can be edited; published versions are history");
        }
        this.name = Objects.requireNonNull(newName);
        this.document = Objects.requireNonNull(newDocument);
    }

    /**
     * Makes this draft the live version {@code number}, with its bench figures and any override; the
     * figures are null when no suite guarded the publication (the admin switched every gate off).
     */
    public void publish(int number, String by, Instant at, String note, Double catchRate, Double falsePositiveRate, String override) {
        if (status != TriggerSetStatus.DRAFT) {
            throw new ConflictException("only a draft can be published");
        }
        this.status = TriggerSetStatus.PUBLISHED;
        this.versionNo = number;
        this.publishedBy = Objects.requireNonNull(by);
        this.publishedAt = Objects.requireNonNull(at);
        this.changeNote = truncate(note);
        this.catchRate = catchRate;
        this.falsePositiveRate = falsePositiveRate;
        this.overrideReason = truncate(override);
    }

    public void retire() {
        if (status == TriggerSetStatus.PUBLISHED) {
            this.status = TriggerSetStatus.RETIRED;
        }
    }

    private static String truncate(String s) {
        return s == null || s.isBlank() ? null : s.length() <= 1000 ? s.strip() : s.substring(0, 1000);
    }

    public Long getId() {
        return id;
    }

    public Integer getVersionNo() {
        return versionNo;
    }

    public TriggerSetStatus getStatus() {
        return status;
    }

    public String getName() {
        return name;
    }

    public String getDocument() {
        return document;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
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

    public Double getCatchRate() {
        return catchRate;
    }

    public Double getFalsePositiveRate() {
        return falsePositiveRate;
    }

    public String getOverrideReason() {
        return overrideReason;
    }
}
