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
import java.time.Instant;
import java.util.Locale;

/**
 * A text the customer is sent at one step of the handoff ({@link Kind}), for one topic (a skill) or
 * for every topic ({@code *}), with {@code {{variable}}} placeholders filled in when it is sent.
 */
@Entity
@Table(name = "customer_template")
@NamedQuery(name = CustomerTemplate.FIND_ALL, query = "SELECT t FROM CustomerTemplate t ORDER BY t.kind, t.topic")
public class CustomerTemplate {

    public static final String FIND_ALL = "CustomerTemplate.findAll";
    public static final String ANY_TOPIC = "*";
    public static final int MAX_BODY = 1000;

    /** The steps at which the customer is told something. */
    public enum Kind {
        /** The chat goes to a person. */
        TRANSITION,
        /** The chat goes to a person and the customer is frustrated. */
        TRANSITION_EMPATHETIC,
        /** What was passed on (facts from the context package). */
        CONFIRMATION,
        /** Where the customer stands in the queue. */
        QUEUE,
        /** An agent joined. */
        JOINED,
        /** The agent resolved the chat. */
        GOODBYE,
        /** The satisfaction question after the goodbye. */
        CSAT_QUESTION,
        /** The wait is long: keep waiting, callback or e-mail. */
        LONG_WAIT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 24)
    private String kind;

    @Column(nullable = false, length = 64)
    private String topic;

    @Column(nullable = false, length = MAX_BODY)
    private String body;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected CustomerTemplate() {}

    public CustomerTemplate(Kind kind, String topic, String body, String user, Instant at) {
        this.kind = kind.name();
        this.topic = topicOf(topic);
        edit(body, user, at);
    }

    public void edit(String newBody, String user, Instant at) {
        if (newBody == null || newBody.isBlank() || newBody.strip().length() > MAX_BODY) {
            throw new InvalidInputException("body", "body is required, at most " + MAX_BODY + " characters");
        }
        this.body = newBody.strip();
        this.updatedBy = user;
        this.updatedAt = at;
    }

    public static String topicOf(String topic) {
        String t = topic == null || topic.isBlank() ? ANY_TOPIC : topic.strip().toLowerCase(Locale.ROOT);
        if (!t.equals(ANY_TOPIC) && !t.matches("[a-z0-9_-]{1,64}")) {
            throw new InvalidInputException("topic", "topic is a skill name such as billing, or * for every topic");
        }
        return t;
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return Kind.valueOf(kind);
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
