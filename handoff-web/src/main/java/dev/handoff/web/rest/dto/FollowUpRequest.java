package dev.handoff.web.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The customer would rather be contacted than wait: by e-mail or a call back.")
public record FollowUpRequest(
        @Schema(required = true, enumeration = {"email", "phone"}, maxLength = 16) String channel,
        @Schema(required = true, example = "sarah.lee@example.com", description = "An e-mail address or a phone number", maxLength = 254) String contact,
        @Schema(example = "weekdays after 5pm", maxLength = 100) String preferredTime) {}
