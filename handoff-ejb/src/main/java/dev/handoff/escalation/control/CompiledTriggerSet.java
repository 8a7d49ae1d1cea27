package dev.handoff.escalation.control;

import dev.handoff.conversation.entity.Author;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
    private final PhraseMatcher.Index phrases;

    private CompiledTriggerSet(TriggerSetDocument document, List<Rule> rules, TopicClassifier classifier,
            Map<String, List<String[]>> keywords, Sentiment sentiment, PhraseMatcher.Index phrases) {
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
                new PhraseMatcher.Index(matchers));
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
        Analysis analysis = new Analysis(input);
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

    /** What the rules look at, computed lazily and at most once per evaluation. */
    final class Analysis {
        final TriggerInput input;
        final TriggerInput.Line latest;
        private List<Text.Token> tokens;
        private Map<String, Double> topics;
        private Sentiment.Score latestSentiment;
        private PhraseMatcher.Index.Scan phraseScan;
        private Boolean customerSpoke;
        private Map<String, String[]> keywordHits;
        private Set<String> words;
        private String latestSentimentDescription;
        private Map<Double, String> oneDecimal;
        private Map<Double, String> twoDecimals;
        private Sentiment.Score[] lineSentiments;
        private Set<String> latestShingles;
        private double[] similarities;

        Analysis(TriggerInput input) {
            this.input = input;
            this.latest = input.latest();
        }

        boolean customerSpoke() {
            if (customerSpoke == null) {
                customerSpoke = latest.author() == Author.CUSTOMER && latest.text() != null && !latest.text().isBlank();
            }
            return customerSpoke;
        }

        List<Text.Token> tokens() {
            if (tokens == null) {
                tokens = Text.tokens(latest.text());
            }
            return tokens;
        }

        /** The latest message looked up once for every phrase trigger. */
        PhraseMatcher.Index.Scan phrases() {
            if (phraseScan == null) {
                phraseScan = phrases.scan(tokens());
            }
            return phraseScan;
        }

        /** The first keyword of {@code topic} in the latest message, or null; every trigger on a topic shares its keywords. */
        String[] keywordHit(String topic, List<String[]> keywords) {
            if (keywordHits == null) {
                keywordHits = new HashMap<>();
            }
            String[] hit = keywordHits.get(topic);
            if (hit == null) {
                hit = NO_KEYWORD;
                for (String[] keyword : keywords) {
                    if (words().contains(keyword[0]) && TopicRule.contains(tokens(), keyword)) {
                        hit = keyword;
                        break;
                    }
                }
                keywordHits.put(topic, hit);
            }
            return hit == NO_KEYWORD ? null : hit;
        }

        /** The distinct words of the latest message. */
        private Set<String> words() {
            if (words == null) {
                words = new HashSet<>();
                tokens().forEach(t -> words.add(t.word()));
            }
            return words;
        }

        Map<String, Double> topics() {
            if (topics == null) {
                topics = classifier == null ? Map.of() : classifier.scores(tokens().stream().map(Text.Token::word).toArray(String[]::new));
            }
            return topics;
        }

        Sentiment.Score sentiment() {
            if (latestSentiment == null) {
                latestSentiment = sentiment.score(latest.text(), tokens());
            }
            return latestSentiment;
        }

        /** {@link Sentiment.Score#describe()} of the latest message, built once. */
        String sentimentDescription() {
            if (latestSentimentDescription == null) {
                // Score.describe() is String.format("sentiment %.1f%s", ...): the same text from the one formatted value
                Sentiment.Score score = sentiment();
                latestSentimentDescription = "sentiment " + oneDecimal(score.value())
                        + (score.evidence().isEmpty() ? "" : " (" + String.join(", ", score.evidence()) + ")");
            }
            return latestSentimentDescription;
        }

        /** {@code %.1f} of a number, formatted once per evaluation however many triggers report it. */
        String oneDecimal(double value) {
            if (oneDecimal == null) {
                oneDecimal = new HashMap<>();
            }
            return oneDecimal.computeIfAbsent(value, CompiledTriggerSet::oneDecimal);
        }

        /** {@code %.2f} of a number, formatted once per evaluation however many triggers report it. */
        String twoDecimals(double value) {
            if (twoDecimals == null) {
                twoDecimals = new HashMap<>();
            }
            return twoDecimals.computeIfAbsent(value, CompiledTriggerSet::twoDecimals);
        }

        /** Sentiment of the last {@code n} customer messages, oldest first (the latest included). */
        List<Sentiment.Score> customerSentiments(int n) {
            List<Sentiment.Score> scores = new ArrayList<>();
            List<TriggerInput.Line> lines = input.transcript();
            for (int i = lines.size() - 1; i >= 0 && scores.size() < n; i--) {
                TriggerInput.Line line = lines.get(i);
                if (line.author() == Author.CUSTOMER) {
                    scores.add(0, line == latest ? sentiment() : lineSentiment(i, line));
                }
            }
            return scores;
        }

        /** An earlier line's sentiment, scored once per evaluation however many triggers look back at it. */
        private Sentiment.Score lineSentiment(int index, TriggerInput.Line line) {
            if (lineSentiments == null) {
                lineSentiments = new Sentiment.Score[input.transcript().size()];
            }
            Sentiment.Score score = lineSentiments[index];
            if (score == null) {
                score = sentiment.score(line.text());
                lineSentiments[index] = score;
            }
            return score;
        }

        /** Words and word pairs of the latest message, for repeat detection. */
        Set<String> latestShingles() {
            if (latestShingles == null) {
                latestShingles = BotFailureRule.shingles(tokens());
            }
            return latestShingles;
        }

        /** How alike the latest message and an earlier line are (Jaccard of shingles), computed once per line. */
        double similarityTo(int index, TriggerInput.Line line) {
            if (similarities == null) {
                similarities = new double[input.transcript().size()];
                java.util.Arrays.fill(similarities, Double.NaN);
            }
            double similarity = similarities[index];
            if (Double.isNaN(similarity)) {
                similarity = BotFailureRule.jaccard(latestShingles(), BotFailureRule.shingles(Text.tokens(line.text())));
                similarities[index] = similarity;
            }
            return similarity;
        }
    }

    private static final String[] NO_KEYWORD = new String[0];

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

    interface Rule {
        TriggerSetDocument.TriggerSpec spec();

        Optional<TriggerFiring> test(Analysis a, Map<String, TriggerFiring> fired);

        default TriggerFiring fire(String reason, String evidence) {
            return new TriggerFiring(spec().name(), reason, evidence, spec().firstSkill(), spec().priorityOrDefault());
        }
    }

    /** A phrase trigger; {@code slot} is its matcher's place in the set's {@link PhraseMatcher.Index}. */
    record PhraseRule(TriggerSetDocument.TriggerSpec spec, PhraseMatcher matcher, int slot) implements Rule {
        @Override
        public Optional<TriggerFiring> test(Analysis a, Map<String, TriggerFiring> fired) {
            if (!a.customerSpoke()) {
                return Optional.empty();
            }
            return a.phrases().find(slot).map(found -> fire("Phrase matched: \"" + found + "\"", found));
        }
    }

    record TopicRule(TriggerSetDocument.TriggerSpec spec, List<String[]> keywords, String minScoreText) implements Rule {

        TopicRule(TriggerSetDocument.TriggerSpec spec, List<String[]> keywords) {
            this(spec, keywords, twoDecimals(spec.minScore()));
        }

        @Override
        public Optional<TriggerFiring> test(Analysis a, Map<String, TriggerFiring> fired) {
            if (!a.customerSpoke()) {
                return Optional.empty();
            }
            String[] keyword = a.keywordHit(spec.topic(), keywords);
            if (keyword != null) {
                String k = String.join(" ", keyword);
                return Optional.of(fire("Keyword \"" + k + "\" of topic " + spec.topic(), "keyword " + k));
            }
            double score = a.topics().getOrDefault(spec.topic(), 0.0);
            if (score >= spec.minScore()) {
                String scoreText = a.twoDecimals(score);
                return Optional.of(fire("Topic " + spec.topic() + " (score " + scoreText + ", needs " + minScoreText + ")",
                        "topic " + spec.topic() + " " + scoreText));
            }
            return Optional.empty();
        }

        static boolean contains(List<Text.Token> tokens, String[] words) {
            outer:
            for (int i = 0; i + words.length <= tokens.size(); i++) {
                for (int k = 0; k < words.length; k++) {
                    if (!tokens.get(i + k).word().equals(words[k])) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }

    record SentimentRule(TriggerSetDocument.TriggerSpec spec, String thresholdText) implements Rule {

        SentimentRule(TriggerSetDocument.TriggerSpec spec) {
            this(spec, oneDecimal(spec.threshold()));
        }

        @Override
        public Optional<TriggerFiring> test(Analysis a, Map<String, TriggerFiring> fired) {
            if (!a.customerSpoke()) {
                return Optional.empty();
            }
            Sentiment.Score now = a.sentiment();
            if (now.value() <= spec.threshold()) {
                return Optional.of(fire("Negative sentiment " + a.oneDecimal(now.value()) + " (threshold " + thresholdText + ")",
                        a.sentimentDescription()));
            }
            int window = spec.trendWindow() == null ? 0 : spec.trendWindow();
            double drop = spec.trendDrop() == null ? 0 : spec.trendDrop();
            int repeats = spec.profanityRepeats() == null ? 0 : spec.profanityRepeats();
            List<Sentiment.Score> recent = a.customerSentiments(Math.max(window, Math.max(repeats, 1)));
            if (window >= 2 && drop > 0 && recent.size() >= 2) {
                List<Sentiment.Score> span = recent.subList(Math.max(0, recent.size() - window), recent.size());
                double worsening = span.get(0).value() - now.value();
                if (worsening >= drop && now.value() < 0) {
                    return Optional.of(fire("Sentiment worsened by " + a.oneDecimal(worsening) + " over the last " + span.size() + " messages",
                            "from " + a.oneDecimal(span.get(0).value()) + " to " + a.oneDecimal(now.value())));
                }
            }
            if (repeats > 0 && now.profanity() > 0) {
                int total = recent.stream().mapToInt(Sentiment.Score::profanity).sum();
                if (total >= repeats) {
                    return Optional.of(fire("Repeated profanity (" + total + " in the last " + recent.size() + " messages)",
                            String.join(", ", now.evidence())));
                }
            }
            return Optional.empty();
        }
    }

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

    record CustomerRule(TriggerSetDocument.TriggerSpec spec) implements Rule {
        @Override
        public Optional<TriggerFiring> test(Analysis a, Map<String, TriggerFiring> fired) {
            TriggerInput.CustomerFacts c = a.input.customer();
            if (spec.tiers() != null && c.tier() != null
                    && spec.tiers().stream().anyMatch(t -> t.equalsIgnoreCase(c.tier().strip()))) {
                return Optional.of(fire("Customer tier " + c.tier(), "tier=" + c.tier()));
            }
            if (spec.minAccountValue() != null && c.accountValue() != null && c.accountValue().compareTo(spec.minAccountValue()) >= 0) {
                return Optional.of(fire("Account value " + c.accountValue().toPlainString() + " is at least "
                        + spec.minAccountValue().toPlainString(), "accountValue=" + c.accountValue().toPlainString()));
            }
            int days = spec.recentEscalationDays() == null ? 0 : spec.recentEscalationDays();
            if (days > 0 && c.lastEscalatedAt() != null
                    && Duration.between(c.lastEscalatedAt(), Instant.now()).compareTo(Duration.ofDays(days)) <= 0) {
                return Optional.of(fire("Handed to a person within the last " + days + " days", "lastEscalatedAt=" + c.lastEscalatedAt()));
            }
            return Optional.empty();
        }
    }

    record CombinationRule(TriggerSetDocument.TriggerSpec spec, String reason) implements Rule {

        CombinationRule(TriggerSetDocument.TriggerSpec spec) {
            this(spec, ("and".equals(spec.operator()) ? "All of " : "One of ") + String.join(", ", spec.of()));
        }

        @Override
        public Optional<TriggerFiring> test(Analysis a, Map<String, TriggerFiring> fired) {
            List<String> of = spec.of();
            boolean and = "and".equals(spec.operator());
            int present = 0;
            for (String part : of) {
                if (fired.get(part) != null) {
                    present++;
                } else if (and) {
                    return Optional.empty();
                }
            }
            if (!and && present == 0) {
                return Optional.empty();
            }
            StringBuilder evidence = new StringBuilder();
            for (String part : of) {
                TriggerFiring p = fired.get(part);
                if (p != null) {
                    evidence.append(evidence.length() > 0 ? "; " : "").append(p.name()).append(": ").append(p.evidence());
                }
            }
            return Optional.of(fire(reason, evidence.toString()));
        }
    }
}
