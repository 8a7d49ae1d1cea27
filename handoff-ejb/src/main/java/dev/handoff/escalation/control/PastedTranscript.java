package dev.handoff.escalation.control;

import dev.handoff.platform.entity.Author;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a transcript pasted into the "try it" box: one message per line, optionally prefixed with
 * its author ({@code customer:}, {@code bot:}, {@code agent:}, {@code system:}); a bot line may
 * carry its confidence and intent as {@code bot[0.2 fallback]:}. Lines without a prefix are the
 * customer's.
 */
public final class PastedTranscript {

    private static final Pattern LINE = Pattern.compile(
            "^\\s*(customer|bot|agent|system)\\s*(?:\\[\\s*([0-9]*\\.?[0-9]+)?\\s*([A-Za-z0-9_.-]+)?\\s*])?\\s*:\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);

    private PastedTranscript() {}

    public static List<TriggerInput.Line> parse(String pasted) {
        List<TriggerInput.Line> lines = new ArrayList<>();
        if (pasted == null) {
            return lines;
        }
        for (String raw : pasted.split("\\R")) {
            if (raw.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(raw);
            if (m.matches()) {
                Author author = Author.fromWire(m.group(1)).orElse(Author.CUSTOMER);
                Double confidence = m.group(2) == null ? null : Math.min(1.0, Double.parseDouble(m.group(2)));
                lines.add(new TriggerInput.Line(author, m.group(4).strip(), confidence, m.group(3)));
            } else {
                lines.add(TriggerInput.Line.customer(raw.strip()));
            }
        }
        return lines;
    }
}
