package dev.handoff.web.rest.dto;

import dev.handoff.conversation.boundary.QueueStatus;
import dev.handoff.widget.boundary.WidgetState;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What the chat widget shows: the visitor's conversation, new messages, the queue, the choices offered")
public record WidgetStateResponse(
        @Schema(description = "Only when a new visitor session was made: the browser keeps it and sends it as X-Visitor-Token") String token,
        String conversationId,
        @Schema(enumeration = {"new", "bot", "queued", "assigned", "resolved", "closed"}) String state,
        List<MessageResponse> messages,
        Queue queue,
        @Schema(description = "The wait is long or nobody is available: offer keep waiting, a callback or an e-mail answer") boolean followUpOffered,
        @Schema(description = "Help articles for the chat's topic while waiting") List<Article> articles,
        List<FollowUp> followUps,
        @Schema(description = "The chat ended: ask for the rating (1-5 and a comment)") boolean csatAsked,
        ConversationResponse.Csat csat,
        String agentName,
        String previousConversationId) {

    public record Queue(Integer position, Long estimatedWaitSeconds, long waitedSeconds, String text, String unavailable) {}

    public record Article(String slug, String title, String topic, String summary, String body) {}

    public record FollowUp(String kind, String contact, String preferredTime, Instant dueAt, String state) {}

    public static WidgetStateResponse of(String token, WidgetState s) {
        QueueStatus q = s.queue();
        return new WidgetStateResponse(token, s.conversationId(), s.state(), s.messages().stream().map(MessageResponse::of).toList(),
                q == null || q.position() == null ? null
                        : new Queue(q.position(), q.estimatedWaitSeconds(), q.waitedSeconds(), q.text(), q.unavailable()),
                s.followUpOffered(),
                s.articles().stream().map(a -> new Article(a.slug(), a.title(), a.topic(), a.summary(), a.body())).toList(),
                s.followUps().stream().map(f -> new FollowUp(f.kind(), f.contact(), f.preferredTime(), f.dueAt(), f.state())).toList(),
                s.csatAsked(), s.csat() == null ? null : new ConversationResponse.Csat(s.csat().rating(), s.csat().comment(), s.csat().at()),
                s.agentName(), s.previousConversationId());
    }
}
