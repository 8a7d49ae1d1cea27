package dev.handoff.escalation.semantic;

/**
 * How a message relates to one topic: the score (0–1, above 0.5 when the message lies nearer the
 * topic's examples than any routine example), the nearest positive example and its cosine
 * similarity, and the nearest negative example and its similarity.
 */
public record SemanticMatch(double score, String nearestExample, double similarity, String nearestNegative,
        double negativeSimilarity) {

    public static final SemanticMatch NONE = new SemanticMatch(0, null, 0, null, 0);
}
