package dev.handoff.web.rest.dto;

import dev.handoff.escalation.boundary.TriggerSetView;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A version of the trigger set (without its document).")
public record TriggerSetVersionResponse(Integer versionNo, @Schema(enumeration = {"draft", "published", "retired"}) String status,
        String name, String createdBy, Instant createdAt, String publishedBy, Instant publishedAt, String changeNote,
        Double catchRate, Double falsePositiveRate, String overrideReason) {

    public static TriggerSetVersionResponse of(TriggerSetView v) {
        return new TriggerSetVersionResponse(v.versionNo(), v.status(), v.name(), v.createdBy(), v.createdAt(), v.publishedBy(),
                v.publishedAt(), v.changeNote(), v.catchRate(), v.falsePositiveRate(), v.overrideReason());
    }
}
