package dev.handoff.escalation.control;

import dev.handoff.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How one semantic trigger's threshold trades catch rate against false positives on labelled
 * cases: for each threshold from 0.05 to 0.95, the whole set's catch rate and false-positive rate
 * with that trigger at that threshold (every other trigger as it is), and the suggested threshold —
 * the highest (fewest false positives) that still reaches the target catch rate.
 */
public record ThresholdCurve(String trigger, List<Point> points, Double suggested, double target, double current) {

    /** One threshold and the set's figures with it. */
    public record Point(double threshold, double catchRate, double falsePositiveRate, int caught, int falseAlarms) {}

    public static final double STEP = 0.05;

    /**
     * Computes the curve; each case is evaluated once. A case the trigger catches by a phrase,
     * keyword or sentiment (not by its examples) counts as caught at every threshold.
     */
    public static ThresholdCurve compute(CompiledTriggerSet set, String trigger, List<LabelledCase> cases, double target) {
        TriggerSetDocument.TriggerSpec spec = set.document().triggersOrEmpty().stream()
                .filter(t -> trigger.equals(t.name())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no trigger named '" + trigger + "'"));
        if (spec.topic() == null) {
            throw new InvalidInputException("trigger '" + trigger + "' has no topic, so it has no threshold to tune");
        }
        double current = spec.minScoreOrDefault();
        int n = cases.size();
        boolean[] escalate = new boolean[n];
        boolean[] others = new boolean[n];
        double[] score = new double[n];
        int shouldEscalate = 0;
        int shouldStay = 0;
        for (int i = 0; i < n; i++) {
            LabelledCase c = cases.get(i);
            TriggerInput input = TestBench.input(c.text());
            Decision d = set.evaluate(input);
            Map<String, Double> scores = set.semanticScores(input);
            double s = scores.getOrDefault(trigger, 0.0);
            boolean selfFired = d.firings().stream().anyMatch(f -> f.name().equals(trigger));
            boolean selfOtherwise = selfFired && s < current; // fired by its phrase, keyword or sentiment
            others[i] = selfOtherwise || d.firings().stream().anyMatch(f -> !f.name().equals(trigger));
            score[i] = s;
            escalate[i] = c.escalate();
            if (c.escalate()) {
                shouldEscalate++;
            } else {
                shouldStay++;
            }
        }
        List<Point> points = new ArrayList<>();
        Double suggested = null;
        for (int step = 1; step <= 19; step++) {
            double t = Math.round(step * STEP * 100) / 100.0;
            int caught = 0;
            int alarms = 0;
            for (int i = 0; i < n; i++) {
                boolean fires = others[i] || score[i] >= t;
                if (fires && escalate[i]) {
                    caught++;
                } else if (fires) {
                    alarms++;
                }
            }
            double catchRate = shouldEscalate == 0 ? 1 : (double) caught / shouldEscalate;
            double fpRate = shouldStay == 0 ? 0 : (double) alarms / shouldStay;
            points.add(new Point(t, catchRate, fpRate, caught, alarms));
            if (catchRate >= target) {
                suggested = t;
            }
        }
        return new ThresholdCurve(trigger, List.copyOf(points), suggested, target, current);
    }
}
