package dev.handoff.conversation.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What the agent sees before accepting, captured when the chat is handed over: a 2-3 sentence
 * summary (and which summarizer wrote it), the facts found in the transcript, the pages visited.
 */
@Entity
@Table(name = "handoff_context")
public class HandoffContext {

    public static final int MAX_SUMMARY = 1000;

    @Id
    @Column(name = "conversation_id", length = 36)
    private String conversationId;

    @Column(nullable = false, length = MAX_SUMMARY)
    private String summary;

    @Column(name = "summary_source", nullable = false, length = 120)
    private String summarySource;

    @Column(name = "summary_note", length = 200)
    private String summaryNote;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "handoff_context_fact", joinColumns = @JoinColumn(name = "conversation_id"))
    @OrderColumn(name = "position")
    private List<ContextFact> facts = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "handoff_context_page", joinColumns = @JoinColumn(name = "conversation_id"))
    @OrderColumn(name = "position")
    private List<PageVisit> pages = new ArrayList<>();

    @Column(name = "captured_at", nullable = false)
    private Instant capturedAt;

    @Version
    private long version;

    protected HandoffContext() {}

    public HandoffContext(String conversationId, Instant capturedAt) {
        this.conversationId = Objects.requireNonNull(conversationId);
        this.capturedAt = Objects.requireNonNull(capturedAt);
    }

    public void summarised(String text, String source, String note) {
        String t = text == null || text.isBlank() ? "(no summary)" : text.strip();
        this.summary = t.length() > MAX_SUMMARY ? t.substring(0, MAX_SUMMARY - 1) + "…" : t;
        this.summarySource = source.length() > 120 ? source.substring(0, 120) : source;
        this.summaryNote = note == null ? null : note.length() > 200 ? note.substring(0, 200) : note;
    }

    /** Replaces the facts; the same facts again change nothing (no rows rewritten, no new version). */
    public boolean replaceFacts(List<ContextFact> newFacts) {
        if (facts.equals(newFacts)) {
            return false;
        }
        facts.clear();
        facts.addAll(newFacts);
        return true;
    }

    /** Replaces the page trail; the same trail again changes nothing. */
    public boolean replacePages(List<PageVisit> newPages) {
        if (pages.equals(newPages)) {
            return false;
        }
        pages.clear();
        pages.addAll(newPages);
        return true;
    }

    public String getConversationId() {
        return conversationId;
    }

    public String getSummary() {
        return summary;
    }

    public String getSummarySource() {
        return summarySource;
    }

    public String getSummaryNote() {
        return summaryNote;
    }

    public List<ContextFact> getFacts() {
        return Collections.unmodifiableList(facts);
    }

    public List<PageVisit> getPages() {
        return Collections.unmodifiableList(pages);
    }

    public Instant getCapturedAt() {
        return capturedAt;
    }
}
