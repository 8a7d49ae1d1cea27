package dev.handoff.web.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A dry run: either one customer message (text) or a whole transcript (messages), optionally with customer data.")
public record EvaluateRequest(
        @Schema(example = "How do refunds work?", maxLength = 4000) String text,
        List<EvaluateLine> messages,
        CustomerRequest customer) {

    public record EvaluateLine(
            @Schema(enumeration = {"customer", "bot", "system", "agent"}, maxLength = 16) String author,
            @Schema(maxLength = 4000) String text,
            Double confidence) {}
}
