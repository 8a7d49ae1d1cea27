package dev.handoff.web.rest.dto;

import dev.handoff.conversation.boundary.TriggerView;
import dev.handoff.escalation.control.TriggerFiring;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A trigger that fired, why, and on what evidence.")
public record TriggerResponse(
        @Schema(example = "billing-dispute") String name,
        @Schema(example = "Billing or refund words: \"charged twice\"") String reason,
        @Schema(example = "charged twice") String evidence,
        @Schema(description = "The message it fired on") Integer messageSeq) {

    public static TriggerResponse of(TriggerView t) {
        return new TriggerResponse(t.name(), t.reason(), t.evidence(), t.messageSeq());
    }

    public static TriggerResponse of(TriggerFiring f, Integer seq) {
        return new TriggerResponse(f.name(), f.reason(), f.evidence(), seq);
    }
}
