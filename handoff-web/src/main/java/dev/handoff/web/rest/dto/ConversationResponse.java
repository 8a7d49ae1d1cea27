package dev.handoff.web.rest.dto;

import dev.handoff.conversation.boundary.ContextView;
import dev.handoff.conversation.boundary.ConversationView;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A conversation: state, why it escalated, queue position and estimated wait while queued, the agent once assigned.")
public record ConversationResponse(
        @Schema(example = "0b6f4a7e-3c2d-4a8e-9f1b-2d6c1e9a7f30") String id,
        @Schema(enumeration = {"bot", "queued", "assigned", "resolved", "closed"}) String state,
        @Schema(description = "true once the conversation went to the human queue") boolean escalated,
        String channel,
        Customer customer,
        PageRequest page,
        JsonObject metadata,
        @Schema(example = "billing") String requiredSkill,
        List<TriggerResponse> triggers,
        @Schema(description = "1 = next in line; only while queued") Integer queuePosition,
        @Schema(description = "Estimated seconds until an agent accepts; only while queued") Long estimatedWaitSeconds,
        Agent assignedAgent,
        int messageCount,
        Instant createdAt,
        Instant escalatedAt,
        Instant acceptedAt,
        Instant closedAt,
        @Schema(description = "What was passed on to the agent (once escalated): the summary, the facts found, the pages visited") Context context,
        @Schema(description = "While queued: set when nobody can take the chat now (nobody-online, queue-full, closed); the customer was told and "
                + "may ask for a follow-up (POST .../follow-up)", example = "nobody-online") String unavailable,
        @Schema(description = "While queued: the line the customer reads about their place and wait (the SSE event 'queue' sends it live)",
                example = "You're number 2 in line, about 3 minutes.") String queueText,
        @Schema(description = "The customer's rating once given (POST .../csat)") Csat csat,
        @Schema(description = "The ended conversation this one continues: the customer wrote again after the end") String previousConversationId) {

    @Schema(description = "The customer's satisfaction rating of the ended chat")
    public record Csat(@Schema(minimum = "1", maximum = "5", example = "4") int rating, String comment, Instant at) {}

    @Schema(description = "The context package handed to the agent. The bot can confirm to the customer what was passed on.")
    public record Context(@Schema(example = "Customer reports being charged twice for order 12345.") String summary,
            @Schema(example = "builtin", description = "builtin, or llm:<model> when an AI summary replaced it") String summarySource,
            List<Fact> facts, List<String> pages) {}

    public record Fact(@Schema(example = "ORDER_NUMBER") String kind, @Schema(example = "#12345") String value) {}

    public record Customer(String externalId, String name, String email, String tier, BigDecimal accountValue, String company,
            java.time.LocalDate renewalDate, String notes, @Schema(description = "The CRM the profile was synced from, e.g. hubspot") String crm,
            String crmUrl, @Schema(description = "Earlier conversations of this customer handed to a person") long previousHandoffs) {}

    public record Agent(@Schema(example = "alice") String username, @Schema(example = "Alice Martin") String name) {}

    /** The JSON-P provider looked up once ({@code Json.createReader} scans the class path on every call; ADR 0040). */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static ConversationResponse of(ConversationView v) {
        ConversationView.CustomerView c = v.customer();
        return new ConversationResponse(v.id(), v.state(), v.isEscalated(), v.channel(),
                new Customer(c.externalId(), c.name(), c.email(), c.tier(), c.accountValue(), c.company(), c.renewalDate(), c.notes(),
                        c.crmSource(), c.crmUrl(), c.previousHandoffs()),
                v.pageUrl() == null && v.pageTitle() == null ? null : new PageRequest(v.pageUrl(), v.pageTitle()),
                v.metadata() == null ? null : JSON.createReader(new StringReader(v.metadata())).readObject(),
                v.requiredSkill(), v.triggers().stream().map(TriggerResponse::of).toList(), v.queuePosition(),
                v.estimatedWaitSeconds(),
                v.assignedAgent() == null ? null : new Agent(v.assignedAgent(), v.assignedAgentName()),
                v.messageCount(), v.createdAt(), v.escalatedAt(), v.acceptedAt(), v.closedAt(),
                v.context() == null ? null : new Context(v.context().summary(), v.context().summarySource(),
                        v.context().facts().stream().map(f -> new Fact(f.kind(), f.value())).toList(),
                        v.context().pages().stream().map(ContextView.PageView::url).toList()),
                v.unavailableNotice(), null,
                v.csat() == null ? null : new Csat(v.csat().rating(), v.csat().comment(), v.csat().at()), v.previousConversationId());
    }

    /** The same, with the customer's queue line (read with {@code ConversationService.queueStatus}). */
    public ConversationResponse withQueueText(String text) {
        return new ConversationResponse(id, state, escalated, channel, customer, page, metadata, requiredSkill, triggers, queuePosition,
                estimatedWaitSeconds, assignedAgent, messageCount, createdAt, escalatedAt, acceptedAt, closedAt, context, unavailable, text, csat,
                previousConversationId);
    }
}
