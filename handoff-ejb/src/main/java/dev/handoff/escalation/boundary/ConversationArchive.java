package dev.handoff.escalation.boundary;

import dev.handoff.platform.entity.Author;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the trigger bench reads of stored conversations (history replay, suites fed from the desk),
 * as values. The conversation component supplies it ({@code conversation.boundary.StoredConversations}),
 * so escalation uses no conversation class and the two components do not form a cycle (ADR 0054).
 */
public interface ConversationArchive {

    /** A stored conversation as the bench sees it; {@code customer} is the name, or the external id without one. */
    record Stored(String id, long customerId, String customer, String tier, BigDecimal accountValue, String state,
            Instant createdAt, Instant escalatedAt, String escalationReason) {
    }

    /** One message of a stored conversation. */
    record Said(int seq, Author author, String text, Double confidence, String intent, Instant at) {
    }

    Optional<Stored> find(String id);

    /** By id; ids that do not exist are left out. */
    Map<String, Stored> byIds(Collection<String> ids);

    /** The latest, newest first. */
    List<Stored> latest(int max);

    /** Those started at or after {@code since}, newest first. */
    List<Stored> startedSince(Instant since, int max);

    /** Every message of each conversation, in order. */
    Map<String, List<Said>> messages(Collection<String> ids);

    /** When each customer's conversations were handed to a person. */
    Map<Long, List<Instant>> handoffsOfCustomers(Collection<Long> customerIds);
}
