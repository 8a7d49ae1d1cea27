package dev.handoff.web.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The stored message and what it did: is the conversation escalated now, which triggers fired and why.")
public record PostMessageResponse(
        MessageResponse message,
        @Schema(description = "Whether the conversation is escalated (queued, assigned or resolved by an agent)") boolean escalated,
        @Schema(description = "Whether this very message escalated it") boolean escalatedNow,
        @Schema(description = "Triggers this message fired (empty if none)") List<TriggerResponse> triggers,
        @Schema(enumeration = {"bot", "queued", "assigned", "resolved", "closed"}) String state,
        ConversationResponse conversation,
        @Schema(description = "When this message handed the chat over: what the customer was told (also in the transcript as a system message)",
                example = "I'm connecting you with a specialist who can help with your billing concern.") String transition,
        @Schema(description = "When this message handed the chat over: what was passed on, if facts were found",
                example = "I've passed along your transaction IDs TX-88231 and TX-88232 and your billing concern, so you won't need to repeat yourself.")
        String confirmation) {}
