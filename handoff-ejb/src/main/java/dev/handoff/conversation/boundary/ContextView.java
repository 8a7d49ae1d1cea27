package dev.handoff.conversation.boundary;

import dev.handoff.conversation.entity.HandoffContext;
import java.time.Instant;
import java.util.List;

/** The context package as the agent's desk shows it. */
public record ContextView(String summary, String summarySource, String summaryNote, List<FactView> facts, List<PageView> pages,
        Instant capturedAt) {

    public record FactView(String kind, String label, String value, String normalized) {}

    public record PageView(String url, String title, Instant seenAt) {}

    public boolean isFromLlm() {
        return summarySource != null && summarySource.startsWith("llm:");
    }

    public static ContextView of(HandoffContext c) {
        return new ContextView(c.getSummary(), c.getSummarySource(), c.getSummaryNote(),
                c.getFacts().stream().map(f -> new FactView(f.getKind(), label(f.getKind()), f.getValue(), f.getNormalized())).toList(),
                c.getPages().stream().map(p -> new PageView(p.getUrl(), p.getTitle(), p.getSeenAt())).toList(),
                c.getCapturedAt());
    }

    static String label(String kind) {
        try {
            return dev.handoff.conversation.control.Fact.Kind.valueOf(kind).noun(1);
        } catch (IllegalArgumentException e) {
            return kind.toLowerCase(java.util.Locale.ROOT);
        }
    }
}
