package dev.handoff.escalation.control;

import dev.handoff.escalation.semantic.SemanticIndex;
import dev.handoff.escalation.semantic.SentenceEncoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A trigger-set document made executable: phrase matchers built, the topics' examples and negatives
 * embedded, combinations ordered after what they combine. Immutable and thread-safe; evaluating a
 * message tokenises it once, embeds it at most once (only when a customer spoke and a rule asks)
 * and scores sentiment at most once per message.
 */
public final class CompiledTriggerSet implements TriggerEngine {

    private final TriggerSetDocument document;
    private final List<Rule> rules;
    private final SemanticIndex semantic;
    private final Map<String, List<String[]>> keywords;
    private final Sentiment sentiment;
    private final PhraseIndex phrases;
    private final Map<String, Rule> rulesByName;

    private CompiledTriggerSet(TriggerSetDocument document, List<Rule> rules, SemanticIndex semantic,
            Map<String, List<String[]>> keywords, Sentiment sentiment, PhraseIndex phrases) {
        this.document = document;
        this.rules = rules;
        this.semantic = semantic;
        this.keywords = keywords;
        this.sentiment = sentiment;
        this.phrases = phrases;
        Map<String, Rule> byName = new HashMap<>();
        rules.forEach(r -> byName.put(r.spec().name(), r));
        this.rulesByName = Map.copyOf(byName);
    }

    /**
     * Validates and compiles: the topics' examples are embedded with {@code encoder} (cached by
     * text, so recompiling embeds only new examples) and weighed against {@code background} plus the
     * set's own negatives.
     */
    public static CompiledTriggerSet compile(TriggerSetDocument doc, Lexicons lexicons, SentenceEncoder encoder,
            List<String> background) {
        List<TriggerSetValidator.Violation> violations = TriggerSetValidator.validate(doc);
        if (!violations.isEmpty()) {
            throw new InvalidTriggerSetException(violations);
        }
        Set<String> used = new HashSet<>();
        doc.triggersOrEmpty().stream().filter(TriggerSetDocument.TriggerSpec::isEnabled)
                .filter(t -> t.topic() != null).forEach(t -> used.add(t.topic()));
        List<SemanticIndex.TopicExamples> taught = doc.topicsOrEmpty().stream()
                .filter(t -> used.contains(t.name()))
                .map(t -> new SemanticIndex.TopicExamples(t.name(), t.examplesOrEmpty(), t.negativesOrEmpty()))
                .toList();
        List<String> negatives = new ArrayList<>(background);
        negatives.addAll(doc.negativesOrEmpty());
        SemanticIndex semantic = taught.isEmpty() ? SemanticIndex.EMPTY : SemanticIndex.build(taught, negatives, encoder);
        Map<String, TriggerSetDocument.TopicSpec> topicsByName = new HashMap<>();
        doc.topicsOrEmpty().forEach(t -> topicsByName.put(t.name(), t));
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
                    plain.add(orSemantic(new PhraseRule(spec, matchers.get(matchers.size() - 1), matchers.size() - 1), topicsByName));
                }
                case "topic" -> plain.add(new TopicRule(spec, topicsByName.get(spec.topic()), keywords.getOrDefault(spec.topic(), List.of())));
                case "sentiment" -> plain.add(orSemantic(new SentimentRule(spec), topicsByName));
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
        return new CompiledTriggerSet(doc, List.copyOf(rules), semantic, keywords, new Sentiment(lexicons),
                new PhraseIndex(matchers));
    }

    /** Compiles with the shared sentence model and the shipped background negatives. */
    public static CompiledTriggerSet compile(TriggerSetDocument doc, Lexicons lexicons) {
        return compile(doc, lexicons, SentenceEncoder.shared(), BackgroundNegatives.bundled());
    }

    private static Rule orSemantic(Rule rule, Map<String, TriggerSetDocument.TopicSpec> topics) {
        String topic = rule.spec().topic();
        return topic == null || !topics.containsKey(topic) ? rule : new SemanticRule(rule.spec(), rule, topics.get(topic));
    }

    public TriggerSetDocument document() {
        return document;
    }

    @Override
    public boolean readsRecentEscalations() {
        return document.triggersOrEmpty().stream()
                .anyMatch(t -> t.recentEscalationDays() != null && t.recentEscalationDays() > 0);
    }

    /**
     * The semantic score (0–1) of the latest customer message for every trigger that has a topic,
     * whether or not it fires: what the bench's threshold curves are drawn from.
     */
    public Map<String, Double> semanticScores(TriggerInput input) {
        Map<String, Double> scores = new LinkedHashMap<>();
        if (input.latest() == null) {
            return scores;
        }
        Analysis analysis = new Analysis(mended(input), semantic, sentiment, phrases);
        if (!analysis.customerSpoke()) {
            return scores;
        }
        for (Rule rule : rules) {
            String topic = rule.spec().topic();
            if (topic != null && semantic.hasTopic(topic)) {
                scores.put(rule.spec().name(), analysis.semantic(topic).score());
            }
        }
        return scores;
    }

    @Override
    public Decision evaluate(TriggerInput input) {
        TriggerInput.Line latest = input.latest();
        if (latest == null) {
            return Decision.NONE;
        }
        Analysis analysis = new Analysis(mended(input), semantic, sentiment, phrases);
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
        return new Decision(withoutDominatedTopics(decision, analysis));
    }

    /**
     * The input with the customer's latest message read in English ({@link CodeSwitching}: the
     * words of another language mixed in) and through its slips of typing ({@link Spelling}: letters
     * stretched, words run together, two letters swapped), or the input itself when there is nothing
     * to mend; earlier lines are read as written.
     */
    private TriggerInput mended(TriggerInput input) {
        TriggerInput.Line latest = input.latest();
        if (latest == null || latest.author() != dev.handoff.platform.entity.Author.CUSTOMER) {
            return input;
        }
        String mended = Spelling.mend(CodeSwitching.english(latest.text()), semantic::wordId);
        if (mended == latest.text()) {
            return input;
        }
        List<TriggerInput.Line> transcript = new ArrayList<>(input.transcript());
        transcript.set(transcript.size() - 1, new TriggerInput.Line(latest.author(), mended, latest.botConfidence(), latest.intent()));
        return new TriggerInput(transcript, input.customer());
    }

    /** How far below the strongest topic another topic may score and still be reported (and route). */
    static final double DOMINANCE_MARGIN = 0.2;

    /**
     * Topics are weighed independently, so a message that is clearly one topic ("charged twice")
     * can also lean towards another. A topic trigger that fired on its examples is left out when
     * another topic trigger scored at least {@link #DOMINANCE_MARGIN} higher; a keyword, which the
     * admin chose to settle its topic, beats every topic that fired on examples alone. So the
     * handoff is routed by the topic the message is really about.
     */
    private List<TriggerFiring> withoutDominatedTopics(List<TriggerFiring> firings, Analysis analysis) {
        Map<String, Double> topicScores = new HashMap<>();
        for (TriggerFiring f : firings) {
            Rule rule = rulesByName.get(f.name());
            if (rule instanceof TopicRule) {
                topicScores.put(f.name(), f.evidence().startsWith("keyword ") ? 1.0 + DOMINANCE_MARGIN : analysis.semantic(rule.spec().topic()).score());
            }
        }
        if (topicScores.size() < 2) {
            return firings;
        }
        double best = topicScores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return firings.stream().filter(f -> !topicScores.containsKey(f.name()) || topicScores.get(f.name()) >= best - DOMINANCE_MARGIN).toList();
    }
}
