package dev.handoff.conversation.entity;

import dev.handoff.platform.InvalidInputException;
import dev.handoff.platform.entity.Author;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One line of a transcript. {@code seq} numbers messages 1, 2, 3… within their conversation. */
@Entity
@Table(name = "message")
@NamedQuery(name = Message.FIND_AFTER, query = "SELECT m FROM Message m WHERE m.conversation.id = :conversationId AND m.seq > :after ORDER BY m.seq")
@NamedQuery(name = Message.FIND_BY_CLIENT_ID,
        query = "SELECT m FROM Message m WHERE m.conversation.id = :conversationId AND m.clientMessageId = :clientMessageId")
public class Message {

    public static final String FIND_AFTER = "Message.findAfter";
    public static final String FIND_BY_CLIENT_ID = "Message.findByClientId";
    /** The longest id the bot platform may give its own message. */
    public static final int MAX_CLIENT_ID = 128;
    /** The longest text a message may carry, in characters (documented in docs/api.md). */
    public static final int MAX_TEXT = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "conversation_id", nullable = false)
    private Conversation conversation;

    @Column(nullable = false)
    private int seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Author author;

    @Column(name = "author_name", length = 120)
    private String authorName;

    @Column(nullable = false, length = MAX_TEXT)
    private String text;

    @Column(length = 128)
    private String intent;

    private Double confidence;

    @Column(name = "page_url", length = 2048)
    private String pageUrl;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "client_message_id", length = MAX_CLIENT_ID)
    private String clientMessageId;

    protected Message() {}

    Message(Conversation conversation, int seq, Author author, String authorName, String text, Instant at) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("message text is required");
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidInputException("message text exceeds " + MAX_TEXT + " characters");
        }
        this.conversation = conversation;
        this.seq = seq;
        this.author = Objects.requireNonNull(author);
        this.authorName = authorName;
        this.text = text;
        this.createdAt = Objects.requireNonNull(at);
    }

    /** The bot platform's own id for the message: a message with the same id in the conversation is stored once. */
    public Message withClientId(String id) {
        if (id != null && (id.isBlank() || id.length() > MAX_CLIENT_ID)) {
            throw new InvalidInputException("clientMessageId must be 1 to " + MAX_CLIENT_ID + " characters");
        }
        this.clientMessageId = id;
        return this;
    }

    public String getClientMessageId() {
        return clientMessageId;
    }

    public Message withBotSignal(String botIntent, Double botConfidence) {
        if (botConfidence != null && !(botConfidence >= 0 && botConfidence <= 1)) {
            throw new InvalidInputException("confidence must be between 0 and 1");
        }
        this.intent = botIntent;
        this.confidence = botConfidence;
        return this;
    }

    public Message onPage(String url) {
        this.pageUrl = url;
        return this;
    }

    public Long getId() {
        return id;
    }

    public Conversation getConversation() {
        return conversation;
    }

    public int getSeq() {
        return seq;
    }

    public Author getAuthor() {
        return author;
    }

    public String getAuthorName() {
        return authorName;
    }

    public String getText() {
        return text;
    }

    public String getIntent() {
        return intent;
    }

    public Double getConfidence() {
        return confidence;
    }

    public String getPageUrl() {
        return pageUrl;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
