package dev.handoff.web.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What the live trigger set would do. Nothing is stored.")
public record EvaluateResponse(
        boolean escalated,
        List<TriggerResponse> triggers,
        @Schema(example = "billing") String requiredSkill,
        @Schema(description = "Urgency of the handoff; higher first") int priority,
        @Schema(description = "1-based index of the message that would escalate, if any") Integer escalatingMessage,
        @Schema(description = "How many messages were read") int evaluatedMessages) {}
