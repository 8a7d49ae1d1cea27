package dev.handoff.web.rest;

import dev.handoff.escalation.boundary.SuiteService;
import dev.handoff.escalation.boundary.SuiteView;
import dev.handoff.escalation.control.LabelledSuites;
import dev.handoff.platform.InvalidInputException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Labelled suites as files, for admin-scoped API keys: list them, export one as CSV or JSON, import
 * (create or replace, or append) from CSV or JSON, delete. The shipped suite is read-only. Formats
 * are in docs/triggers.md; bench a draft against a suite with {@code POST admin/trigger-sets/draft/bench?suite=name}.
 */
@Path("admin/suites")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: labelled suites")
@APIResponse(responseCode = "403", description = "The API key is not admin-scoped",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
public class AdminSuitesResource {

    static final String CSV = "text/csv";

    @Inject
    SuiteService suites;

    @Context
    ContainerRequestContext request;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "List the labelled suites", description = "The shipped suite first, then the admins' suites by name.")
    public List<SuiteView> list() {
        AdminKeys.caller(request);
        return suites.list();
    }

    @GET
    @Path("{name}")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Export a suite", description = "JSON (handoff.labelled-suite/1) by default; CSV with Accept: text/csv or ?format=csv.")
    public Response export(@PathParam("name") String name, @QueryParam("format") String format) {
        AdminKeys.caller(request);
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

    @DELETE
    @Path("{name}")
    @Operation(summary = "Delete a suite")
    public Response delete(@PathParam("name") String name) {
        AdminKeys.caller(request);
        suites.delete(name);
        return Response.noContent().build();
    }
}
