package dev.handoff.web.rest.dto;

import jakarta.json.JsonObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Starts a conversation.")
public record StartConversationRequest(
        @Schema(required = true) CustomerRequest customer,
        @Schema(example = "web", maxLength = 64, description = "web (default), mobile, whatsapp, ...") String channel,
        PageRequest page,
        @Schema(description = "Free JSON object kept with the conversation (at most 4000 characters serialised)",
                example = "{\"locale\": \"en-GB\", \"botSession\": \"b-9f2\"}") JsonObject metadata) {}
