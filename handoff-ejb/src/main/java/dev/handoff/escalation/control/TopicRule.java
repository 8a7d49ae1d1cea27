package dev.handoff.escalation.control;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A topic trigger: fires on one of the topic's keywords in the customer's latest message, or when
 * the classifier scores the message for the topic at least {@code minScore}.
 */
record TopicRule(TriggerSetDocument.TriggerSpec spec, List<String[]> keywords, String minScoreText) implements Rule {

    TopicRule(TriggerSetDocument.TriggerSpec spec, List<String[]> keywords) {
        this(spec, keywords, Rule.twoDecimals(spec.minScore()));
    }

    @Override
    public Optional<TriggerFiring> test(Analysis a, Map<String, TriggerFiring> fired) {
        if (!a.customerSpoke()) {
            return Optional.empty();
        }
        String[] keyword = a.keywordHit(spec.topic(), keywords);
        if (keyword != null) {
            String k = String.join(" ", keyword);
            return Optional.of(fire("Keyword \"" + k + "\" of topic " + spec.topic(), "keyword " + k));
        }
        double score = a.topics().getOrDefault(spec.topic(), 0.0);
        if (score >= spec.minScore()) {
            String scoreText = a.twoDecimals(score);
            return Optional.of(fire("Topic " + spec.topic() + " (score " + scoreText + ", needs " + minScoreText + ")",
                    "topic " + spec.topic() + " " + scoreText));
        }
        return Optional.empty();
    }

    static boolean contains(List<Text.Token> tokens, String[] words) {
        outer:
        for (int i = 0; i + words.length <= tokens.size(); i++) {
            for (int k = 0; k < words.length; k++) {
                if (!tokens.get(i + k).word().equals(words[k])) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
