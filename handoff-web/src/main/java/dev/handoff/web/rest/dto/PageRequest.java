package dev.handoff.web.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The page the customer is on.")
public record PageRequest(
        @Schema(example = "https://app.example.com/billing/invoices", maxLength = 2048) String url,
        @Schema(example = "Invoices", maxLength = 300) String title) {}
