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

    /** Words that deny what follows them: "not hacked", "wasn't stolen", "never been compromised", "no outage". */
    private static final java.util.Set<String> DENIALS = java.util.Set.of("not", "never", "no", "nothing", "wasn't", "wasnt", "isn't",
            "isnt", "hasn't", "hasnt", "haven't", "havent", "weren't", "werent", "aren't", "arent", "didn't", "didnt", "don't", "dont",
            "doesn't", "doesnt", "nor");
    /** Words between a denial and what it denies: "not been hacked", "never ever stolen". */
    private static final java.util.Set<String> BETWEEN = java.util.Set.of("been", "be", "being", "got", "ever", "even", "yet", "actually",
            "really");

    /**
     * Whether the keyword stands in the message and is not denied right before it, in its clause
     * ("how do I change my password, just routine, not hacked or anything", "my card wasn't stolen,
     * I just lost it at home"): a denial one word before, or two with only {@link #BETWEEN} between
     * (ADR 0070). A denial inside the keyword ("still not working", "wasn't me") is the keyword's own.
     */
    static boolean affirmed(List<Text.Token> tokens, String[] words) {
        outer:
        for (int i = 0; i + words.length <= tokens.size(); i++) {
            for (int k = 0; k < words.length; k++) {
                if (!tokens.get(i + k).word().equals(words[k])) {
                    continue outer;
                }
            }
            if (!denied(tokens, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean denied(List<Text.Token> tokens, int at) {
        int clause = tokens.get(at).clause();
        int before = at - 1;
        if (before >= 0 && tokens.get(before).clause() == clause && BETWEEN.contains(tokens.get(before).word())) {
            before--;
        }
        return before >= 0 && tokens.get(before).clause() == clause && DENIALS.contains(tokens.get(before).word());
    }
}
