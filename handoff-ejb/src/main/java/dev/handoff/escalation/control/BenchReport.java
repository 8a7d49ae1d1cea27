package dev.handoff.escalation.control;

import java.util.List;
import java.util.Map;

/**
 * The result of running a trigger set over a labelled suite: catch rate (recall on "escalate"),
 * false-positive rate (share of "stay" cases that escalated), hits per trigger, and every miss,
 * false alarm and case caught by another trigger than the one expected, with its evidence.
 */
public record BenchReport(int cases, int shouldEscalate, int caught, int shouldStay, int falseAlarms,
        Map<String, Integer> hitsPerTrigger, List<Outcome> misses, List<Outcome> falseAlarmCases, List<Outcome> wrongTriggerCases) {

    public BenchReport {
        hitsPerTrigger = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(hitsPerTrigger));
        misses = List.copyOf(misses);
        falseAlarmCases = List.copyOf(falseAlarmCases);
        wrongTriggerCases = wrongTriggerCases == null ? List.of() : List.copyOf(wrongTriggerCases);
    }

    public double catchRate() {
        return shouldEscalate == 0 ? 1.0 : (double) caught / shouldEscalate;
    }

    public double falsePositiveRate() {
        return shouldStay == 0 ? 0.0 : (double) falseAlarms / shouldStay;
    }

    /** Hits per trigger, most hits first (for tables and charts). */
    public List<Map.Entry<String, Integer>> hitsRanked() {
        return hitsPerTrigger.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }

    /** One case and what the triggers said about it. */
    public record Outcome(LabelledCase sample, List<TriggerFiring> firings) {}
}
