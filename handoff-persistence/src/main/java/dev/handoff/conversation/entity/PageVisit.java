package dev.handoff.conversation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** A page the customer was on during the conversation, oldest first. */
@Embeddable
public class PageVisit {

    @Column(name = "url", nullable = false, length = 2048)
    private String url;

    @Column(name = "title", length = 300)
    private String title;

    @Column(name = "seen_at", nullable = false)
    private Instant seenAt;

    protected PageVisit() {}

    public PageVisit(String url, String title, Instant seenAt) {
        this.url = url;
        this.title = title;
        this.seenAt = seenAt;
    }

    public String getUrl() {
        return url;
    }

    public String getTitle() {
        return title;
    }

    public Instant getSeenAt() {
        return seenAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PageVisit p && java.util.Objects.equals(url, p.url) && java.util.Objects.equals(title, p.title)
                && java.util.Objects.equals(seenAt, p.seenAt);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(url, title, seenAt);
    }
}
