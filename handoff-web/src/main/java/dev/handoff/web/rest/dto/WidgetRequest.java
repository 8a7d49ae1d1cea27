package dev.handoff.web.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A widget call: what the visitor wrote or chose, and the page they are on. Fields not used by a call are ignored.")
public record WidgetRequest(
        @Schema(description = "session: an earlier visitor token to resume") String token,
        @Schema(description = "session: what the embedding page knows about the signed-in visitor") CustomerRequest customer,
        PageRequest page,
        @Schema(description = "messages: the customer's text") String text,
        @Schema(description = "the last message seq the widget has; messages after it are returned") Integer after,
        @Schema(description = "csat: 1 to 5") Integer rating,
        @Schema(description = "csat: optional comment") String comment,
        @Schema(description = "follow-up: phone (a callback) or email (an e-mail answer)") String channel,
        @Schema(description = "follow-up: the phone number or e-mail address") String contact,
        @Schema(description = "follow-up: when to call, in the customer's words") String preferredTime) {}
