package dev.handoff.escalation.control;

import dev.handoff.platform.entity.Author;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Replays stored conversations through two trigger sets, the live one and a draft, the way
 * {@code ConversationService} evaluates them: after every customer or bot message of the bot phase,
 * on the last {@value #WINDOW} messages, stopping at the first escalation. It reports how the
 * handoff rate and the per-trigger counts would change, and which conversations change verdict.
 * Pure; no side effects.
 */
public final class HistoryReplay {

    static final int WINDOW = 20;
    static final int MAX_LISTED = 50;

    private HistoryReplay() {}

    /** A stored conversation's bot phase: the messages before any agent joined, and the customer's facts. */
    public record StoredConversation(String id, Instant createdAt, boolean escalatedThen, List<TriggerInput.Line> lines,
            TriggerInput.CustomerFacts customer) {

        public StoredConversation {
            lines = List.copyOf(lines);
        }
    }

    /** Where a trigger set would have escalated a conversation: the message number and the firings. */
    public record Verdict(int atMessage, String message, List<TriggerFiring> firings) {}

    /** A conversation whose verdict the draft changes, with the evidence of the side that escalates. */
    public record Change(String conversationId, Instant createdAt, boolean nowEscalates, Verdict verdict) {}

    public record TriggerDelta(String trigger, int live, int draft) {

        public int change() {
            return draft - live;
        }
    }

    public record Report(int conversations, int escalatedThen, int liveEscalates, int draftEscalates, List<TriggerDelta> perTrigger,
            int newlyEscalated, int noLongerEscalated, List<Change> changes) {

        public double rateThen() {
            return rate(escalatedThen);
        }

        public double liveRate() {
            return rate(liveEscalates);
        }

        public double draftRate() {
            return rate(draftEscalates);
        }

        private double rate(int n) {
            return conversations == 0 ? 0 : (double) n / conversations;
        }

        /** The largest per-trigger count, to scale bar charts. */
        public int maxCount() {
            return perTrigger.stream().mapToInt(d -> Math.max(d.live(), d.draft())).max().orElse(0);
        }
    }

    public static Report run(TriggerEngine live, TriggerEngine draft, List<StoredConversation> conversations) {
        Objects.requireNonNull(live);
        Objects.requireNonNull(draft);
        int escalatedThen = 0;
        int liveCount = 0;
        int draftCount = 0;
        int newly = 0;
        int noLonger = 0;
        Map<String, Integer> liveHits = new TreeMap<>();
        Map<String, Integer> draftHits = new TreeMap<>();
        List<Change> changes = new ArrayList<>();
        for (StoredConversation c : conversations) {
            if (c.escalatedThen()) {
                escalatedThen++;
            }
            Optional<Verdict> before = firstEscalation(live, c);
            Optional<Verdict> after = firstEscalation(draft, c);
            before.ifPresent(v -> v.firings().forEach(f -> liveHits.merge(f.name(), 1, Integer::sum)));
            after.ifPresent(v -> v.firings().forEach(f -> draftHits.merge(f.name(), 1, Integer::sum)));
            liveCount += before.isPresent() ? 1 : 0;
            draftCount += after.isPresent() ? 1 : 0;
            if (after.isPresent() && before.isEmpty()) {
                newly++;
                if (changes.size() < MAX_LISTED) {
                    changes.add(new Change(c.id(), c.createdAt(), true, after.get()));
                }
            } else if (before.isPresent() && after.isEmpty()) {
                noLonger++;
                if (changes.size() < MAX_LISTED) {
                    changes.add(new Change(c.id(), c.createdAt(), false, before.get()));
                }
            }
        }
        TreeSet<String> names = new TreeSet<>(liveHits.keySet());
        names.addAll(draftHits.keySet());
        List<TriggerDelta> deltas = names.stream()
                .map(n -> new TriggerDelta(n, liveHits.getOrDefault(n, 0), draftHits.getOrDefault(n, 0)))
                .sorted((a, b) -> Integer.compare(Math.max(b.live(), b.draft()), Math.max(a.live(), a.draft())))
                .toList();
        return new Report(conversations.size(), escalatedThen, liveCount, draftCount, deltas, newly, noLonger, changes);
    }

    static Optional<Verdict> firstEscalation(TriggerEngine engine, StoredConversation c) {
        List<TriggerInput.Line> lines = c.lines();
        for (int i = 0; i < lines.size(); i++) {
            TriggerInput.Line line = lines.get(i);
            if (line.author() != Author.CUSTOMER && line.author() != Author.BOT) {
                continue;
            }
            List<TriggerInput.Line> window = lines.subList(Math.max(0, i + 1 - WINDOW), i + 1);
            Decision decision = engine.evaluate(new TriggerInput(window, c.customer()));
            if (decision.escalate()) {
                return Optional.of(new Verdict(i + 1, line.text(), decision.firings()));
            }
        }
        return Optional.empty();
    }
}
