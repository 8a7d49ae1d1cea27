package dev.handoff.escalation.control;

import java.math.BigDecimal;
import java.util.List;

/**
 * A whole trigger set as one JSON document (format {@value #FORMAT}): topics defined by example
 * phrases, routine negative examples, and the triggers. This is what admins export, keep in version
 * control and import; docs/triggers.md documents every field.
 */
public record TriggerSetDocument(String format, String name, String description, List<TopicSpec> topics,
        List<String> negativeExamples, List<TriggerSpec> triggers) {

    public static final String FORMAT = "handoff.trigger-set/1";

    public List<TopicSpec> topicsOrEmpty() {
        return topics == null ? List.of() : topics;
    }

    public List<TriggerSpec> triggersOrEmpty() {
        return triggers == null ? List.of() : triggers;
    }

    public List<String> negativesOrEmpty() {
        return negativeExamples == null ? List.of() : negativeExamples;
    }

    /**
     * A topic: examples of messages that belong to it, negatives (messages that look alike but do
     * not), and keywords that settle it outright. A message belongs to the topic when it lies nearer
     * the examples than the negatives and the shipped background of routine questions.
     */
    public record TopicSpec(String name, String description, List<String> keywords, List<String> examples,
            List<String> negatives) {

        public static TopicSpec of(String name, String description, List<String> keywords, List<String> examples) {
            return new TopicSpec(name, description, keywords, examples, null);
        }

        public List<String> negativesOrEmpty() {
            return negatives == null ? List.of() : negatives;
        }

        /** How people call the topic: "billing-dispute" reads "billing dispute". */
        public String label() {
            return name == null ? "" : name.replace('-', ' ');
        }

        public List<String> keywordsOrEmpty() {
            return keywords == null ? List.of() : keywords;
        }

        public List<String> examplesOrEmpty() {
            return examples == null ? List.of() : examples;
        }
    }

    /**
     * One trigger. {@code kind} decides which settings apply: phrase (phrases, negations), topic
     * (topic, minScore), sentiment (threshold, trendWindow, trendDrop, profanityRepeats), botFailure
     * (minConfidence, fallbackIntent, fallbacksInARow, repeatSimilarity), customer (tiers,
     * minAccountValue, recentEscalationDays), combination (operator, of). A trigger with
     * {@code standalone: false} only feeds combinations.
     */
    public record TriggerSpec(String name, String kind, String description, Boolean enabled, Boolean standalone,
            Integer priority, List<String> skills, List<String> phrases, List<String> negations, String topic,
            Double minScore, Double threshold, Integer trendWindow, Double trendDrop, Integer profanityRepeats,
            Double minConfidence, String fallbackIntent, Integer fallbacksInARow, Double repeatSimilarity,
            List<String> tiers, BigDecimal minAccountValue, Integer recentEscalationDays, String operator,
            List<String> of, String label) {

        /** A trigger without a label (JSON-B needs the canonical constructor to be the only one). */
        public static TriggerSpec of(String name, String kind, String description, Boolean enabled, Boolean standalone,
                Integer priority, List<String> skills, List<String> phrases, List<String> negations, String topic,
                Double minScore, Double threshold, Integer trendWindow, Double trendDrop, Integer profanityRepeats,
                Double minConfidence, String fallbackIntent, Integer fallbacksInARow, Double repeatSimilarity,
                List<String> tiers, BigDecimal minAccountValue, Integer recentEscalationDays, String operator,
                List<String> of) {
            return new TriggerSpec(name, kind, description, enabled, standalone, priority, skills, phrases, negations, topic, minScore,
                    threshold, trendWindow, trendDrop, profanityRepeats, minConfidence, fallbackIntent, fallbacksInARow,
                    repeatSimilarity, tiers, minAccountValue, recentEscalationDays, operator, of, null);
        }

        /** What agents and bots read when this trigger fires ("asked for a person"), or null. */
        public String labelOrNull() {
            return label == null || label.isBlank() ? null : label.strip();
        }

        /** The score a semantic match needs: {@code minScore}, or 0.5 (nearer the examples than any routine question). */
        public double minScoreOrDefault() {
            return minScore == null ? 0.5 : minScore;
        }

        public boolean isEnabled() {
            return enabled == null || enabled;
        }

        public boolean isStandalone() {
            return standalone == null || standalone;
        }

        public int priorityOrDefault() {
            return priority == null ? 50 : priority;
        }

        public String firstSkill() {
            return skills == null || skills.isEmpty() ? "general" : skills.get(0);
        }
    }
}
