package dev.handoff.escalation.control;

import dev.handoff.escalation.semantic.SemanticMatch;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A topic trigger: fires on one of the topic's keywords in the customer's latest message, or when
 * the message lies near enough the topic's examples and far enough from its negatives (score at
 * least {@code minScore}). The reason is in people's words ("billing dispute: charged twice"); the
 * evidence names the nearest example and the similarity, for admins.
 */
record TopicRule(TriggerSetDocument.TriggerSpec spec, String label, List<String[]> keywords, String minScoreText) implements Rule {

    TopicRule(TriggerSetDocument.TriggerSpec spec, TriggerSetDocument.TopicSpec topic, List<String[]> keywords) {
        this(spec, spec.labelOrNull() != null ? spec.labelOrNull() : topic.label(), keywords, Rule.twoDecimals(spec.minScoreOrDefault()));
    }

    @Override
    public Optional<TriggerFiring> test(Analysis a, Map<String, TriggerFiring> fired) {
        if (!a.customerSpoke() || a.notAProblem() || a.statesStatus() || a.endsAskingTheWay()) {
            // "it crashed once but it's working now", "what is phishing?", "refund still not showing",
            // "dark mode keeps resetting, where do I set it permanently"
            return Optional.empty();
        }
        String[] keyword = a.keywordHit(spec.topic(), keywords);
        boolean calmQuestion = a.askedInGeneral() || a.asksPlainly() || a.asksRoutinely() || a.announcesQuestion() || a.statesThenAsks();
        if (keyword != null && !calmQuestion) {
            String k = String.join(" ", keyword);
            return Optional.of(fireExactly(label + ": " + k, "keyword \"" + k + "\" of topic " + spec.topic()));
        }
        SemanticMatch match = a.semantic(spec.topic());
        // a calm question for information ("what does a chargeback cost?", "why was I charged a fee for my transfer?") needs a close match
        double needs = calmQuestion ? Math.max(spec.minScoreOrDefault(), GENERAL_QUESTION_MIN_SCORE) : spec.minScoreOrDefault();
        if (match.nearestExample() != null && match.score() >= needs) {
            return Optional.of(fireExactly(label + " (like \"" + Rule.shortened(match.nearestExample()) + "\")", Rule.evidence(a, match, minScoreText)));
        }
        return Optional.empty();
    }

    /** The score a general question for information needs to read as the topic (see {@link Analysis#askedInGeneral}). */
    static final double GENERAL_QUESTION_MIN_SCORE = 0.8;

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
