package dev.handoff.escalation.control;

import dev.handoff.platform.entity.Author;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A bot-failure trigger: fires when the bot answers with low confidence or falls back several
 * times in a row, or when the customer repeats themselves.
 */
record BotFailureRule(TriggerSetDocument.TriggerSpec spec) implements Rule {
    @Override
    public Optional<TriggerFiring> test(Analysis a, Map<String, TriggerFiring> fired) {
        TriggerInput.Line latest = a.latest;
        if (latest.author() == Author.BOT) {
            if (spec.minConfidence() != null && latest.botConfidence() != null && latest.botConfidence() < spec.minConfidence()) {
                return Optional.of(fire(String.format(Locale.ROOT, "Bot confidence %.2f below %.2f", latest.botConfidence(), spec.minConfidence()),
                        String.format(Locale.ROOT, "confidence=%.2f", latest.botConfidence())));
            }
            int needed = spec.fallbacksInARow() == null ? 0 : spec.fallbacksInARow();
            if (needed > 0 && spec.fallbackIntent() != null) {
                int run = 0;
                List<TriggerInput.Line> lines = a.input.transcript();
                for (int i = lines.size() - 1; i >= 0; i--) {
                    TriggerInput.Line line = lines.get(i);
                    if (line.author() != Author.BOT) {
                        continue;
                    }
                    if (spec.fallbackIntent().equalsIgnoreCase(String.valueOf(line.intent()))) {
                        run++;
                    } else {
                        break;
                    }
                }
                if (run >= needed) {
                    return Optional.of(fire(run + " fallback answers in a row", "intent=" + spec.fallbackIntent() + " x" + run));
                }
            }
            return Optional.empty();
        }
        if (a.customerSpoke() && spec.repeatSimilarity() != null && spec.repeatSimilarity() > 0) {
            // the latest message's shingles are built once, and only when there is an earlier customer line
            List<TriggerInput.Line> lines = a.input.transcript();
            for (int i = lines.size() - 2; i >= 0; i--) {
                TriggerInput.Line line = lines.get(i);
                if (line.author() != Author.CUSTOMER) {
                    continue;
                }
                if (a.latestShingles().size() < 3) {
                    break;
                }
                double similarity = a.similarityTo(i, line);
                if (similarity >= spec.repeatSimilarity()) {
                    return Optional.of(fire("The customer is repeating themselves (similarity " + a.twoDecimals(similarity) + ")",
                            "\"" + abbreviate(line.text()) + "\""));
                }
            }
        }
        return Optional.empty();
    }

    static Set<String> shingles(List<Text.Token> tokens) {
        Set<String> set = new HashSet<>();
        for (Text.Token t : tokens) {
            set.add(t.word());
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            set.add(tokens.get(i).word() + " " + tokens.get(i + 1).word());
        }
        return set;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String s : a) {
            if (b.contains(s)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 79) + "…";
    }
}
