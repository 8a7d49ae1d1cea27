package dev.handoff.web.widget;

import dev.handoff.conversation.boundary.ConversationService;
import dev.handoff.conversation.entity.ConversationState;
import dev.handoff.platform.InvalidInputException;
import dev.handoff.web.push.ConversationStreams;
import dev.handoff.web.rest.Checks;
import dev.handoff.web.rest.dto.CustomerRequest;
import dev.handoff.web.rest.dto.PageRequest;
import dev.handoff.web.rest.dto.WidgetRequest;
import dev.handoff.web.rest.dto.WidgetStateResponse;
import dev.handoff.widget.boundary.SiteView;
import dev.handoff.widget.boundary.WidgetService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public API of the chat widget, for browsers on a site's pages: no API key, but the site's
 * public key in the path, the page's origin checked against the site's, a visitor token per
 * browser ({@value WidgetFilter#TOKEN_HEADER}) and rate limits ({@link WidgetFilter}).
 */
@Path("widget/{siteKey}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Chat widget (public)")
@SecurityRequirements
public class WidgetResource {

    @Inject
    WidgetService widgets;

    @Inject
    ConversationService conversations;

    @Inject
    ConversationStreams streams;

    @Context
    ContainerRequestContext request;

    private SiteView site() {
        return (SiteView) request.getProperty(WidgetFilter.SITE);
    }

    @POST
    @Path("session")
    @Operation(summary = "Open the widget", description = "Resumes the visitor of 'token' (their conversation, after a page change or reload) "
            + "or starts a new visitor session; the answer's token is set only when new. The page is reported.")
    public WidgetStateResponse session(WidgetRequest body) {
        WidgetRequest r = body == null ? empty() : body;
        CustomerRequest c = r.customer();
        PageRequest page = page(r);
        if (c != null) {
            Checks.email(c.email(), "customer.email");
            Checks.max(c.name(), 200, "customer.name");
        }
        WidgetService.Session s = widgets.open(site(), r.token(), c == null ? null : c.name(), c == null ? null : c.email(),
                page.url(), page.title());
        return WidgetStateResponse.of(s.token(), s.state());
    }

    @GET
    @Path("state")
    @Operation(summary = "The visitor's conversation", description = "Messages after 'after', the queue, the choices offered.")
    public WidgetStateResponse state(@HeaderParam(WidgetFilter.TOKEN_HEADER) String token, @QueryParam("after") String after) {
        return WidgetStateResponse.of(null, widgets.state(site(), token, Checks.intParam(after, 0, 0, Integer.MAX_VALUE, "after")));
    }

    @POST
    @Path("messages")
    @Operation(summary = "The customer writes", description = "Posted through the same path as the bot API's customer messages (triggers, "
            + "routing, context); on a demo site the demo bot answers while no person is involved. After the end, a new conversation continues.")
    public WidgetStateResponse message(@HeaderParam(WidgetFilter.TOKEN_HEADER) String token, WidgetRequest body) {
        WidgetRequest r = Checks.required(body, "body");
        String text = Checks.text(r.text(), "text");
        PageRequest page = page(r);
        return WidgetStateResponse.of(null, widgets.post(site(), token, text, page.url(), page.title(), after(r)));
    }

    @POST
    @Path("person")
    @Operation(summary = "Talk to a person", description = "Honoured at once: the chat is handed to the queue.")
    public WidgetStateResponse person(@HeaderParam(WidgetFilter.TOKEN_HEADER) String token, WidgetRequest body) {
        WidgetRequest r = body == null ? empty() : body;
        PageRequest page = page(r);
        return WidgetStateResponse.of(null, widgets.requestPerson(site(), token, page.url(), page.title(), after(r)));
    }

    @POST
    @Path("page")
    @Operation(summary = "The visitor is on a page", description = "Reported at every page load and every 20 s while the page is open.")
    public jakarta.ws.rs.core.Response page(@HeaderParam(WidgetFilter.TOKEN_HEADER) String token, WidgetRequest body) {
        PageRequest page = page(body == null ? empty() : body);
        widgets.page(site(), token, page.url(), page.title());
        return jakarta.ws.rs.core.Response.noContent().build();
    }

    @POST
    @Path("typing")
    @Operation(summary = "The customer is typing", description = "Shown to the agent who has the chat.")
    public jakarta.ws.rs.core.Response typing(@HeaderParam(WidgetFilter.TOKEN_HEADER) String token) {
        widgets.typing(site(), token);
        return jakarta.ws.rs.core.Response.noContent().build();
    }

    @POST
    @Path("end")
    @Operation(summary = "The customer ends the chat", description = "Resolved by the bot if no person was involved (then rated), else closed.")
    public WidgetStateResponse end(@HeaderParam(WidgetFilter.TOKEN_HEADER) String token) {
        return WidgetStateResponse.of(null, widgets.end(site(), token));
    }

    @POST
    @Path("csat")
    @Operation(summary = "The customer rates the ended chat", description = "1 to 5 and an optional comment, once.")
    public WidgetStateResponse csat(@HeaderParam(WidgetFilter.TOKEN_HEADER) String token, WidgetRequest body) {
        WidgetRequest r = Checks.required(body, "body");
        Integer rating = Checks.required(r.rating(), "rating");
        if (rating < 1 || rating > 5) {
            throw new InvalidInputException("rating", "rating is a whole number from 1 to 5");
        }
        Checks.max(r.comment(), 1000, "comment");
        return WidgetStateResponse.of(null, widgets.rate(site(), token, rating, r.comment()));
    }

    @POST
    @Path("follow-up")
    @Operation(summary = "A callback or an e-mail answer instead of waiting", description = "Becomes a task with a due time for an agent with the skill.")
    public WidgetStateResponse followUp(@HeaderParam(WidgetFilter.TOKEN_HEADER) String token, WidgetRequest body) {
        WidgetRequest r = Checks.required(body, "body");
        String channel = Checks.required(r.channel(), "channel").strip().toLowerCase(Locale.ROOT);
        String contact = Checks.required(r.contact(), "contact").strip();
        if (channel.equals("email")) {
            Checks.email(contact, "contact");
        } else if (channel.equals("phone")) {
            if (!contact.matches("\\+?[0-9][0-9 ().-]{5,29}")) {
                throw new InvalidInputException("contact", "contact is not a phone number");
            }
        } else {
            throw new InvalidInputException("channel", "channel is email or phone");
        }
        Checks.max(r.preferredTime(), 120, "preferredTime");
        return WidgetStateResponse.of(null, widgets.followUp(site(), token, channel, contact, r.preferredTime()));
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live events of the visitor's conversation (server-sent events)",
            description = "The token as ?token= (EventSource sends no headers). Events: message, state, queue, typing.")
    public void stream(@QueryParam("token") String token, @QueryParam("after") String after, @Context SseEventSink sink, @Context Sse sse) {
        SiteView site = site();
        String id = widgets.conversationOf(site, token).orElseThrow(() -> new dev.handoff.platform.ConflictException(
                "There is no conversation to stream yet; write a message first"));
        ConversationState state = ConversationState.valueOf(conversations.get(id).state().toUpperCase(Locale.ROOT));
        streams.open(id, Checks.intParam(after, 0, 0, Integer.MAX_VALUE, "after"), null, state, sink, sse, site.offerAfterSeconds());
    }

    private static int after(WidgetRequest r) {
        return r.after() == null ? 0 : Math.max(0, r.after());
    }

    private static PageRequest page(WidgetRequest r) {
        PageRequest page = r.page() == null ? new PageRequest(null, null) : r.page();
        return new PageRequest(Checks.url(page.url(), "page.url"), page.title());
    }

    private static WidgetRequest empty() {
        return new WidgetRequest(null, null, null, null, null, null, null, null, null, null);
    }
}
