package dev.handoff.escalation.semantic;

/**
 * From neighbours to a score between 0 and 1: the margin between the mean similarity of the k
 * nearest positive examples and that of the k nearest negatives, through a logistic curve, so 0.5
 * means "as near the topic as the nearest routine questions", and damped when even the nearest
 * positive example is far (a message unlike anything taught is not a match). The constants were
 * chosen on the development split of the evaluation data (docs/triggers.md, ADR 0013).
 */
final class Scoring {

    static double temperature = 0.04;
    static double floor = 0.45;
    static double floorWidth = 0.04;

    private Scoring() {
    }

    /** 0: neighbours only; 1: logistic only; 2: their mean. */
    static int mode = 2;

    static double score(ExampleMatrix.Nearest positives, ExampleMatrix.Nearest negatives, double logistic) {
        double p = positives.mean();
        double n = negatives.isEmpty() ? 0 : negatives.mean();
        double margin = sigmoid((p - n) / temperature);
        double near = sigmoid((positives.top() - floor) / floorWidth);
        double knn = margin * near;
        if (Double.isNaN(logistic) || mode == 0) {
            return knn;
        }
        if (mode == 3) {
            return (margin + logistic) / 2 * near;
        }
        return mode == 1 ? logistic : (knn + logistic) / 2;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
