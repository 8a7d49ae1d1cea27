package dev.handoff.escalation.control;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One enabled trigger of a compiled set: tests the {@link Analysis} of a message, given the
 * triggers that already fired on it, and says why it fires.
 */
sealed interface Rule permits PhraseRule, TopicRule, SentimentRule, BotFailureRule, CustomerRule, CombinationRule {

    TriggerSetDocument.TriggerSpec spec();

    Optional<TriggerFiring> test(Analysis a, Map<String, TriggerFiring> fired);

    default TriggerFiring fire(String reason, String evidence) {
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

    static String twoDecimals(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
