package dev.handoff.web.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A customer, bot or system message.")
public record PostMessageRequest(
        @Schema(required = true, enumeration = {"customer", "bot", "system"}, example = "customer", maxLength = 16) String author,
        @Schema(required = true, maxLength = 4000, example = "I was charged twice, I want to talk to a person") String text,
        @Schema(description = "The bot's intent for a bot message", example = "billing_question", maxLength = 128) String intent,
        @Schema(description = "The bot's confidence in its answer, 0..1", example = "0.42") Double confidence,
        PageRequest page,
        @Schema(description = "The bot platform's own id for this message. A message posted again with the same clientMessageId in the "
                + "same conversation is stored once; the answer then describes the stored message.", example = "m-7f3a", maxLength = 128)
        String clientMessageId) {}
