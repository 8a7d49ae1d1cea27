package dev.handoff.escalation.boundary;

import dev.handoff.escalation.control.HistoryReplay;
import dev.handoff.escalation.control.TriggerEngine;
import dev.handoff.escalation.control.TriggerInput;
import dev.handoff.platform.InvalidInputException;
import dev.handoff.platform.entity.Author;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the bot phase of the last N days of stored conversations (newest first, at most
 * {@code handoff.triggers.replay.max-conversations}) and replays them through the live trigger set
 * and a draft. Messages are read in batches, not one query per conversation, through the
 * conversation component's {@link ConversationArchive}.
 */
@Dependent
public class HistoryReplayer {

    static final int MAX_DAYS = 90;
    static final int BATCH = 500;
    static final int MAX_LINES = 200;

    @Inject
    ConversationArchive archive;

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
        List<ConversationArchive.Stored> recent = archive.startedSince(clock.instant().minus(Duration.ofDays(days)), maxConversations);
        List<HistoryReplay.StoredConversation> stored = new ArrayList<>(recent.size());
        for (int from = 0; from < recent.size(); from += BATCH) {
            List<ConversationArchive.Stored> batch = recent.subList(from, Math.min(recent.size(), from + BATCH));
            Map<String, List<ConversationArchive.Said>> messages = archive.messages(batch.stream().map(ConversationArchive.Stored::id).toList());
            Map<Long, List<Instant>> handoffs = archive.handoffsOfCustomers(
                    batch.stream().map(ConversationArchive.Stored::customerId).distinct().toList());
            for (ConversationArchive.Stored c : batch) {
                Instant before = handoffs.getOrDefault(c.customerId(), List.of()).stream()
                        .filter(t -> t.isBefore(c.createdAt()))
                        .max(Instant::compareTo)
                        .orElse(null);
                stored.add(new HistoryReplay.StoredConversation(c.id(), c.createdAt(), c.escalatedAt() != null,
                        botPhaseLines(messages.getOrDefault(c.id(), List.of()), c.escalatedAt()),
                        new TriggerInput.CustomerFacts(c.tier(), c.accountValue(), before, c.createdAt())));
            }
        }
        return HistoryReplay.run(liveEngine, draft, stored);
    }

    /**
     * Customer and bot messages up to the escalation (what the triggers saw). A replayed conversation
     * sees the "recent handoff" its customer had when it started, not the one they have today.
     */
    private static List<TriggerInput.Line> botPhaseLines(List<ConversationArchive.Said> messages, Instant until) {
        List<TriggerInput.Line> lines = new ArrayList<>();
        for (ConversationArchive.Said m : messages) {
            if ((m.author() == Author.CUSTOMER || m.author() == Author.BOT) && (until == null || !m.at().isAfter(until))
                    && lines.size() < MAX_LINES) {
                lines.add(new TriggerInput.Line(m.author(), m.text(), m.confidence(), m.intent()));
            }
        }
        return lines;
    }
}
