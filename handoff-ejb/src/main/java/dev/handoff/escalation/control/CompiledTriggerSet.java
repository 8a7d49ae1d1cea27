package dev.handoff.escalation.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A trigger-set document made executable: phrase matchers built, the topic classifier trained,
 * combinations ordered after what they combine. Immutable and thread-safe; evaluating a message
 * tokenises it once, classifies it at most once and scores sentiment at most once per message.
 */
public final class CompiledTriggerSet implements TriggerEngine {

    private final TriggerSetDocument document;
    private final List<Rule> rules;
    private final TopicClassifier classifier;
    private final Map<String, List<String[]>> keywords;
    private final Sentiment sentiment;
    private final PhraseIndex phrases;

    private CompiledTriggerSet(TriggerSetDocument document, List<Rule> rules, TopicClassifier classifier,
            Map<String, List<String[]>> keywords, Sentiment sentiment, PhraseIndex phrases) {
        this.document = document;
        this.rules = rules;
        this.classifier = classifier;
        this.keywords = keywords;
        this.sentiment = sentiment;
        this.phrases = phrases;
    }

    /** Validates and compiles; a trained classifier may be passed in to skip training (stored models). */
    public static CompiledTriggerSet compile(TriggerSetDocument doc, Lexicons lexicons, TopicClassifier trained) {
        List<TriggerSetValidator.Violation> violations = TriggerSetValidator.validate(doc);
        if (!violations.isEmpty()) {
            throw new InvalidTriggerSetException(violations);
        }
        TopicClassifier classifier = trained;
        if (classifier == null && !doc.topicsOrEmpty().isEmpty()) {
            Map<String, List<String>> examples = new LinkedHashMap<>();
            doc.topicsOrEmpty().forEach(t -> examples.put(t.name(), t.examplesOrEmpty()));
            classifier = TopicClassifier.train(examples, doc.negativesOrEmpty());
        }
        Map<String, List<String[]>> keywords = new HashMap<>();
        for (TriggerSetDocument.TopicSpec topic : doc.topicsOrEmpty()) {
            keywords.put(topic.name(), topic.keywordsOrEmpty().stream().map(Text::words).filter(w -> w.length > 0).toList());
        }
        List<Rule> plain = new ArrayList<>();
        List<PhraseMatcher> matchers = new ArrayList<>();
        List<TriggerSetDocument.TriggerSpec> combinations = new ArrayList<>();
        for (TriggerSetDocument.TriggerSpec spec : doc.triggersOrEmpty()) {
            if (!spec.isEnabled()) {
                continue;
            }
            switch (spec.kind()) {
                case "phrase" -> {
                    matchers.add(new PhraseMatcher(spec.phrases(), spec.negations() == null ? List.of() : spec.negations()));
                    plain.add(new PhraseRule(spec, matchers.get(matchers.size() - 1), matchers.size() - 1));
                }
                case "topic" -> plain.add(new TopicRule(spec, keywords.getOrDefault(spec.topic(), List.of())));
                case "sentiment" -> plain.add(new SentimentRule(spec));
                case "botFailure" -> plain.add(new BotFailureRule(spec));
                case "customer" -> plain.add(new CustomerRule(spec));
                case "combination" -> combinations.add(spec);
                default -> throw new IllegalStateException(spec.kind());
            }
        }
        List<Rule> rules = new ArrayList<>(plain);
        Set<String> placed = new HashSet<>();
        plain.forEach(r -> placed.add(r.spec().name()));
        // combinations after every trigger they refer to; a disabled part simply never fires
        List<TriggerSetDocument.TriggerSpec> pending = new ArrayList<>(combinations);
        while (!pending.isEmpty()) {
            boolean progress = false;
            for (var it = pending.iterator(); it.hasNext(); ) {
                TriggerSetDocument.TriggerSpec spec = it.next();
                boolean ready = spec.of().stream().allMatch(ref -> placed.contains(ref) || combinations.stream().noneMatch(c -> c.name().equals(ref)));
                if (ready) {
                    rules.add(new CombinationRule(spec));
                    placed.add(spec.name());
                    it.remove();
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("combination cycle survived validation");
            }
        }
        return new CompiledTriggerSet(doc, List.copyOf(rules), classifier, keywords, new Sentiment(lexicons),
                new PhraseIndex(matchers));
    }

    public static CompiledTriggerSet compile(TriggerSetDocument doc, Lexicons lexicons) {
        return compile(doc, lexicons, null);
    }

    public TriggerSetDocument document() {
        return document;
    }

    public Optional<TopicClassifier> classifier() {
        return Optional.ofNullable(classifier);
    }

    @Override
    public Decision evaluate(TriggerInput input) {
        TriggerInput.Line latest = input.latest();
        if (latest == null) {
            return Decision.NONE;
        }
        Analysis analysis = new Analysis(input, classifier, sentiment, phrases);
        Map<String, TriggerFiring> fired = new HashMap<>();
        List<TriggerFiring> decision = new ArrayList<>();
        for (Rule rule : rules) {
            Optional<TriggerFiring> firing = rule.test(analysis, fired);
            if (firing.isPresent()) {
                fired.put(rule.spec().name(), firing.get());
                if (rule.spec().isStandalone()) {
                    decision.add(firing.get());
                }
            }
        }
        return new Decision(decision);
    }
}
