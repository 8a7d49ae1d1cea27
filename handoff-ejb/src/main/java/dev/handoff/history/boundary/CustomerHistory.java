package dev.handoff.history.boundary;

import dev.handoff.conversation.boundary.ConversationView;
import java.time.Instant;
import java.util.List;

/**
 * Everything Handoff knows about one customer, for their page: the profile, every conversation, and a
 * timeline of what happened (conversations, handoffs, who took and passed them, notes, ratings).
 */
public record CustomerHistory(ConversationView.CustomerView customer, List<HistoryRow> conversations, List<Entry> timeline) {

    /**
     * @param kind started, handoff, accepted, transferred, resolved, closed, abandoned, note, whisper, rating
     * @param who the person it is about or by, in words (may be null)
     */
    public record Entry(Instant at, String conversationId, String kind, String text, String who) {}

    public long handoffs() {
        return timeline.stream().filter(e -> e.kind().equals("handoff")).count();
    }
}
