package dev.handoff.web.rest.dto;

import dev.handoff.escalation.control.BenchReport;
import dev.handoff.escalation.control.TriggerFiring;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A trigger set run over a labelled suite: catch rate, false-positive rate, hits per trigger, misses, false alarms, "
        + "cases caught by another trigger than the one expected, and the draft's warnings (triggers routing to a skill no active agent has; left out when there are none).")
public record BenchResponse(int cases, double catchRate, double falsePositiveRate, int shouldEscalate, int caught, int shouldStay,
        int falseAlarms, Map<String, Integer> hitsPerTrigger, List<Case> misses, List<Case> falseAlarmCases, List<Case> wrongTriggerCases,
        List<String> warnings) {

    public record Case(String id, String text, String category, String expectedTrigger, List<String> firedTriggers, List<String> evidence) {}

    public static BenchResponse of(BenchReport r) {
        return of(r, List.of());
    }

    public static BenchResponse of(BenchReport r, List<String> warnings) {
        return new BenchResponse(r.cases(), r.catchRate(), r.falsePositiveRate(), r.shouldEscalate(), r.caught(), r.shouldStay(),
                r.falseAlarms(), r.hitsPerTrigger(), r.misses().stream().map(BenchResponse::of).toList(),
                r.falseAlarmCases().stream().map(BenchResponse::of).toList(), r.wrongTriggerCases().stream().map(BenchResponse::of).toList(),
                warnings == null || warnings.isEmpty() ? null : List.copyOf(warnings));
    }

    private static Case of(BenchReport.Outcome o) {
        return new Case(o.sample().id(), o.sample().text(), o.sample().category(), o.sample().expectedTrigger(),
                o.firings().stream().map(TriggerFiring::name).toList(), o.firings().stream().map(TriggerFiring::evidence).toList());
    }
}
