package dev.handoff.desk.boundary;

import dev.handoff.desk.entity.ReplyTemplate;
import java.time.Instant;

/** A template as the admin page lists it, or (with {@code rendered}) as the chat page offers it. */
public record TemplateView(Long id, String name, String kind, String topic, String body, String rendered, String updatedBy, Instant updatedAt) {

    static TemplateView of(ReplyTemplate t, String rendered) {
        return new TemplateView(t.getId(), t.getName(), t.getKind().name().toLowerCase(java.util.Locale.ROOT), t.getTopic(), t.getBody(),
                rendered, t.getUpdatedBy(), t.getUpdatedAt());
    }
}
