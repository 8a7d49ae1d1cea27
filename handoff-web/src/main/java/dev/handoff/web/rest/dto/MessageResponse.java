package dev.handoff.web.rest.dto;

import dev.handoff.conversation.boundary.MessageView;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A transcript message. seq numbers a conversation's messages 1, 2, 3...")
public record MessageResponse(
        @Schema(example = "3") int seq,
        @Schema(enumeration = {"customer", "bot", "agent", "system"}) String author,
        @Schema(example = "Alice Martin") String authorName,
        String text,
        String intent,
        Double confidence,
        String pageUrl,
        Instant createdAt) {

    public static MessageResponse of(MessageView m) {
        return new MessageResponse(m.seq(), m.author(), m.authorName(), m.text(), m.intent(), m.confidence(), m.pageUrl(),
                m.createdAt());
    }
}
