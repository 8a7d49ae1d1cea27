package dev.handoff.conversation.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Everything about a conversation a caller may see: state, customer, page, why it escalated,
 * queue position and estimated wait while queued, and the agent once assigned.
 */
public record ConversationView(String id, String state, String channel, CustomerView customer, String pageUrl,
        String pageTitle, String metadata, String requiredSkill, int priority, String escalationReason,
        List<TriggerView> triggers, Integer queuePosition, Long estimatedWaitSeconds, String assignedAgent,
        String assignedAgentName, int messageCount, Instant createdAt, Instant escalatedAt, Instant acceptedAt,
        Instant closedAt, String resolution, ContextView context, List<SlaTimer> sla, String unavailableNotice, CsatView csat,
        String previousConversationId) {

    /** The customer's rating of the ended chat (1 to 5, optional comment). */
    public record CsatView(int rating, String comment, String agent, boolean escalated, Instant at) {

        public static CsatView of(dev.handoff.conversation.entity.CsatResponse r) {
            return new CsatView(r.getRating(), r.getComment(), r.getAgent(), r.isEscalated(), r.getCreatedAt());
        }
    }

    /** The most urgent running SLA timer of an owned chat, or null. */
    public SlaTimer nextSla() {
        return sla == null || sla.isEmpty() ? null : sla.stream().min(java.util.Comparator.comparing(SlaTimer::left)).orElse(null);
    }

    /** {@code crmId} is the record's id in the CRM named by {@code crmSource} (a HubSpot contact id), null when not linked. */
    public record CustomerView(String externalId, String name, String email, String tier, BigDecimal accountValue, String company,
            java.time.LocalDate renewalDate, String notes, String crmSource, String crmUrl, String crmOwner, long previousHandoffs, String crmId) {

        public String displayName() {
            return name != null && !name.isBlank() ? name : externalId;
        }
    }

    /** True once the chat went to the human queue, whatever happened after (closed chats included). */
    public boolean isEscalated() {
        return escalatedAt != null;
    }
}
