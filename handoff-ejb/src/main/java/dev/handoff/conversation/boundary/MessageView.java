package dev.handoff.conversation.boundary;

import dev.handoff.conversation.entity.Message;
import java.time.Instant;

/** A transcript line as the API and the portal show it. */
public record MessageView(int seq, String author, String authorName, String text, String intent,
        Double confidence, String pageUrl, Instant createdAt) {

    public static MessageView of(Message m) {
        return new MessageView(m.getSeq(), m.getAuthor().wireName(), m.getAuthorName(), m.getText(), m.getIntent(),
                m.getConfidence(), m.getPageUrl(), m.getCreatedAt());
    }
}
