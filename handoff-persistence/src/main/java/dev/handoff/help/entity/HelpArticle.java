package dev.handoff.help.entity;

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

/** A help article: what the demo bot answers from, and what a waiting customer is shown for the chat's topic. */
@Entity
@Table(name = "help_article")
@NamedQuery(name = HelpArticle.FIND_ALL, query = "SELECT a FROM HelpArticle a ORDER BY a.topic, a.title")
@NamedQuery(name = HelpArticle.FIND_BY_SLUG, query = "SELECT a FROM HelpArticle a WHERE a.slug = :slug")
public class HelpArticle {

    public static final String FIND_ALL = "HelpArticle.findAll";
    public static final String FIND_BY_SLUG = "HelpArticle.findBySlug";
    public static final int MAX_BODY = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 120)
    private String slug;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = MAX_BODY)
    private String body;

    @Column(nullable = false, length = 64)
    private String topic;

    @Column(nullable = false)
    private boolean published;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected HelpArticle() {}

    public HelpArticle(String slug, String title, String body, String topic, String user, Instant at) {
        this.slug = slugOf(slug == null || slug.isBlank() ? title : slug);
        edit(title, body, topic, true, user, at);
    }

    public void edit(String newTitle, String newBody, String newTopic, boolean publish, String user, Instant at) {
        if (newTitle == null || newTitle.isBlank() || newTitle.strip().length() > 200) {
            throw new InvalidInputException("title", "title is required, at most 200 characters");
        }
        if (newBody == null || newBody.isBlank() || newBody.strip().length() > MAX_BODY) {
            throw new InvalidInputException("body", "body is required, at most " + MAX_BODY + " characters");
        }
        String t = newTopic == null || newTopic.isBlank() ? "general" : newTopic.strip().toLowerCase(Locale.ROOT);
        if (!t.matches("[a-z0-9_-]{1,64}")) {
            throw new InvalidInputException("topic", "topic is a skill name such as billing (letters, digits, - and _)");
        }
        this.title = newTitle.strip();
        this.body = newBody.strip();
        this.topic = t;
        this.published = publish;
        this.updatedBy = user;
        this.updatedAt = at;
    }

    public static String slugOf(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (s.isEmpty()) {
            throw new InvalidInputException("slug", "slug needs letters or digits");
        }
        return s.length() > 120 ? s.substring(0, 120) : s;
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public String getTopic() {
        return topic;
    }

    public boolean isPublished() {
        return published;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
