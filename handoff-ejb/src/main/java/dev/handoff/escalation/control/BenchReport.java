package dev.handoff.escalation.control;

import java.util.List;
import java.util.Map;

/**
 * The result of running a trigger set over a labelled suite: catch rate (recall on "escalate"),
 * false-positive rate (share of "stay" cases that escalated), hits per trigger, and every miss and
 * false alarm with its evidence.
 */
public record BenchReport(int cases, int shouldEscalate, int caught, int shouldStay, int falseAlarms,
        Map<String, Integer> hitsPerTrigger, List<Outcome> misses, List<Outcome> falseAlarmCases) {

    public double catchRate() {
        return shouldEscalate == 0 ? 1.0 : (double) caught / shouldEscalate;
    }

    public double falsePositiveRate() {
        return shouldStay == 0 ? 0.0 : (double) falseAlarms / shouldStay;
    }

    /** One case and what the triggers said about it. */
    public record Outcome(LabelledCase sample, List<TriggerFiring> firings) {}
}
