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
            if (!denied(tokens, i) && !namesAService(tokens, i + words.length)) {
                return true;
            }
        }
        return false;
    }

    /** What a keyword can name instead of harm done: a line, a team, a process ("the lost and stolen cards line", "the fraud guarantee"). */
    private static final java.util.Set<String> SERVICES = PhraseLexicon.keys("line", "hotline", "helpline", "team", "department", "desk",
            "unit", "process", "procedure", "policy", "policies", "guarantee", "guarantees", "window", "form", "page", "section", "cover",
            "insurance", "protection", "prevention", "number", "faq", "rules", "terms");
    /** Openers of a question, which a service must be named in. */
    private static final java.util.Set<String> ASKING = java.util.Set.of("what", "whats", "what's", "how", "hows", "how's", "where", "wheres",
            "where's", "when", "which", "who", "whos", "who's", "is", "are", "does", "do", "can", "could", "will", "would", "should");
    /** Things a service is for, between the keyword and the service: "stolen cards line", "lost phone cover". */
    private static final java.util.Set<String> SERVICE_OF = PhraseLexicon.keys("card", "cards", "phone", "phones", "item", "items", "goods",
            "property", "device", "devices", "parcel", "parcels", "bag", "bags", "luggage");

    /**
     * Whether the keyword that ends before {@code end} is the name of a service, not harm done (ADR
     * 0071): a service word right after it, or after one thing it is for, in its clause — "what's the
     * number for the lost and stolen cards line", "how does your fraud guarantee work", "what's the
     * chargeback window", in a message that opens as a question. "my stolen card", "stolen cards, help"
     * and "chargeback team" (a department asked for) name the harm or ask.
     */
    static boolean namesAService(List<Text.Token> tokens, int end) {
        if (end == 0 || end >= tokens.size() || !ASKING.contains(tokens.get(0).word())) {
            return false; // "chargeback team", "fraud department please": a department asked for
        }
        int clause = tokens.get(end - 1).clause();
        int at = end;
        if (SERVICE_OF.contains(English.key(tokens.get(at).word())) && at + 1 < tokens.size() && tokens.get(at).clause() == clause) {
            at++;
        }
        return tokens.get(at).clause() == clause && SERVICES.contains(English.key(tokens.get(at).word()));
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
