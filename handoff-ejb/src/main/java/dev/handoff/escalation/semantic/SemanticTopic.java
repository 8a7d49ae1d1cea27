package dev.handoff.escalation.semantic;

/**
 * One example-taught topic: its positive examples and its own negatives. A message is scored by
 * how much nearer it lies to the positives than to the negatives (its own, the set's and the
 * shipped background of routine questions), so topics never compete with one another: adding a
 * topic cannot lower another topic's recall.
 */
public record SemanticTopic(String name, ExampleMatrix positives, ExampleMatrix negatives, LogisticLayer logistic) {

    /** Neighbours averaged on each side. */
    static final int K = 2;
}
