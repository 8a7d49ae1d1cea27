package dev.handoff.desk.entity;

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
import java.util.Locale;
import java.util.Objects;

/**
 * An admin-managed message template with {@code {{variables}}}: an opening message that acknowledges
 * the context, or a response (verification steps, resolution options, follow-up), optionally for one
 * topic (a skill such as billing, or a trigger name).
 */
@Entity
@Table(name = "reply_template")
@NamedQuery(name = ReplyTemplate.FIND_ALL, query = "SELECT t FROM ReplyTemplate t ORDER BY t.kind, t.topic, t.name")
@NamedQuery(name = ReplyTemplate.FIND_BY_NAME, query = "SELECT t FROM ReplyTemplate t WHERE t.name = :name")
public class ReplyTemplate {

    public static final String FIND_ALL = "ReplyTemplate.findAll";
    public static final String FIND_BY_NAME = "ReplyTemplate.findByName";
    public static final int MAX_BODY = 2000;

    public enum Kind { OPENING, RESPONSE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 120)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Column(length = 64)
    private String topic;

    @Column(nullable = false, length = MAX_BODY)
    private String body;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ReplyTemplate() {}

    public ReplyTemplate(String name, Kind kind, String topic, String body, String user, Instant at) {
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new InvalidInputException("a template needs a name of 1-120 characters");
        }
        this.name = name.strip();
        this.kind = Objects.requireNonNull(kind);
        edit(topic, body, user, at);
    }

    public void edit(String newTopic, String newBody, String user, Instant at) {
        if (newBody == null || newBody.isBlank()) {
            throw new InvalidInputException("the template text is empty");
        }
        if (newBody.length() > MAX_BODY) {
            throw new InvalidInputException("templates are at most " + MAX_BODY + " characters");
        }
        this.topic = newTopic == null || newTopic.isBlank() ? null : newTopic.strip().toLowerCase(Locale.ROOT);
        if (this.topic != null && this.topic.length() > 64) {
            throw new InvalidInputException("the topic is at most 64 characters");
        }
        this.body = newBody.strip();
        this.updatedBy = Objects.requireNonNull(user);
        this.updatedAt = Objects.requireNonNull(at);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Kind getKind() {
        return kind;
    }

    public String getTopic() {
        return topic;
    }

    public String getBody() {
        return body;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
