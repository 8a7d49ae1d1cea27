package dev.handoff.web.rest;

import dev.handoff.escalation.boundary.CaseFromConversation;
import dev.handoff.escalation.boundary.SuiteCuration;
import dev.handoff.escalation.boundary.SuiteService;
import dev.handoff.escalation.boundary.SuiteView;
import dev.handoff.escalation.control.ConversationCase;
import dev.handoff.escalation.control.LabelledSuites;
import dev.handoff.platform.InvalidInputException;
import dev.handoff.web.rest.dto.GateRequest;
import dev.handoff.web.rest.dto.SuiteCaseRequest;
import dev.handoff.web.rest.dto.SuiteCaseResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Labelled suites as files, for admin-scoped API keys: list them, export one as CSV or JSON, import
 * (create or replace, or append) from CSV or JSON, delete, choose which guard publishing, and add a
 * case taken from a stored conversation. The shipped suite is read-only (but can stop being a gate).
 * Formats are in docs/triggers.md; bench a draft against a suite with {@code POST admin/trigger-sets/draft/bench?suite=name}.
 */
@AdminKey
@Path("admin/suites")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: labelled suites")
@APIResponse(responseCode = "403", description = "The API key is not admin-scoped",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
public class AdminSuitesResource {

    static final String CSV = "text/csv";

    @Inject
    SuiteService suites;

    @Inject
    SuiteCuration curation;

    @Context
    ContainerRequestContext request;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "List the labelled suites", description = "The shipped suite first, then the admins' suites by name.")
    public List<SuiteView> list() {
        return suites.list();
    }

    @GET
    @Path("{name}")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Export a suite", description = "JSON (handoff.labelled-suite/1) by default; CSV with Accept: text/csv or ?format=csv.")
    public Response export(@PathParam("name") String name, @QueryParam("format") String format) {
        LabelledSuites.Suite suite = suites.suite(name);
        boolean csv = "csv".equalsIgnoreCase(format)
                || format == null && headers.getAcceptableMediaTypes().stream().anyMatch(t -> t.isCompatible(MediaType.valueOf(CSV)) && !t.isWildcardType());
        return csv
                ? Response.ok(LabelledSuites.toCsv(suite.cases()), CSV + ";charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build()
                : Response.ok(LabelledSuites.toJson(suite), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @PUT
    @Path("{name}")
    @Consumes({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Import a suite",
            description = "Creates the suite or replaces its cases (append=true adds them) from a CSV (Content-Type: text/csv, header id,text,expected,category,expected_trigger,notes) or a JSON document. Every bad line or field is listed in the problem response.")
    @APIResponse(responseCode = "400", description = "A bad line, field or name",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public SuiteView importSuite(@PathParam("name") String name, @QueryParam("append") boolean append, String body) {
        String who = AdminKeys.caller(request);
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "send the suite as CSV or JSON");
        }
        MediaType type = headers.getMediaType();
        LabelledSuites.Suite suite = type != null && type.isCompatible(MediaType.valueOf(CSV))
                ? new LabelledSuites.Suite(name, null, null, LabelledSuites.parseCsv(body))
                : LabelledSuites.parseJson(body);
        return suites.importSuite(name, suite, append, who);
    }

    @PUT
    @Path("{name}/gate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose whether a suite guards publishing",
            description = "{\"gate\": true} makes the suite part of the publishing gate, false takes it out. The shipped suite is a gate "
                    + "until an admin switches it off here (the choice is stored). With no gate at all, publishing checks nothing and says so.")
    @APIResponse(responseCode = "400", description = "gate missing",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public SuiteView gate(@PathParam("name") String name, GateRequest body) {
        String who = AdminKeys.caller(request);
        Boolean gate = Checks.required(body == null ? null : body.gate(), "gate");
        return suites.useAsGate(name, gate, who);
    }

    @POST
    @Path("{name}/cases/from-conversation/{conversationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a case taken from a conversation",
            description = "One click from the desk, as an API: the conversation's escalating customer message (or the transcript up to it) "
                    + "as a 'stay' case when the escalation was not needed, or its last customer message before the escalation (or of the "
                    + "whole chat if the bot kept it) as an 'escalate' case when the bot missed one. upTo picks another message. The suite "
                    + "is created (not a gate) if it does not exist; the portal's defaults are not-needed-flags and missed-escalations.")
    @APIResponse(responseCode = "201", description = "The case was added; Location is the suite",
            content = @Content(schema = @Schema(implementation = SuiteCaseResponse.class)))
    @APIResponse(responseCode = "400", description = "A bad field, upTo or suite name",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such conversation",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The suite already holds this case, the suite is the shipped one, or the conversation "
            + "cannot give the case asked for (a stay case from a conversation the bot never escalated)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response addFromConversation(@PathParam("name") String name, @PathParam("conversationId") String conversationId,
            SuiteCaseRequest body) {
        String who = AdminKeys.caller(request);
        SuiteCaseRequest r = Checks.required(body, "body");
        String expected = Checks.required(r.expected(), "expected").strip().toLowerCase(Locale.ROOT);
        if (!expected.equals("stay") && !expected.equals("escalate")) {
            throw new InvalidInputException("expected", "expected must be stay or escalate");
        }
        ConversationCase.Form form = null;
        if (r.form() != null && !r.form().isBlank()) {
            form = switch (r.form().strip().toLowerCase(Locale.ROOT)) {
                case "message" -> ConversationCase.Form.MESSAGE;
                case "transcript" -> ConversationCase.Form.TRANSCRIPT;
                default -> throw new InvalidInputException("form", "form must be message or transcript");
            };
        }
        if (r.upTo() != null && r.upTo() < 1) {
            throw new InvalidInputException("upTo", "upTo is a message's seq, 1 or more");
        }
        CaseFromConversation what = new CaseFromConversation(expected.equals("escalate"), form, r.upTo(),
                Checks.max(r.category(), 120, "category"), Checks.max(r.expectedTrigger(), 120, "expectedTrigger"),
                Checks.max(r.notes(), 1000, "notes"));
        SuiteCaseResponse added = SuiteCaseResponse.of(curation.addFromConversation(name, conversationId, what, who, true));
        return Response.created(UriBuilder.fromResource(AdminSuitesResource.class).path("{name}").build(added.suite().name()))
                .entity(added).build();
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Delete a suite")
    public Response delete(@PathParam("name") String name) {
        suites.delete(name);
        return Response.noContent().build();
    }
}
