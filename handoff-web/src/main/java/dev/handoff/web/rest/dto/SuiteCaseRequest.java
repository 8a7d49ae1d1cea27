package dev.handoff.web.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Which part of a conversation becomes a labelled case, and the verdict it should get.")
public record SuiteCaseRequest(
        @Schema(required = true, enumeration = {"stay", "escalate"}, maxLength = 16,
                description = "stay: the escalation was not needed; escalate: the bot missed (or was late with) an escalation") String expected,
        @Schema(enumeration = {"message", "transcript"}, maxLength = 16,
                description = "message: one customer message; transcript: the customer and bot lines up to it, in the suites' transcript syntax. "
                        + "Default: message when the cut is at a customer message") String form,
        @Schema(description = "The message (seq) to cut at. Default: the escalating message for stay; for escalate the last customer "
                + "message before the escalation, or of the whole conversation if the bot kept it") Integer upTo,
        @Schema(maxLength = 120) String category,
        @Schema(maxLength = 120, description = "For escalate cases: the trigger that should catch it") String expectedTrigger,
        @Schema(maxLength = 1000, description = "Default: where the case came from (conversation, triggers, who flagged it)") String notes) {}
