package dev.handoff.escalation.control;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One enabled trigger of a compiled set: tests the {@link Analysis} of a message, given the
 * triggers that already fired on it, and says why it fires.
 */
sealed interface Rule permits PhraseRule, TopicRule, SemanticRule, SentimentRule, BotFailureRule, CustomerRule, CombinationRule {

    TriggerSetDocument.TriggerSpec spec();

    Optional<TriggerFiring> test(Analysis a, Map<String, TriggerFiring> fired);

    /** Fires with the trigger's label as the reason people read, or {@code reason} when it has none. */
    default TriggerFiring fire(String reason, String evidence) {
        String label = spec().labelOrNull();
        return fireExactly(label != null ? label : reason, evidence);
    }

    default TriggerFiring fireExactly(String reason, String evidence) {
        return new TriggerFiring(spec().name(), reason, evidence, spec().firstSkill(), spec().priorityOrDefault());
    }

    /*
     * Firing texts are assembled from numbers formatted one at a time: Formatter formats each
     * specifier on its own, so "a %.1f b %.1f" of (x, y) equals "a " + "%.1f" of x + " b " + "%.1f" of y,
     * and a trigger's own settings are formatted once, when the set is compiled.
     */
    static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** The admin's view of a semantic match: "closest to 'I want a person', 0.83 (score 0.97, needs 0.50)". */
    static String evidence(Analysis a, dev.handoff.escalation.semantic.SemanticMatch match, String minScoreText) {
        return "closest to '" + shortened(match.nearestExample()) + "', " + a.twoDecimals(match.similarity())
                + " (score " + a.twoDecimals(match.score()) + ", needs " + minScoreText + ")";
    }

    /** An example quoted in a reason, cut at 80 characters. */
    static String shortened(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "…";
    }

    static String twoDecimals(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
