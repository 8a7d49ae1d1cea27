package dev.handoff.web.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Publishes the draft. overrideReason is required (and recorded) when the draft is below the floor.")
public record PublishRequest(@Schema(maxLength = 1000, example = "Adds the shipping-delay topic") String note,
        @Schema(maxLength = 1000) String overrideReason) {}
