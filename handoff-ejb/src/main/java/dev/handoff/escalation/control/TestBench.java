package dev.handoff.escalation.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a trigger engine over labelled cases. A case is a single customer message, or a short
 * transcript (one {@code customer: …} / {@code bot[0.2]: …} line per message, as in the "try it"
 * box) evaluated as of its last line. Pure; no side effects.
 */
public final class TestBench {

    private TestBench() {}

    public static BenchReport run(TriggerEngine engine, List<LabelledCase> cases) {
        int shouldEscalate = 0;
        int caught = 0;
        int shouldStay = 0;
        int falseAlarms = 0;
        Map<String, Integer> hits = new TreeMap<>();
        List<BenchReport.Outcome> misses = new ArrayList<>();
        List<BenchReport.Outcome> alarms = new ArrayList<>();
        List<BenchReport.Outcome> wrongTrigger = new ArrayList<>();
        for (LabelledCase sample : cases) {
            Decision decision = engine.evaluate(input(sample.text()));
            decision.firings().forEach(f -> hits.merge(f.name(), 1, Integer::sum));
            if (sample.escalate()) {
                shouldEscalate++;
                if (decision.escalate()) {
                    caught++;
                    if (sample.hasExpectedTrigger() && decision.firings().stream().noneMatch(f -> f.name().equals(sample.expectedTrigger()))) {
                        wrongTrigger.add(new BenchReport.Outcome(sample, decision.firings()));
                    }
                } else {
                    misses.add(new BenchReport.Outcome(sample, decision.firings()));
                }
            } else {
                shouldStay++;
                if (decision.escalate()) {
                    falseAlarms++;
                    alarms.add(new BenchReport.Outcome(sample, decision.firings()));
                }
            }
        }
        return new BenchReport(cases.size(), shouldEscalate, caught, shouldStay, falseAlarms, hits, misses, alarms, wrongTrigger);
    }

    static TriggerInput input(String text) {
        List<TriggerInput.Line> lines = PastedTranscript.parse(text);
        return lines.isEmpty() ? TriggerInput.of(text) : new TriggerInput(lines, null);
    }
}
