package dev.handoff.web.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The customer's satisfaction rating of an ended conversation")
public record CsatRequest(@Schema(minimum = "1", maximum = "5", example = "4", required = true) Integer rating,
        @Schema(maxLength = 1000, example = "Quick and friendly") String comment) {}
