package dev.handoff.web.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Messages after a sequence number, oldest first. Poll again with after=lastSeq.")
public record MessagePage(
        List<MessageResponse> messages,
        @Schema(description = "The highest seq returned, or the 'after' asked for when there is nothing new") int lastSeq,
        @Schema(enumeration = {"bot", "queued", "assigned", "resolved", "closed"}) String state) {}
