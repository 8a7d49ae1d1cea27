package dev.handoff.web.rest.dto;

import dev.handoff.escalation.boundary.EvaluationService;
import dev.handoff.escalation.control.Decision;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What the trigger set (the live one, or the admin's draft) would do. Nothing is stored.")
public record EvaluateResponse(
        boolean escalated,
        List<TriggerResponse> triggers,
        @Schema(example = "billing") String requiredSkill,
        @Schema(description = "Urgency of the handoff; higher first") int priority,
        @Schema(description = "1-based index of the message that would escalate, if any") Integer escalatingMessage,
        @Schema(description = "How many messages were read") int evaluatedMessages) {

    public static EvaluateResponse of(EvaluationService.Evaluation result) {
        Decision decision = result.decision();
        Integer at = result.escalatedAt() == 0 ? null : result.escalatedAt();
        return new EvaluateResponse(decision.escalate(),
                decision.firings().stream().map(f -> TriggerResponse.of(f, at)).toList(),
                result.requiredSkill(),
                decision.priority(), at, result.evaluated());
    }
}
