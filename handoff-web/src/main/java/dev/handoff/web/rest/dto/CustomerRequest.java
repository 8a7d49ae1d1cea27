package dev.handoff.web.rest.dto;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The customer as the bot platform knows them. Only externalId is required; later values update the profile.")
public record CustomerRequest(
        @Schema(required = true, example = "cus-1001", maxLength = 128) String externalId,
        @Schema(example = "Sarah Lee", maxLength = 200) String name,
        @Schema(example = "sarah.lee@example.com", maxLength = 254) String email,
        @Schema(example = "enterprise", maxLength = 64, description = "Plan or tier") String tier,
        @Schema(example = "48000", description = "Account value (e.g. annual revenue), not negative, below 1e13 with at most 2 decimal places")
        @Digits(integer = 13, fraction = 2) BigDecimal accountValue,
        @Schema(example = "Lee Logistics", maxLength = 200) String company,
        @Schema(example = "2027-03-31", description = "Contract renewal date") LocalDate renewalDate,
        @Schema(example = "Prefers e-mail follow-ups", maxLength = 2000) String notes) {}
