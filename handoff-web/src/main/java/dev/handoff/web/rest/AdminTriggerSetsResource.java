package dev.handoff.web.rest;

import dev.handoff.escalation.boundary.TriggerSetService;
import dev.handoff.escalation.boundary.TriggerSetView;
import dev.handoff.escalation.control.DefaultTriggerSet;
import dev.handoff.escalation.control.TriggerSetDocument;
import dev.handoff.platform.InvalidInputException;
import dev.handoff.web.rest.dto.BenchResponse;
import dev.handoff.web.rest.dto.EvaluateRequest;
import dev.handoff.web.rest.dto.EvaluateResponse;
import dev.handoff.web.rest.dto.PublishRequest;
import dev.handoff.web.rest.dto.ReplayResponse;
import dev.handoff.web.rest.dto.TriggerSetVersionResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Trigger sets as code, for admin-scoped API keys: export the live set or any version, import a
 * document as the draft, try it on a message or transcript, bench it, publish it (floor checks
 * apply), roll back. Importing, benching and publishing answer with warnings about triggers that
 * route to a skill no active agent has. The document format is in docs/triggers.md.
 */
@AdminKey
@Path("admin/trigger-sets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: trigger sets")
@APIResponse(responseCode = "403", description = "The API key is not admin-scoped",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
public class AdminTriggerSetsResource {

    static final String VERSION_HEADER = "X-Trigger-Set-Version";

    @Inject
    TriggerSetService triggerSets;

    @Context
    ContainerRequestContext request;

    @GET
    @Path("live")
    @Operation(summary = "Export the live trigger set", description = "The document of the published version; its number is in the X-Trigger-Set-Version header.")
    public Response live() {
        TriggerSetView v = triggerSets.live();
        return document(caller(), v);
    }

    @GET
    @Path("versions")
    @Operation(summary = "List published versions, newest first")
    public List<TriggerSetVersionResponse> versions() {
        return triggerSets.history().stream().map(TriggerSetVersionResponse::of).toList();
    }

    @GET
    @Path("versions/{n}")
    @Operation(summary = "Export one version")
    public Response version(@PathParam("n") int n) {
        return document(caller(), triggerSets.version(n));
    }

    @POST
    @Path("versions/{n}/rollback")
    @Operation(summary = "Roll back", description = "Publishes a copy of version n as the next version; the history keeps both.")
    public TriggerSetVersionResponse rollback(@PathParam("n") int n) {
        return TriggerSetVersionResponse.of(triggerSets.rollback(n, caller()));
    }

    @GET
    @Path("draft")
    @Operation(summary = "Export the draft", description = "Starts a draft from the live version if there is none.")
    public Response draft() {
        String who = caller();
        return document(who, triggerSets.draft(who));
    }

    @PUT
    @Path("draft")
    @Operation(summary = "Import a trigger set as the draft",
            description = "Validates the whole document (every problem names its field, e.g. triggers[3].minScore) and trains its topics. Nothing goes live until published.")
    @APIResponse(responseCode = "200", description = "The draft, with warnings about triggers that route to a skill no active agent has",
            content = @Content(schema = @Schema(implementation = TriggerSetVersionResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or an invalid document",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public TriggerSetVersionResponse importDraft(String body) {
        String who = caller();
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "send the trigger-set document as the body");
        }
        TriggerSetDocument document = DefaultTriggerSet.parse(body);
        return TriggerSetVersionResponse.of(triggerSets.saveDraft(document, who));
    }

    @DELETE
    @Path("draft")
    @Operation(summary = "Discard the draft")
    public Response discard() {
        triggerSets.discardDraft();
        return Response.noContent().build();
    }

    @POST
    @Path("draft/evaluate")
    @Operation(summary = "Evaluate a message or a transcript with the draft (dry run)",
            description = "The same request and answer as POST /evaluate, but run on the draft trigger set instead of the live one; "
                    + "a draft is started from the live version if there is none (as GET draft does). Nothing else is stored.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EvaluateRequest.class),
            examples = @ExampleObject(name = "one message", value = "{\"text\":\"my account was hacked\"}")))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EvaluateResponse.class)))
    @APIResponse(responseCode = "400", description = "Neither text nor messages, or an invalid message",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public EvaluateResponse evaluateDraft(EvaluateRequest body) {
        String who = caller();
        return EvaluateResponse.of(triggerSets.evaluateDraft(EvaluateResource.input(body), who));
    }

    @POST
    @Path("draft/bench")
    @Operation(summary = "Bench the draft",
            description = "Runs the draft over one labelled suite (?suite=name), or by default over the publishing gate (the suites the admin "
                    + "marked as gates; the shipped suite unless switched off): catch rate, false positives, misses, false alarms, cases "
                    + "caught by another trigger than expected, and warnings about triggers that route to a skill no active agent has.")
    public BenchResponse bench(@QueryParam("suite") String suite) {
        String who = caller();
        TriggerSetService.DraftCheck check = triggerSets.checkDraft(who, suite == null || suite.isBlank() ? null : suite);
        return BenchResponse.of(check.report(), check.warnings());
    }

    @POST
    @Path("draft/replay")
    @Operation(summary = "Replay history through the draft",
            description = "Runs the stored conversations of the last `days` days (1-90, default 7) through the live set and the draft: handoff rates, per-trigger counts and the conversations whose verdict changes.")
    public ReplayResponse replay(@QueryParam("days") String days) {
        return ReplayResponse.of(triggerSets.replayDraft(caller(), Checks.intParam(days, 7, 1, 90, "days")));
    }

    @POST
    @Path("draft/publish")
    @Operation(summary = "Publish the draft",
            description = "Makes the draft the next live version. Refused with 409 below the catch-rate floor or above the false-positive ceiling "
                    + "of the gate suites unless overrideReason is given; the override is recorded. The answer's warnings name triggers that "
                    + "route to a skill no active agent has (their handoffs wait in the queue), and say so when no suite guarded the publication.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TriggerSetVersionResponse.class)))
    @APIResponse(responseCode = "409", description = "Below the floor without an override",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public TriggerSetVersionResponse publish(PublishRequest body) {
        String who = caller();
        PublishRequest request = body == null ? new PublishRequest(null, null) : body;
        Checks.max(request.note(), 1000, "note");
        Checks.max(request.overrideReason(), 1000, "overrideReason");
        return TriggerSetVersionResponse.of(triggerSets.publish(who, request.note(), request.overrideReason()));
    }

    private static Response document(String who, TriggerSetView v) {
        return Response.ok(v.document(), MediaType.APPLICATION_JSON_TYPE)
                .header(VERSION_HEADER, v.versionNo() == null ? "draft" : v.versionNo().toString())
                .build();
    }

    private String caller() {
        return AdminKeys.caller(request);
    }
}
