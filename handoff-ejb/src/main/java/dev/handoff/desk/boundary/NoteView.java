package dev.handoff.desk.boundary;

import dev.handoff.conversation.entity.ChatNote;
import java.time.Instant;

/** An internal note as the chat page shows it. */
public record NoteView(String kind, String author, String authorName, String text, Instant createdAt) {

    static NoteView of(ChatNote n) {
        return new NoteView(n.getKind().name().toLowerCase(java.util.Locale.ROOT), n.getAuthor(), n.getAuthorName(), n.getText(), n.getCreatedAt());
    }
}
