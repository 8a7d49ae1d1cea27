package dev.handoff.web.rest;

import dev.handoff.conversation.boundary.CustomerTemplateService;
import dev.handoff.help.boundary.HelpCenter;
import dev.handoff.platform.InvalidInputException;
import dev.handoff.widget.boundary.SiteSettings;
import dev.handoff.widget.boundary.SiteView;
import dev.handoff.widget.boundary.WidgetSiteService;
import dev.handoff.widget.entity.WidgetSite;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The customer's side for admin-scoped API keys: the sites that embed the widget (key, origins, bot,
 * limits, the wait before the callback choice), the help articles, and the texts the customer is sent.
 */
@AdminKey
@Path("admin/widget")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: customer side")
@APIResponse(responseCode = "403", description = "The API key is not admin-scoped",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
public class AdminWidgetResource {

    @Inject
    WidgetSiteService sites;

    @Inject
    HelpCenter help;

    @Inject
    CustomerTemplateService texts;

    @Context
    ContainerRequestContext request;

    public record SiteRequest(String name, String siteKey, List<String> allowedOrigins, String botMode, Integer visitorPerMinute,
            Integer sitePerMinute, Integer offerAfterSeconds, Boolean enabled) {}

    public record ArticleRequest(String slug, String title, String body, String topic, Boolean published) {}

    public record TextRequest(String kind, String topic, String body) {}

    @GET
    @Path("sites")
    @Operation(summary = "Widget sites", description = "Each with its public site key, allowed origins, bot mode and limits.")
    public List<SiteView> sites() {
        return sites.list();
    }

    @POST
    @Path("sites")
    @Operation(summary = "Add a widget site", description = "A fresh site key (ws_…) unless one is given.")
    public Response addSite(SiteRequest r) {
        Checks.required(r, "body");
        SiteView created = sites.create(Checks.required(r.name(), "name"), r.siteKey(), settings(r, null));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @POST
    @Path("sites/{id}")
    @Operation(summary = "Change a widget site's settings", description = "Fields left out keep their value.")
    public SiteView configure(@PathParam("id") long id, SiteRequest r) {
        Checks.required(r, "body");
        SiteView now = sites.list().stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow(() -> new dev.handoff.platform.NotFoundException("no widget site " + id));
        return sites.configure(id, settings(r, now));
    }

    @GET
    @Path("articles")
    @Operation(summary = "Help articles")
    public List<HelpCenter.ArticleView> articles() {
        return help.list();
    }

    @POST
    @Path("articles")
    @Operation(summary = "Add or edit a help article", description = "By slug (made from the title when left out).")
    public HelpCenter.ArticleView saveArticle(ArticleRequest r) {
        Checks.required(r, "body");
        return help.save(r.slug(), r.title(), r.body(), r.topic(), r.published() == null || r.published(), AdminKeys.caller(request));
    }

    @DELETE
    @Path("articles/{slug}")
    public Response deleteArticle(@PathParam("slug") String slug) {
        help.delete(slug);
        return Response.noContent().build();
    }

    @GET
    @Path("texts")
    @Operation(summary = "The texts the customer is sent", description = "Per kind (transition, transition_empathetic, confirmation, queue, "
            + "joined, goodbye, csat_question, long_wait) and topic (* for every topic).")
    public List<CustomerTemplateService.TemplateRow> texts() {
        return texts.list();
    }

    @POST
    @Path("texts")
    @Operation(summary = "Set a text the customer is sent", description = "Variables: {{customer.name}}, {{customer.firstName}}, {{topic}}, "
            + "{{topic.phrase}}, {{position}}, {{wait}}, {{agent.name}}, {{agent.firstName}}, {{facts}}; {{x|fallback}} when empty.")
    public CustomerTemplateService.TemplateRow saveText(TextRequest r) {
        Checks.required(r, "body");
        return texts.save(r.kind(), r.topic(), r.body(), AdminKeys.caller(request));
    }

    private static SiteSettings settings(SiteRequest r, SiteView now) {
        WidgetSite.BotMode mode;
        String m = r.botMode() != null ? r.botMode() : now == null ? "demo" : now.botMode();
        try {
            mode = WidgetSite.BotMode.valueOf(m.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("botMode", "botMode is demo or external");
        }
        return new SiteSettings(r.allowedOrigins() != null ? r.allowedOrigins() : now == null ? List.of() : now.allowedOrigins(), mode,
                r.visitorPerMinute() != null ? r.visitorPerMinute() : now == null ? 30 : now.visitorPerMinute(),
                r.sitePerMinute() != null ? r.sitePerMinute() : now == null ? 600 : now.sitePerMinute(),
                r.offerAfterSeconds() != null ? r.offerAfterSeconds() : now == null ? 180 : now.offerAfterSeconds(),
                r.enabled() != null ? r.enabled() : now == null || now.enabled());
    }
}
