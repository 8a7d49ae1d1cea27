package dev.handoff.escalation.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a trigger-set document before it is saved, compiled or published. Every problem names the
 * JSON path of the faulty field, e.g. {@code triggers[3].minScore}.
 */
public final class TriggerSetValidator {

    public static final Set<String> KINDS = Set.of("phrase", "topic", "sentiment", "botFailure", "customer", "combination");
    static final String NAME = "[a-z0-9][a-z0-9-]{0,63}";
    static final int MAX_TRIGGERS = 500;
    static final int MAX_TOPICS = 50;
    static final int MAX_EXAMPLES = 10_000;
    static final int MAX_TEXT = 500;
    static final int MIN_EXAMPLES = 5;

    private TriggerSetValidator() {}

    /** A problem with one field. */
    public record Violation(String field, String message) {}

    public static List<Violation> validate(TriggerSetDocument doc) {
        List<Violation> out = new ArrayList<>();
        if (doc == null) {
            out.add(new Violation("", "the document is empty"));
            return out;
        }
        if (!TriggerSetDocument.FORMAT.equals(doc.format())) {
            out.add(new Violation("format", "format must be \"" + TriggerSetDocument.FORMAT + "\""));
        }
        if (doc.name() == null || doc.name().isBlank() || doc.name().length() > 120) {
            out.add(new Violation("name", "name is required (at most 120 characters)"));
        }
        Set<String> topics = new HashSet<>();
        int examples = 0;
        List<TriggerSetDocument.TopicSpec> topicList = doc.topicsOrEmpty();
        if (topicList.size() > MAX_TOPICS) {
            out.add(new Violation("topics", "at most " + MAX_TOPICS + " topics"));
        }
        for (int i = 0; i < topicList.size(); i++) {
            String at = "topics[" + i + "]";
            TriggerSetDocument.TopicSpec t = topicList.get(i);
            if (t == null) {
                out.add(new Violation(at, "a topic cannot be null"));
                continue;
            }
            if (t.name() == null || !t.name().matches(NAME)) {
                out.add(new Violation(at + ".name", "topic names are 1-64 lower-case letters, digits or '-'"));
            } else if (!topics.add(t.name())) {
                out.add(new Violation(at + ".name", "topic '" + t.name() + "' is defined twice"));
            }
            if (t.examplesOrEmpty().size() < MIN_EXAMPLES) {
                out.add(new Violation(at + ".examples", "a topic needs at least " + MIN_EXAMPLES + " example phrases"));
            }
            examples += t.examplesOrEmpty().size() + t.negativesOrEmpty().size();
            texts(out, at + ".examples", t.examplesOrEmpty());
            texts(out, at + ".negatives", t.negativesOrEmpty());
            texts(out, at + ".keywords", t.keywordsOrEmpty());
        }
        examples += doc.negativesOrEmpty().size();
        texts(out, "negativeExamples", doc.negativesOrEmpty());
        if (examples > MAX_EXAMPLES) {
            out.add(new Violation("topics", "at most " + MAX_EXAMPLES + " examples in all"));
        }

        List<TriggerSetDocument.TriggerSpec> triggers = doc.triggersOrEmpty();
        if (triggers.size() > MAX_TRIGGERS) {
            out.add(new Violation("triggers", "at most " + MAX_TRIGGERS + " triggers"));
        }
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < triggers.size(); i++) {
            TriggerSetDocument.TriggerSpec t = triggers.get(i);
            if (t != null && t.name() != null && names.putIfAbsent(t.name(), i) != null) {
                out.add(new Violation("triggers[" + i + "].name", "trigger '" + t.name() + "' is defined twice"));
            }
        }
        for (int i = 0; i < triggers.size(); i++) {
            trigger(out, "triggers[" + i + "]", triggers.get(i), topics, names);
        }
        cycles(out, triggers, names);
        return out;
    }

    private static void trigger(List<Violation> out, String at, TriggerSetDocument.TriggerSpec t, Set<String> topics,
            Map<String, Integer> names) {
        if (t == null) {
            out.add(new Violation(at, "a trigger cannot be null"));
            return;
        }
        if (t.name() == null || !t.name().matches(NAME)) {
            out.add(new Violation(at + ".name", "trigger names are 1-64 lower-case letters, digits or '-'"));
        }
        if (t.kind() == null || !KINDS.contains(t.kind())) {
            out.add(new Violation(at + ".kind", "kind must be one of " + String.join(", ", new java.util.TreeSet<>(KINDS))));
            return;
        }
        if (t.label() != null && t.label().length() > 80) {
            out.add(new Violation(at + ".label", "label must be at most 80 characters"));
        }
        if (t.priority() != null && (t.priority() < 0 || t.priority() > 100)) {
            out.add(new Violation(at + ".priority", "priority must be between 0 and 100"));
        }
        if (t.skills() != null) {
            for (int s = 0; s < t.skills().size(); s++) {
                String skill = t.skills().get(s);
                if (skill == null || !skill.matches("[a-z0-9][a-z0-9 _-]{0,63}")) {
                    out.add(new Violation(at + ".skills[" + s + "]", "skills are lower-case letters, digits, spaces, '_' or '-'"));
                }
            }
        }
        switch (t.kind()) {
            case "phrase" -> {
                if (t.phrases() == null || t.phrases().isEmpty()) {
                    out.add(new Violation(at + ".phrases", "a phrase trigger needs at least one phrase"));
                } else {
                    texts(out, at + ".phrases", t.phrases());
                }
                if (t.negations() != null) {
                    texts(out, at + ".negations", t.negations());
                }
                optionalTopic(out, at, t, topics);
            }
            case "topic" -> {
                if (t.topic() == null || !topics.contains(t.topic())) {
                    out.add(new Violation(at + ".topic", "topic must name a topic defined under 'topics'"));
                }
                range(out, at + ".minScore", t.minScore(), 0.01, 1.0, false);
            }
            case "sentiment" -> {
                range(out, at + ".threshold", t.threshold(), -50, 0, true);
                intRange(out, at + ".trendWindow", t.trendWindow(), 0, 20);
                range(out, at + ".trendDrop", t.trendDrop(), 0, 50, false);
                intRange(out, at + ".profanityRepeats", t.profanityRepeats(), 0, 20);
                optionalTopic(out, at, t, topics);
            }
            case "botFailure" -> {
                range(out, at + ".minConfidence", t.minConfidence(), 0, 1, false);
                intRange(out, at + ".fallbacksInARow", t.fallbacksInARow(), 0, 20);
                range(out, at + ".repeatSimilarity", t.repeatSimilarity(), 0, 1, false);
                if (nz(t.minConfidence()) == 0 && (t.fallbacksInARow() == null || t.fallbacksInARow() == 0)
                        && nz(t.repeatSimilarity()) == 0) {
                    out.add(new Violation(at, "set at least one of minConfidence, fallbacksInARow, repeatSimilarity"));
                }
            }
            case "customer" -> {
                if (t.minAccountValue() != null && t.minAccountValue().signum() < 0) {
                    out.add(new Violation(at + ".minAccountValue", "minAccountValue must not be negative"));
                }
                intRange(out, at + ".recentEscalationDays", t.recentEscalationDays(), 0, 365);
                boolean any = (t.tiers() != null && !t.tiers().isEmpty()) || t.minAccountValue() != null
                        || (t.recentEscalationDays() != null && t.recentEscalationDays() > 0);
                if (!any) {
                    out.add(new Violation(at, "set at least one of tiers, minAccountValue, recentEscalationDays"));
                }
            }
            case "combination" -> {
                if (!"and".equals(t.operator()) && !"or".equals(t.operator())) {
                    out.add(new Violation(at + ".operator", "operator must be \"and\" or \"or\""));
                }
                if (t.of() == null || t.of().size() < 2) {
                    out.add(new Violation(at + ".of", "a combination needs at least two trigger names"));
                } else {
                    for (int k = 0; k < t.of().size(); k++) {
                        String ref = t.of().get(k);
                        if (ref == null || !names.containsKey(ref)) {
                            out.add(new Violation(at + ".of[" + k + "]", "no trigger named '" + ref + "'"));
                        } else if (ref.equals(t.name())) {
                            out.add(new Violation(at + ".of[" + k + "]", "a combination cannot include itself"));
                        }
                    }
                }
            }
            default -> throw new IllegalStateException(t.kind());
        }
    }

    /** Phrase and sentiment triggers may also fire on a topic's examples (the semantic layer). */
    private static void optionalTopic(List<Violation> out, String at, TriggerSetDocument.TriggerSpec t, Set<String> topics) {
        if (t.topic() == null) {
            return;
        }
        if (!topics.contains(t.topic())) {
            out.add(new Violation(at + ".topic", "topic must name a topic defined under 'topics'"));
        }
        range(out, at + ".minScore", t.minScore(), 0.01, 1.0, false);
    }

    private static void cycles(List<Violation> out, List<TriggerSetDocument.TriggerSpec> triggers, Map<String, Integer> names) {
        Map<String, List<String>> edges = new HashMap<>();
        for (TriggerSetDocument.TriggerSpec t : triggers) {
            if (t != null && "combination".equals(t.kind()) && t.of() != null && t.name() != null) {
                edges.put(t.name(), t.of());
            }
        }
        Set<String> done = new HashSet<>();
        for (String start : edges.keySet()) {
            if (reaches(start, start, edges, new HashSet<>()) && done.add(start)) {
                out.add(new Violation("triggers[" + names.get(start) + "].of", "combination '" + start + "' refers back to itself"));
            }
        }
    }

    private static boolean reaches(String target, String from, Map<String, List<String>> edges, Set<String> seen) {
        for (String next : edges.getOrDefault(from, List.of())) {
            if (next == null) {
                continue;
            }
            if (next.equals(target)) {
                return true;
            }
            if (seen.add(next) && reaches(target, next, edges, seen)) {
                return true;
            }
        }
        return false;
    }

    private static void texts(List<Violation> out, String at, List<String> texts) {
        for (int i = 0; i < texts.size(); i++) {
            String s = texts.get(i);
            if (s == null || s.isBlank()) {
                out.add(new Violation(at + "[" + i + "]", "must not be empty"));
            } else if (s.length() > MAX_TEXT) {
                out.add(new Violation(at + "[" + i + "]", "longer than " + MAX_TEXT + " characters"));
            }
        }
    }

    private static void range(List<Violation> out, String at, Double v, double min, double max, boolean required) {
        if (v == null) {
            if (required) {
                out.add(new Violation(at, at.substring(at.lastIndexOf('.') + 1) + " is required"));
            }
            return;
        }
        if (v.isNaN() || v < min || v > max) {
            out.add(new Violation(at, at.substring(at.lastIndexOf('.') + 1) + " must be between " + min + " and " + max));
        }
    }

    private static void intRange(List<Violation> out, String at, Integer v, int min, int max) {
        if (v != null && (v < min || v > max)) {
            out.add(new Violation(at, at.substring(at.lastIndexOf('.') + 1) + " must be between " + min + " and " + max));
        }
    }

    private static double nz(Double d) {
        return d == null ? 0 : d;
    }
}
