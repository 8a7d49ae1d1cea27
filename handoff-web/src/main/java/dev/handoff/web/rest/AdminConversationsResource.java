package dev.handoff.web.rest;

import dev.handoff.escalation.boundary.SuiteCuration;
import dev.handoff.web.rest.dto.FlaggedConversationResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Conversations worth a labelled case, for admin-scoped API keys: the escalations agents flagged as
 * not needed. Add one to a suite with {@code POST admin/suites/{name}/cases/from-conversation/{id}}.
 */
@AdminKey
@Path("admin/conversations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: labelled suites")
@APIResponse(responseCode = "403", description = "The API key is not admin-scoped",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
public class AdminConversationsResource {

    @Inject
    SuiteCuration curation;

    @GET
    @Path("flagged")
    @Operation(summary = "Escalations flagged as not needed",
            description = "Most recently flagged first (limit 1-200, default 50): the conversation, the triggers the flag was recorded against, "
                    + "who flagged it and why, and the suites that already hold a case from it.")
    public List<FlaggedConversationResponse> flagged(@QueryParam("limit") String limitParam) {
        int limit = Checks.intParam(limitParam, 50, 1, 200, "limit");
        return curation.flagged(limit, true).stream().map(FlaggedConversationResponse::of).toList();
    }
}
