package dev.handoff.web.rest.dto;

import dev.handoff.escalation.boundary.TriggerSetView;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A version of the trigger set (without its document).")
public record TriggerSetVersionResponse(Integer versionNo, @Schema(enumeration = {"draft", "published", "retired"}) String status,
        String name, String createdBy, Instant createdAt, String publishedBy, Instant publishedAt, String changeNote,
        @Schema(description = "On the publishing gate; left out when no suite guarded the publication") Double catchRate,
        Double falsePositiveRate, String overrideReason,
        @Schema(description = "Answers to importing and publishing the draft: triggers that route to a skill no active agent has, "
                + "a publication no suite guarded. Left out when there are none.",
                example = "[\"Trigger 'account-security' routes to skill 'security', which no agent has: its handoffs will wait in the queue until someone with that skill is added\"]")
        List<String> warnings) {

    public static TriggerSetVersionResponse of(TriggerSetView v) {
        return new TriggerSetVersionResponse(v.versionNo(), v.status(), v.name(), v.createdBy(), v.createdAt(), v.publishedBy(),
                v.publishedAt(), v.changeNote(), v.catchRate(), v.falsePositiveRate(), v.overrideReason(),
                v.warnings().isEmpty() ? null : v.warnings());
    }
}
