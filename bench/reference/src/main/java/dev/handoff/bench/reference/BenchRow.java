package dev.handoff.bench.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One row per request, shaped like a chat message. */
@Entity
@Table(name = "bench_row")
public class BenchRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "conversation_id", length = 36)
    String conversationId;

    @Column(length = 16)
    String author;

    @Column(length = 4000)
    String text;

    @Column(name = "created_at")
    LocalDateTime createdAt;

    protected BenchRow() {}

    BenchRow(String conversationId, String author, String text, LocalDateTime createdAt) {
        this.conversationId = conversationId;
        this.author = author;
        this.text = text;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }
}
