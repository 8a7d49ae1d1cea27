package dev.handoff.web.rest;

import dev.handoff.access.boundary.ApiCaller;
import dev.handoff.conversation.boundary.ConversationService;
import dev.handoff.conversation.boundary.ConversationView;
import dev.handoff.conversation.boundary.MessageView;
import dev.handoff.conversation.boundary.PostCommand;
import dev.handoff.conversation.boundary.PostOutcome;
import dev.handoff.conversation.boundary.StartCommand;
import dev.handoff.conversation.entity.ConversationState;
import dev.handoff.platform.InvalidInputException;
import dev.handoff.platform.entity.Author;
import dev.handoff.web.push.ConversationStreams;
import dev.handoff.web.push.Typing;
import dev.handoff.web.rest.dto.ConversationResponse;
import dev.handoff.web.rest.dto.FollowUpRequest;
import dev.handoff.web.rest.dto.CsatRequest;
import dev.handoff.web.rest.dto.CustomerRequest;
import dev.handoff.web.rest.dto.MessagePage;
import dev.handoff.web.rest.dto.MessageResponse;
import dev.handoff.web.rest.dto.PageRequest;
import dev.handoff.web.rest.dto.PostMessageRequest;
import dev.handoff.web.rest.dto.PostMessageResponse;
import dev.handoff.web.rest.dto.StartConversationRequest;
import dev.handoff.web.rest.dto.TriggerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Conversations for the bot platform: start, post messages, read state and new messages, stream them.
 * One instance serves every request (it holds only injected proxies): a new one per request cost
 * a CDI instance and EJB references on every message (ADR 0040).
 */
@ApplicationScoped
@Path("conversations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Conversations")
@APIResponse(responseCode = "401", description = "Missing, unknown or revoked API key",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
public class ConversationsResource {

    @Inject
    Typing typing;

    /** Who is typing in a conversation, as the bot platform reads it. */
    public record TypingState(@Schema(description = "The agent (or supervisor) who owns the chat is typing now") boolean agentTyping,
            @Schema(description = "The customer was reported typing in the last 6 s") boolean customerTyping) {}

    @POST
    @Path("{id}/typing")
    @Operation(summary = "The customer is typing",
            description = "Report it while the customer types (every few seconds at most); the agent who owns the chat sees "
                    + "\"Customer is typing…\" for 6 s after the last report, or until the customer's message arrives.")
    @APIResponse(responseCode = "204", description = "Noted")
    @APIResponse(responseCode = "404", description = "Unknown conversation",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response customerTyping(@PathParam("id") String id) {
        ConversationView view = conversations.get(id);
        typing.customerTyping(id, view.assignedAgent());
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/typing")
    @Operation(summary = "Is anyone typing", description = "Whether the agent who owns the chat is typing (to show \"Alice is typing…\" "
            + "to the customer) and whether the customer was reported typing.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TypingState.class)))
    @APIResponse(responseCode = "404", description = "Unknown conversation",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public TypingState typing(@PathParam("id") String id) {
        conversations.get(id);
        return new TypingState(typing.isAgentTyping(id), typing.isCustomerTyping(id));
    }

    @Inject
    ConversationService conversations;

    @Inject
    ConversationStreams streams;

    @Inject
    dev.handoff.conversation.boundary.ConversationEnd ends;

    @POST
    @Operation(summary = "Start a conversation",
            description = "Registers (or updates) the customer and opens a conversation handled by the bot.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = StartConversationRequest.class),
            examples = @ExampleObject(name = "start", value = "{\"customer\":{\"externalId\":\"cus-1001\",\"name\":\"Sarah Lee\","
                    + "\"email\":\"sarah.lee@example.com\",\"tier\":\"enterprise\",\"accountValue\":48000},\"channel\":\"web\","
                    + "\"page\":{\"url\":\"https://app.example.com/billing\",\"title\":\"Billing\"},\"metadata\":{\"locale\":\"en-GB\"}}")))
    @APIResponse(responseCode = "201", description = "Created; Location points at the conversation",
            content = @Content(schema = @Schema(implementation = ConversationResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or an invalid field",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response start(StartConversationRequest request, @Context UriInfo uri) {
        Checks.required(request, "body");
        CustomerRequest customer = Checks.required(request.customer(), "customer");
        Checks.required(customer.externalId(), "customer.externalId");
        Checks.email(customer.email(), "customer.email");
        if (customer.accountValue() != null && customer.accountValue().signum() < 0) {
            throw new InvalidInputException("customer.accountValue", "customer.accountValue must not be negative");
        }
        PageRequest page = request.page() == null ? new PageRequest(null, null) : request.page();
        String metadata = request.metadata() == null ? null : request.metadata().toString();
        Checks.max(metadata, 4000, "metadata");
        ConversationView view = conversations.start(new StartCommand(customer.externalId(), customer.name(), customer.email(),
                customer.tier(), customer.accountValue(), request.channel(), Checks.url(page.url(), "page.url"),
                page.title(), metadata, customer.company(), customer.renewalDate(), customer.notes()));
        return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build())
                .entity(ConversationResponse.of(view))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a conversation", description = "State, queue position and estimated wait while queued, assigned agent.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConversationResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown conversation",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ConversationResponse get(@PathParam("id") String id) {
        return withQueue(ConversationResponse.of(conversations.get(id)));
    }

    private ConversationResponse withQueue(ConversationResponse c) {
        return "queued".equals(c.state()) ? c.withQueueText(conversations.queueStatus(c.id()).text()) : c;
    }

    @POST
    @Path("{id}/csat")
    @Operation(summary = "Record the customer's rating",
            description = "Once the conversation is resolved or closed (by an agent, or by the bot: POST .../close), the customer's "
                    + "satisfaction rating, 1 to 5, with an optional comment. Once per conversation; stored for the metrics and shown "
                    + "on the conversation in the portal.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CsatRequest.class),
            examples = @ExampleObject(name = "csat", value = "{\"rating\":4,\"comment\":\"Quick and friendly\"}")))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConversationResponse.class)))
    @APIResponse(responseCode = "400", description = "rating missing or not 1 to 5, comment over 1000 characters",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The conversation has not ended, or was already rated",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ConversationResponse csat(@PathParam("id") String id, CsatRequest request) {
        Checks.required(request, "body");
        Integer rating = Checks.required(request.rating(), "rating");
        if (rating < 1 || rating > 5) {
            throw new InvalidInputException("rating", "rating is a whole number from 1 to 5");
        }
        ends.rate(id, rating, request.comment());
        return ConversationResponse.of(conversations.get(id));
    }

    @POST
    @Path("{id}/messages")
    @Operation(summary = "Post a customer, bot or system message",
            description = "Customer and bot messages run through the live trigger set. The answer says whether the conversation "
                    + "is escalated, which triggers fired and why, and the conversation's state.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PostMessageRequest.class),
            examples = @ExampleObject(name = "customer", value = "{\"author\":\"customer\",\"text\":\"I was charged twice, I want to talk to a person\","
                    + "\"page\":{\"url\":\"https://app.example.com/billing\"}}")))
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = PostMessageResponse.class),
            examples = @ExampleObject(name = "escalated", value = "{\"message\":{\"seq\":1,\"author\":\"customer\",\"text\":\"I was charged twice, "
                    + "I want to talk to a person\",\"createdAt\":\"2026-12-02T09:15:02.113Z\"},\"escalated\":true,\"escalatedNow\":true,"
                    + "\"triggers\":[{\"name\":\"explicit-human-request\",\"reason\":\"The customer asked for a person: \\\"talk to a person\\\"\","
                    + "\"evidence\":\"talk to a person\",\"messageSeq\":1},{\"name\":\"billing-dispute\",\"reason\":\"Billing or refund words: "
                    + "\\\"charged twice\\\"\",\"evidence\":\"charged twice\",\"messageSeq\":1}],\"state\":\"queued\"}")))
    @APIResponse(responseCode = "400", description = "Malformed JSON, missing or oversized text, unknown author, a value of the wrong type, "
            + "a bad Idempotency-Key",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown conversation",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The conversation is resolved or closed, or a request with the same Idempotency-Key "
            + "is still running",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over 64 KiB",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response post(@PathParam("id") String id, PostMessageRequest request) {
        Checks.required(request, "body");
        String authorName = Checks.required(request.author(), "author");
        Author author = Author.fromWire(authorName)
                .filter(a -> a != Author.AGENT)
                .orElseThrow(() -> new InvalidInputException("author", "author must be one of customer, bot, system"));
        String text = Checks.text(request.text(), "text");
        Checks.confidence(request.confidence(), "confidence");
        PageRequest page = request.page() == null ? new PageRequest(null, null) : request.page();
        PostOutcome outcome = conversations.post(id, new PostCommand(author, text, request.intent(), request.confidence(),
                Checks.url(page.url(), "page.url"), page.title(), request.clientMessageId()));
        ConversationResponse conversation = ConversationResponse.of(outcome.conversation());
        List<TriggerResponse> fired = outcome.firedNow().stream().map(TriggerResponse::of).toList();
        return Response.status(Response.Status.CREATED)
                .entity(new PostMessageResponse(MessageResponse.of(outcome.message()), conversation.escalated(),
                        outcome.escalatedNow(), fired, conversation.state(), withQueue(conversation), outcome.transition(), outcome.confirmation()))
                .build();
    }

    @GET
    @Path("{id}/messages")
    @Operation(summary = "Read new messages",
            description = "Messages with seq greater than 'after', oldest first (at most 'limit', default 100, max 200). "
                    + "Poll with after=lastSeq to relay the agent's replies to the customer.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MessagePage.class)))
    @APIResponse(responseCode = "404", description = "Unknown conversation",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "after or limit is not a whole number in range",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public MessagePage messages(@PathParam("id") String id,
            @Parameter(description = "Messages with seq above this (default 0)", schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
                    maximum = "2147483647")) @QueryParam("after") String afterParam,
            @Parameter(description = "At most this many (default 100)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "200")) @QueryParam("limit") String limitParam) {
        int after = Checks.intParam(afterParam, 0, 0, Integer.MAX_VALUE, "after");
        int limit = Checks.intParam(limitParam, 100, 1, ConversationService.MAX_PAGE, "limit");
        List<MessageView> found = conversations.messagesAfter(id, after, limit);
        int last = found.isEmpty() ? after : found.get(found.size() - 1).seq();
        return new MessagePage(found.stream().map(MessageResponse::of).toList(), last, conversations.get(id).state());
    }

    @GET
    @Path("{id}/messages/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Stream messages (server-sent events)",
            description = "Sends every message after 'after' (or the Last-Event-ID header), then each new one as it is written: "
                    + "event 'message' with the message as JSON and the seq as event id; event 'state' when the conversation changes state; "
                    + "event 'queue' while queued, whenever the position or estimated wait changes ({\"position\":2,\"estimatedWaitSeconds\":180,"
                    + "\"text\":\"You're number 2 in line, about 3 minutes.\",\"waitedSeconds\":40,\"followUpOffered\":false}); "
                    + "event 'typing' when the agent types ({\"author\":\"agent\",\"name\":\"Alice Martin\"}). "
                    + "The stream ends after the state 'resolved' or 'closed', and when the API key is revoked; a comment line "
                    + "(': heartbeat') comes every 15 s by default.")
    @APIResponse(responseCode = "200", description = "text/event-stream")
    public void stream(@PathParam("id") String id,
            @Parameter(description = "Messages with seq above this (default 0)", schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
                    maximum = "2147483647")) @QueryParam("after") String afterParam,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink, @Context Sse sse,
            @Context ContainerRequestContext request) {
        int from = Checks.intParam(afterParam, 0, 0, Integer.MAX_VALUE, "after");
        if (lastEventId != null && lastEventId.strip().matches("\\d{1,9}")) {
            from = Math.max(from, Integer.parseInt(lastEventId.strip()));
        }
        ConversationState state = ConversationState.valueOf(conversations.get(id).state().toUpperCase(java.util.Locale.ROOT));
        streams.open(id, Math.max(0, from), ((ApiCaller) request.getProperty(ApiKeyFilter.CALLER)).keyId(), state, sink, sse, null);
    }

    @POST
    @Path("{id}/close")
    @Operation(summary = "Close a conversation", description = "The customer left or the bot finished. Pending offers are withdrawn.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConversationResponse.class)))
    @APIResponse(responseCode = "409", description = "Already resolved or closed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ConversationResponse close(@PathParam("id") String id) {
        return ConversationResponse.of(conversations.close(id));
    }

    @POST
    @Path("{id}/follow-up")
    @Operation(summary = "Ask for a follow-up instead of waiting",
            description = "While the conversation is queued (typically after `unavailable` was set): the customer leaves an e-mail address for a written reply or a phone number for a call back. Agents see it as a note; the customer gets a confirmation message; the conversation keeps its place in the queue.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConversationResponse.class)))
    @APIResponse(responseCode = "409", description = "The conversation is not waiting for a person",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ConversationResponse followUp(@PathParam("id") String id, FollowUpRequest request) {
        Checks.required(request, "body");
        String channel = Checks.required(request.channel(), "channel").strip().toLowerCase(java.util.Locale.ROOT);
        String contact = Checks.required(request.contact(), "contact").strip();
        if (channel.equals("email")) {
            Checks.email(contact, "contact");
        } else if (channel.equals("phone")) {
            if (!contact.matches("\\+?[0-9][0-9 ().-]{5,29}")) {
                throw new InvalidInputException("contact", "contact is not a phone number");
            }
        } else {
            throw new InvalidInputException("channel", "channel is email or phone");
        }
        return ConversationResponse.of(conversations.requestFollowUp(id, channel, contact, request.preferredTime()));
    }
}
