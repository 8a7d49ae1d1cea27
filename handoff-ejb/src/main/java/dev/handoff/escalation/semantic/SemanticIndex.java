package dev.handoff.escalation.semantic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The example-taught topics of a trigger set, embedded once when the set is compiled, and the
 * routine negatives every topic is weighed against (the shipped background set plus the set's own
 * {@code negativeExamples}). Immutable and thread-safe.
 */
public final class SemanticIndex {

    public static final SemanticIndex EMPTY = new SemanticIndex(Map.of(), ExampleMatrix.EMPTY, null);

    /**
     * Tokens of a customer message (and of each of its last sentences) the model reads: the first
     * and the last ones of a longer text ({@link SentenceEncoder#embedWindow}), so one message costs
     * at most three bounded passes however long it is. 64 read the evaluation sets as well as the
     * model's full 128 did (ADR 0013).
     */
    static final int WINDOW = 64;

    private final Map<String, SemanticTopic> topics;
    private final ExampleMatrix sharedNegatives;
    private final SentenceEncoder encoder;
    /**
     * Every row of the index — the shared negatives first, then each topic's positives and own
     * negatives — column by column for {@link SimilarityKernel}: a message is compared with all of
     * them in one product, each topic reading its slice ({@link #offsets}).
     */
    private final java.nio.FloatBuffer columns;
    private final int rowCount;
    /** Per topic, where its positives and its own negatives start among {@link #columns}' rows. */
    private final Map<String, int[]> offsets;

    private SemanticIndex(Map<String, SemanticTopic> topics, ExampleMatrix sharedNegatives, SentenceEncoder encoder) {
        this.topics = topics;
        this.sharedNegatives = sharedNegatives;
        this.encoder = encoder;
        Map<String, int[]> at = new HashMap<>();
        int count = sharedNegatives.size();
        for (SemanticTopic t : topics.values()) {
            at.put(t.name(), new int[] {count, count + t.positives().size()});
            count += t.positives().size() + t.negatives().size();
        }
        this.offsets = Map.copyOf(at);
        this.rowCount = count;
        float[] rows = new float[count * SentenceEncoder.DIMENSIONS];
        sharedNegatives.copyRowsInto(rows, 0);
        for (SemanticTopic t : topics.values()) {
            t.positives().copyRowsInto(rows, at.get(t.name())[0]);
            t.negatives().copyRowsInto(rows, at.get(t.name())[1]);
        }
        this.columns = topics.isEmpty() ? null : SimilarityKernel.columns(rows, count);
    }

    /** A topic to build: its name, positive examples and its own negatives. */
    public record TopicExamples(String name, List<String> positives, List<String> negatives) {}

    public static SemanticIndex build(List<TopicExamples> topics, List<String> sharedNegatives, SentenceEncoder encoder) {
        if (topics.isEmpty()) {
            return EMPTY;
        }
        Map<String, SemanticTopic> built = new HashMap<>();
        ExampleMatrix shared = ExampleMatrix.of(sharedNegatives, encoder);
        for (TopicExamples t : topics) {
            ExampleMatrix pos = ExampleMatrix.of(t.positives(), encoder);
            ExampleMatrix neg = ExampleMatrix.of(t.negatives(), encoder);
            LogisticLayer layer = pos.size() == 0 ? null : trained(pos, neg, shared);
            built.put(t.name(), new SemanticTopic(t.name(), pos, neg, layer));
        }
        return new SemanticIndex(Map.copyOf(built), shared, encoder);
    }

    /**
     * Trained layers by what they were trained on: training is deterministic, so an unchanged topic
     * reuses its layer and a recompile (a draft saved, Try it, the bench) retrains only the topics
     * whose examples, negatives or shared negatives changed.
     */
    private static final Map<List<List<String>>, LogisticLayer> LAYERS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int LAYER_CACHE_LIMIT = 500;

    private static LogisticLayer trained(ExampleMatrix pos, ExampleMatrix neg, ExampleMatrix shared) {
        List<List<String>> key = List.of(pos.texts(), neg.texts(), shared.texts());
        LogisticLayer layer = LAYERS.get(key);
        if (layer == null) {
            layer = LogisticLayer.train(pos, neg, shared);
            if (LAYERS.size() >= LAYER_CACHE_LIMIT) {
                LAYERS.clear();
            }
            LAYERS.put(key, layer);
        }
        return layer;
    }

    public boolean hasTopic(String name) {
        return topics.containsKey(name);
    }

    public boolean isEmpty() {
        return topics.isEmpty();
    }

    /**
     * The sentence model's vocabulary as a word list: the id of a whole lower-case word, in rough
     * order of frequency, or -1 for a word it does not know or when there is no model.
     */
    public int wordId(String word) {
        return encoder == null ? -1 : encoder.wordId(word);
    }

    /** Embeds a customer message once; its matches with each topic are computed when first asked for. */
    public Probe probe(String text) {
        if (isEmpty()) {
            return new Probe(null, null);
        }
        List<String> segments = Segments.of(Numbers.fold(text));
        List<float[]> vectors = new java.util.ArrayList<>(segments.size());
        List<float[]> cues = segments.stream().map(Cues::of).toList();
        vectors.add(encoder.embedWindow(segments.get(0), WINDOW));
        for (String part : segments.subList(1, segments.size())) {
            vectors.add(encoder.embedWindow(part, WINDOW));
        }
        return new Probe(vectors, cues);
    }

    /** One message against this index. Not thread-safe: one per evaluation. */
    public final class Probe {

        private final List<float[]> vectors;
        private final List<float[]> cues;
        private ExampleMatrix.Nearest[] shared;
        /** {@code similarities[q][row]} over every row of the index, computed at the first match asked for. */
        private float[][] similarities;
        private final Map<String, SemanticMatch> matches = new HashMap<>();

        private Probe(List<float[]> vectors, List<float[]> cues) {
            this.vectors = vectors;
            this.cues = cues;
        }

        /** The message's match with a topic ({@link SemanticMatch#NONE} for an unknown topic). */
        public SemanticMatch match(String topic) {
            SemanticTopic t = topics.get(topic);
            if (t == null || vectors == null) {
                return SemanticMatch.NONE;
            }
            return matches.computeIfAbsent(topic, name -> score(t));
        }

        private SemanticMatch score(SemanticTopic topic) {
            float[][] queries = vectors.toArray(float[][]::new);
            if (similarities == null) {
                similarities = SimilarityKernel.shared().similarities(queries, columns, rowCount);
                shared = new ExampleMatrix.Nearest[queries.length];
                for (int i = 0; i < queries.length; i++) {
                    shared[i] = ExampleMatrix.nearest(similarities[i], 0, sharedNegatives.size(), SemanticTopic.K);
                }
            }
            int[] at = offsets.get(topic.name());
            SemanticMatch best = SemanticMatch.NONE;
            for (int i = 0; i < queries.length; i++) {
                float[] v = queries[i];
                ExampleMatrix.Nearest pos = ExampleMatrix.nearest(similarities[i], at[0], topic.positives().size(), SemanticTopic.K);
                if (pos.isEmpty()) {
                    continue;
                }
                ExampleMatrix.Nearest own = ExampleMatrix.nearest(similarities[i], at[1], topic.negatives().size(), SemanticTopic.K);
                ExampleMatrix.Nearest neg = merge(own, shared[i]);
                double score = Scoring.score(pos, neg, topic.logistic() == null ? Double.NaN : topic.logistic().probability(v, cues.get(i)));
                if (score > best.score() || best == SemanticMatch.NONE) {
                    boolean ownNearest = !own.isEmpty() && (shared[i].isEmpty() || own.top() >= shared[i].top());
                    String negText = neg.isEmpty() ? null
                            : ownNearest ? topic.negatives().text(own.index()[0]) : sharedNegatives.text(shared[i].index()[0]);
                    best = new SemanticMatch(score, topic.positives().text(pos.index()[0]), pos.top(), negText, neg.top());
                }
            }
            return best;
        }
    }

    /** The k best of two neighbour lists (indices are only meaningful for the first entry's source). */
    private static ExampleMatrix.Nearest merge(ExampleMatrix.Nearest a, ExampleMatrix.Nearest b) {
        int k = SemanticTopic.K;
        float[] all = new float[a.similarity().length + b.similarity().length];
        int n = 0;
        for (int i = 0; i < a.index().length; i++) {
            if (a.index()[i] >= 0) {
                all[n++] = a.similarity()[i];
            }
        }
        for (int i = 0; i < b.index().length; i++) {
            if (b.index()[i] >= 0) {
                all[n++] = b.similarity()[i];
            }
        }
        return ExampleMatrix.nearest(java.util.Arrays.copyOf(all, n), k);
    }
}
