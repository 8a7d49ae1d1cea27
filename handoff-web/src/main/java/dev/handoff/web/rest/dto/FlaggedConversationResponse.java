package dev.handoff.web.rest.dto;

import dev.handoff.escalation.boundary.CurationCandidate;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An escalation agents flagged as not needed, and the suites that already hold a case from it.")
public record FlaggedConversationResponse(String conversationId, String customer, String state, Instant escalatedAt,
        String escalationReason, @Schema(description = "The triggers the flag was recorded against") List<String> triggers,
        String flaggedBy, String flagReason, Instant flaggedAt, List<String> inSuites) {

    public static FlaggedConversationResponse of(CurationCandidate c) {
        return new FlaggedConversationResponse(c.conversationId(), c.customer(), c.state(), c.escalatedAt(), c.escalationReason(),
                c.triggers(), c.flaggedBy(), c.flagReason(), c.flaggedAt(), c.inSuites());
    }
}
