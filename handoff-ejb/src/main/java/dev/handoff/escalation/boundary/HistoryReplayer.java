package dev.handoff.escalation.boundary;

import dev.handoff.conversation.entity.Author;
import dev.handoff.conversation.entity.Conversation;
import dev.handoff.conversation.entity.Message;
import dev.handoff.escalation.control.HistoryReplay;
import dev.handoff.escalation.control.TriggerEngine;
import dev.handoff.escalation.control.TriggerInput;
import dev.handoff.platform.InvalidInputException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the bot phase of the last N days of stored conversations (newest first, at most
 * {@code handoff.triggers.replay.max-conversations}) and replays them through the live trigger set
 * and a draft. Messages are read in batches, not one query per conversation.
 */
@Dependent
public class HistoryReplayer {

    static final int MAX_DAYS = 90;
    static final int BATCH = 500;
    static final int MAX_LINES = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    TriggerEngine liveEngine;

    @Inject
    @ConfigProperty(name = "handoff.triggers.replay.max-conversations", defaultValue = "5000")
    int maxConversations;

    public HistoryReplay.Report replay(TriggerEngine draft, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInputException("days", "replay covers 1 to " + MAX_DAYS + " days");
        }
        Instant since = clock.instant().minus(Duration.ofDays(days));
        List<Conversation> recent = em.createQuery(
                        "SELECT c FROM Conversation c JOIN FETCH c.customer WHERE c.createdAt >= :since ORDER BY c.createdAt DESC", Conversation.class)
                .setParameter("since", since)
                .setMaxResults(maxConversations)
                .getResultList();
        List<HistoryReplay.StoredConversation> stored = new ArrayList<>(recent.size());
        for (int from = 0; from < recent.size(); from += BATCH) {
            List<Conversation> batch = recent.subList(from, Math.min(recent.size(), from + BATCH));
            Map<String, List<TriggerInput.Line>> lines = botPhaseLines(batch);
            Map<Long, List<Instant>> handoffs = handoffsOfCustomers(batch);
            for (Conversation c : batch) {
                Instant before = handoffs.getOrDefault(c.getCustomer().getId(), List.of()).stream()
                        .filter(t -> t.isBefore(c.getCreatedAt()))
                        .max(Instant::compareTo)
                        .orElse(null);
                stored.add(new HistoryReplay.StoredConversation(c.getId(), c.getCreatedAt(), c.getEscalatedAt() != null,
                        lines.getOrDefault(c.getId(), List.of()),
                        new TriggerInput.CustomerFacts(c.getCustomer().getTier(), c.getCustomer().getAccountValue(), before, c.getCreatedAt())));
            }
        }
        return HistoryReplay.run(liveEngine, draft, stored);
    }

    /**
     * When each customer of the batch was handed to a person, so that a replayed conversation sees the
     * "recent handoff" its customer had when it started, not the one they have today.
     */
    private Map<Long, List<Instant>> handoffsOfCustomers(List<Conversation> batch) {
        Map<Long, List<Instant>> handoffs = new HashMap<>();
        em.createQuery("SELECT c.customer.id, c.escalatedAt FROM Conversation c WHERE c.customer.id IN :ids AND c.escalatedAt IS NOT NULL",
                        Object[].class)
                .setParameter("ids", batch.stream().map(c -> c.getCustomer().getId()).distinct().toList())
                .getResultStream()
                .forEach(row -> handoffs.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((Instant) row[1]));
        return handoffs;
    }

    /** Customer and bot messages up to the escalation (what the triggers saw), per conversation. */
    private Map<String, List<TriggerInput.Line>> botPhaseLines(List<Conversation> batch) {
        Map<String, Instant> cutoff = new HashMap<>();
        batch.forEach(c -> cutoff.put(c.getId(), c.getEscalatedAt()));
        Map<String, List<TriggerInput.Line>> lines = new HashMap<>();
        em.createQuery("SELECT m FROM Message m WHERE m.conversation.id IN :ids ORDER BY m.seq", Message.class)
                .setParameter("ids", batch.stream().map(Conversation::getId).toList())
                .getResultStream()
                .filter(m -> m.getAuthor() == Author.CUSTOMER || m.getAuthor() == Author.BOT)
                .forEach(m -> {
                    String id = m.getConversation().getId();
                    Instant until = cutoff.get(id);
                    List<TriggerInput.Line> list = lines.computeIfAbsent(id, k -> new ArrayList<>());
                    if ((until == null || !m.getCreatedAt().isAfter(until)) && list.size() < MAX_LINES) {
                        list.add(new TriggerInput.Line(m.getAuthor(), m.getText(), m.getConfidence(), m.getIntent()));
                    }
                });
        return lines;
    }
}
