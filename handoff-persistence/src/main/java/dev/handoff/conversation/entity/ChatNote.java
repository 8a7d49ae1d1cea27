package dev.handoff.conversation.entity;

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
import java.time.Instant;
import java.util.Objects;

/** An internal note on a chat: agents and supervisors see it, the customer and the bot API never do. */
@Entity
@Table(name = "chat_note")
@NamedQuery(name = ChatNote.FIND_BY_CONVERSATION, query = "SELECT n FROM ChatNote n WHERE n.conversationId = :conversationId ORDER BY n.id")
public class ChatNote {

    public static final String FIND_BY_CONVERSATION = "ChatNote.findByConversation";
    public static final int MAX_TEXT = 2000;
    /** The longest display name kept with a note; longer names (a customer's may be 200 characters) are cut. */
    public static final int MAX_AUTHOR_NAME = 120;

    /**
     * A plain note, the note handed over with a transfer, a question to a consulted colleague, the
     * customer's follow-up request, or a supervisor's whisper to the owner.
     */
    public enum Kind { NOTE, TRANSFER, CONSULT, FOLLOW_UP, WHISPER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "conversation_id", nullable = false, length = 36)
    private String conversationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Column(nullable = false, length = 64)
    private String author;

    @Column(name = "author_name", nullable = false, length = MAX_AUTHOR_NAME)
    private String authorName;

    @Column(nullable = false, length = MAX_TEXT)
    private String text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ChatNote() {}

    public ChatNote(String conversationId, Kind kind, String author, String authorName, String text, Instant at) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("the note is empty");
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidInputException("notes are at most " + MAX_TEXT + " characters");
        }
        this.conversationId = Objects.requireNonNull(conversationId);
        this.kind = Objects.requireNonNull(kind);
        this.author = Objects.requireNonNull(author);
        String name = authorName == null ? author : authorName;
        this.authorName = name.length() > MAX_AUTHOR_NAME ? name.substring(0, MAX_AUTHOR_NAME - 1) + "…" : name;
        this.text = text.strip();
        this.createdAt = Objects.requireNonNull(at);
    }

    public Long getId() {
        return id;
    }

    public String getConversationId() {
        return conversationId;
    }

    public Kind getKind() {
        return kind;
    }

    public String getAuthor() {
        return author;
    }

    public String getAuthorName() {
        return authorName;
    }

    public String getText() {
        return text;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
