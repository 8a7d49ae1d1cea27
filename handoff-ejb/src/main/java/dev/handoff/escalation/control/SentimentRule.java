package dev.handoff.escalation.control;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sentiment trigger: fires when the customer's latest message is negative enough, when their
 * mood worsens over the last few messages, or on repeated profanity: swearing in the latest
 * message and in enough of the recent ones, unless the latest is positive overall ("damn, that was
 * quick, thanks").
 */
record SentimentRule(TriggerSetDocument.TriggerSpec spec, String thresholdText) implements Rule {

    SentimentRule(TriggerSetDocument.TriggerSpec spec) {
        this(spec, Rule.oneDecimal(spec.threshold()));
    }

    @Override
    public Optional<TriggerFiring> test(Analysis a, Map<String, TriggerFiring> fired) {
        if (!a.customerSpoke()) {
            return Optional.empty();
        }
        Sentiment.Score now = a.sentiment();
        if (now.value() <= spec.threshold()) {
            return Optional.of(fireExactly(said(now.evidence()), a.sentimentDescription() + " (threshold " + thresholdText + ")"));
        }
        int window = spec.trendWindow() == null ? 0 : spec.trendWindow();
        double drop = spec.trendDrop() == null ? 0 : spec.trendDrop();
        int repeats = spec.profanityRepeats() == null ? 0 : spec.profanityRepeats();
        List<Sentiment.Score> recent = a.customerSentiments(Math.max(window, Math.max(repeats, 1)));
        if (window >= 2 && drop > 0 && recent.size() >= 2) {
            List<Sentiment.Score> span = recent.subList(Math.max(0, recent.size() - window), recent.size());
            // measured from neutral at best: "great, thanks!" then a calm question is no worsening mood
            double worsening = Math.min(span.get(0).value(), 0) - now.value();
            if (worsening >= drop && now.value() < 0) {
                return Optional.of(fireExactly(label() + ": mood worsened over the last " + span.size() + " messages",
                        "sentiment worsened by " + a.oneDecimal(worsening) + ", from " + a.oneDecimal(span.get(0).value()) + " to "
                                + a.oneDecimal(now.value())));
            }
        }
        if (repeats > 0 && now.profanity() > 0 && now.value() < 0) {
            int total = recent.stream().mapToInt(Sentiment.Score::profanity).sum();
            if (total >= repeats) {
                return Optional.of(fireExactly(label() + ": repeated swearing",
                        "profanity " + total + " times in the last " + recent.size() + " messages: " + String.join(", ", now.evidence())));
            }
        }
        return Optional.empty();
    }

    /** The trigger's label, or "upset" — what agents read. */
    private String label() {
        return spec.labelOrNull() != null ? spec.labelOrNull() : "upset";
    }

    /** "frustrated: "nobody is helping", "useless bot"" — the label and the customer's own words, two at most. */
    private String said(List<String> evidence) {
        List<String> cues = evidence.stream().limit(2).toList();
        return cues.isEmpty() ? label() : label() + ": " + String.join(", ", cues);
    }
}
