package dev.handoff.web.rest.dto;

import dev.handoff.escalation.control.HistoryReplay;
import dev.handoff.escalation.control.TriggerFiring;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Stored conversations replayed through the live trigger set and the draft.")
public record ReplayResponse(int conversations, int escalatedThen, int liveEscalates, int draftEscalates, double liveHandoffRate,
        double draftHandoffRate, int newlyEscalated, int noLongerEscalated, List<TriggerCount> perTrigger, List<Change> changes) {

    public record TriggerCount(String trigger, int live, int draft) {}

    public record Change(String conversationId, Instant createdAt, boolean nowEscalates, int atMessage, String message,
            List<String> triggers, List<String> evidence) {}

    public static ReplayResponse of(HistoryReplay.Report r) {
        return new ReplayResponse(r.conversations(), r.escalatedThen(), r.liveEscalates(), r.draftEscalates(), r.liveRate(), r.draftRate(),
                r.newlyEscalated(), r.noLongerEscalated(),
                r.perTrigger().stream().map(d -> new TriggerCount(d.trigger(), d.live(), d.draft())).toList(),
                r.changes().stream().map(c -> new Change(c.conversationId(), c.createdAt(), c.nowEscalates(), c.verdict().atMessage(),
                        c.verdict().message(), c.verdict().firings().stream().map(TriggerFiring::name).toList(),
                        c.verdict().firings().stream().map(TriggerFiring::evidence).toList())).toList());
    }
}
