package dev.handoff.escalation.semantic;

/**
 * From a message's neighbours and the topic's logistic layer to one score between 0 and 1, the
 * mean of two views: the margin between the mean similarity of the k nearest positive examples and
 * that of the k nearest negatives, through a logistic curve (so 0.5 means "as near the topic as the
 * nearest routine questions") and damped when even the nearest positive example is far; and the
 * logistic layer's probability. Chosen on the development split of the evaluation data (ADR 0013:
 * neighbours alone were precise but missed new wording, the logistic layer alone over-fired).
 */
final class Scoring {

    static final double TEMPERATURE = 0.04;
    static final double FLOOR = 0.45;
    static final double FLOOR_WIDTH = 0.04;

    private Scoring() {
    }

    static double score(ExampleMatrix.Nearest positives, ExampleMatrix.Nearest negatives, double logistic) {
        double p = positives.mean();
        double n = negatives.isEmpty() ? 0 : negatives.mean();
        double margin = sigmoid((p - n) / TEMPERATURE);
        double near = sigmoid((positives.top() - FLOOR) / FLOOR_WIDTH);
        double neighbours = margin * near;
        return Double.isNaN(logistic) ? neighbours : (neighbours + logistic) / 2;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
