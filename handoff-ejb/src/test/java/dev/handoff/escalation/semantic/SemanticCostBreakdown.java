package dev.handoff.escalation.semantic;

import dev.handoff.escalation.control.BenchmarkData;
import dev.handoff.escalation.control.CompiledTriggerSet;
import dev.handoff.escalation.control.Lexicons;
import dev.handoff.escalation.control.TriggerInput;
import dev.handoff.escalation.control.TriggerSetDocument;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the time of one customer message goes (docs/benchmarks.md, "Where the time goes"): for each
 * of the 30 benchmark messages against the 200-trigger set, this thread's CPU time (so other
 * processes on the machine do not inflate it) of
 * <ul>
 * <li>the whole evaluation ({@code CompiledTriggerSet.evaluate});
 * <li>segmentation ({@code Segments.of}), the WordPiece tokenizer, the ONNX runs through the
 * probe's window, one per segment (with tensor creation and the copy of the hidden states out,
 * measured as {@code embedWindow} minus tokenizer minus pooling) and mean pooling;
 * <li>the neighbour scan (the similarities with every example and negative of the 37 topics and the
 * shared negatives, and the k best) and the logistic layers;
 * <li>the rest (phrase, sentiment, combination and other rules, evidence texts).
 * </ul>
 * Median of {@code rounds} repetitions per message, after a warm-up. Not a test; run:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.handoff.escalation.semantic.SemanticCostBreakdown [warm-up s] [rounds]
 * </pre>
 */
public final class SemanticCostBreakdown {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SemanticCostBreakdown() {}

    public static void main(String[] args) throws Exception {
        int warmupSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        TriggerSetDocument doc = BenchmarkData.twoHundredTriggers();
        compileCost(doc);
        CompiledTriggerSet set = CompiledTriggerSet.compile(doc, Lexicons.bundled());
        SentenceEncoder encoder = SentenceEncoder.shared();
        WordPieceTokenizer tokenizer;
        try (InputStream in = SentenceEncoder.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
            tokenizer = WordPieceTokenizer.read(in);
        }
        SemanticIndex index = semanticIndexOf(set);
        @SuppressWarnings("unchecked")
        Map<String, SemanticTopic> topics = (Map<String, SemanticTopic>) field(index, "topics");
        ExampleMatrix shared = (ExampleMatrix) field(index, "sharedNegatives");
        int rows = shared.size();
        for (SemanticTopic t : topics.values()) {
            rows += t.positives().size() + t.negatives().size();
        }
        System.out.printf(Locale.ROOT, "%d topics scored, %d shared negatives, %d example and negative rows in all%n",
                topics.size(), shared.size(), rows);

        List<String> messages = BenchmarkData.MESSAGES;
        long warmEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        Stage[] stages = null;
        while (System.nanoTime() < warmEnd) {
            stages = measureAll(messages, set, encoder, tokenizer, index, 1);
        }
        stages = measureAll(messages, set, encoder, tokenizer, index, rounds);

        System.out.println();
        System.out.println("CPU µs per message (median of " + rounds + "); onnx = embed - tokenizer - pooling, rest = evaluate - embeddings - scan - logistic");
        System.out.printf(Locale.ROOT, "%-4s %5s %4s %6s | %8s | %7s %7s %8s %7s | %7s %8s | %7s | %s%n", "#", "words", "segs", "tokens",
                "evaluate", "segment", "tokens", "onnx", "pool", "scan", "logistic", "rest", "message");
        double[] sums = new double[8];
        for (int m = 0; m < messages.size(); m++) {
            Stage s = stages[m];
            double onnx = s.embed - s.tokenize - s.pool;
            double rest = s.evaluate - s.embed - s.segment - s.scan - s.logistic;
            System.out.printf(Locale.ROOT, "%-4d %5d %4d %6d | %8.0f | %7.1f %7.1f %8.0f %7.1f | %7.0f %8.1f | %7.0f | %s%n", m,
                    messages.get(m).split("\\s+").length, s.segments, s.tokens, s.evaluate, s.segment, s.tokenize, onnx, s.pool, s.scan,
                    s.logistic, rest, abbreviate(messages.get(m)));
            double[] v = {s.evaluate, s.segment, s.tokenize, onnx, s.pool, s.scan, s.logistic, rest};
            for (int k = 0; k < v.length; k++) {
                sums[k] += v[k];
            }
        }
        System.out.printf(Locale.ROOT, "%-22s | %8.0f | %7.1f %7.1f %8.0f %7.1f | %7.0f %8.1f | %7.0f | mean over %d messages%n", "mean",
                sums[0] / messages.size(), sums[1] / messages.size(), sums[2] / messages.size(), sums[3] / messages.size(),
                sums[4] / messages.size(), sums[5] / messages.size(), sums[6] / messages.size(), sums[7] / messages.size(),
                messages.size());
        percentiles(messages, set, rounds);
        System.out.printf(Locale.ROOT, "shares of the mean: onnx %.0f %%, tokenizer %.1f %%, pooling %.1f %%, segmentation %.1f %%, "
                + "neighbour scan %.0f %%, logistic %.1f %%, other rules %.0f %%%n", 100 * sums[3] / sums[0], 100 * sums[2] / sums[0],
                100 * sums[4] / sums[0], 100 * sums[1] / sums[0], 100 * sums[5] / sums[0], 100 * sums[6] / sums[0], 100 * sums[7] / sums[0]);
    }

    /**
     * Where a cold compile of the set goes: loading the model, embedding every example and negative
     * (the shipped background included) with an empty cache, training the topics' logistic layers,
     * and the rest of {@code CompiledTriggerSet.compile} (validation, phrase index, rules) measured
     * as a compile with everything cached minus the logistic layers it trains again.
     */
    private static void compileCost(TriggerSetDocument doc) {
        long a = System.nanoTime();
        long ac = cpu();
        SentenceEncoder encoder = SentenceEncoder.shared();
        long b = System.nanoTime();
        long bc = cpu();
        List<String> shared = new ArrayList<>(dev.handoff.escalation.control.BackgroundNegatives.bundled());
        shared.addAll(doc.negativesOrEmpty());
        ExampleMatrix sharedMatrix = ExampleMatrix.of(shared, encoder);
        List<ExampleMatrix[]> topics = new ArrayList<>();
        int texts = sharedMatrix.size();
        for (TriggerSetDocument.TopicSpec t : doc.topicsOrEmpty()) {
            ExampleMatrix pos = ExampleMatrix.of(t.examplesOrEmpty(), encoder);
            ExampleMatrix neg = ExampleMatrix.of(t.negativesOrEmpty(), encoder);
            topics.add(new ExampleMatrix[] {pos, neg});
            texts += pos.size() + neg.size();
        }
        long c = System.nanoTime();
        long cc = cpu();
        for (ExampleMatrix[] t : topics) {
            LogisticLayer.train(t[0], t[1], sharedMatrix);
        }
        long d = System.nanoTime();
        long dc = cpu();
        CompiledTriggerSet.compile(doc, Lexicons.bundled());
        long e = System.nanoTime();
        long ec = cpu();
        System.out.printf(Locale.ROOT, "Cold compile of the 200-trigger set, wall (CPU of this thread) in s:%n"
                + "  load the model          %6.2f (%6.2f)%n"
                + "  embed %,5d texts        %6.2f (%6.2f)  = %.2f ms a text%n"
                + "  train %2d logistic layers %6.2f (%6.2f)  = %.2f s a topic, %d rows each (positives, own and %d shared negatives)%n"
                + "  compile again, all cached %6.2f (%6.2f)  (logistic layers again, validation, phrase index, rules)%n",
                (b - a) / 1e9, (bc - ac) / 1e9, texts, (c - b) / 1e9, (cc - bc) / 1e9, (cc - bc) / 1e6 / texts, topics.size(),
                (d - c) / 1e9, (dc - cc) / 1e9, (dc - cc) / 1e9 / topics.size(),
                sharedMatrix.size() + topics.stream().mapToInt(t -> t[0].size() + t[1].size()).sum() / topics.size(), sharedMatrix.size(),
                (e - d) / 1e9, (ec - dc) / 1e9);
    }

    /**
     * This thread's CPU time of every evaluation, {@code rounds} times over the messages: percentiles
     * over all of them and over those under 14 words (never split into sentences). CPU time is what
     * "on one core" means; on a busy machine the wall-clock time is longer by the time the thread waits
     * for a core.
     */
    private static void percentiles(List<String> messages, CompiledTriggerSet set, int rounds) {
        List<Double> all = new ArrayList<>();
        List<Double> shortOnes = new ArrayList<>();
        Object sink = null;
        for (int r = 0; r < rounds; r++) {
            for (String text : messages) {
                TriggerInput input = new TriggerInput(List.of(TriggerInput.Line.customer(text)), TriggerInput.CustomerFacts.UNKNOWN);
                long a = cpu();
                sink = set.evaluate(input);
                double us = (cpu() - a) / 1e3;
                all.add(us);
                if (text.strip().split("\\s+").length < 14) {
                    shortOnes.add(us);
                }
            }
        }
        if (sink == null) {
            throw new IllegalStateException();
        }
        System.out.println();
        System.out.println("CPU µs per evaluation, 200 triggers, embedding included:");
        for (var e : Map.of("all 30 messages", all, "the " + shortOnes.size() / rounds + " under 14 words", shortOnes).entrySet()) {
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "  %-20s n=%5d  mean %6.0f  p50 %6.0f  p90 %6.0f  p99 %6.0f  max %6.0f%n", e.getKey(), v.length,
                    Arrays.stream(v).average().orElse(0), v[(int) (v.length * 0.50)], v[(int) (v.length * 0.90)],
                    v[Math.min(v.length - 1, (int) Math.ceil(v.length * 0.99) - 1)], v[v.length - 1]);
        }
        System.out.println();
    }

    /** The compiled set's semantic index (private: read by reflection, this is a measuring tool). */
    private static SemanticIndex semanticIndexOf(CompiledTriggerSet set) throws ReflectiveOperationException {
        return (SemanticIndex) field(set, "semantic");
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field f = owner.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(owner);
    }

    static final class Stage {
        int segments;
        int tokens;
        double evaluate;
        double segment;
        double tokenize;
        double embed;
        double pool;
        double scan;
        double logistic;
    }

    private static Stage[] measureAll(List<String> messages, CompiledTriggerSet set, SentenceEncoder encoder, WordPieceTokenizer tokenizer,
            SemanticIndex index, int rounds) throws ReflectiveOperationException {
        @SuppressWarnings("unchecked")
        Map<String, SemanticTopic> topics = (Map<String, SemanticTopic>) field(index, "topics");
        ExampleMatrix shared = (ExampleMatrix) field(index, "sharedNegatives");
        java.nio.FloatBuffer columns = (java.nio.FloatBuffer) field(index, "columns");
        int rowCount = (Integer) field(index, "rowCount");
        @SuppressWarnings("unchecked")
        Map<String, int[]> offsets = (Map<String, int[]>) field(index, "offsets");
        Stage[] out = new Stage[messages.size()];
        double[][][] samples = new double[messages.size()][8][rounds];
        Object sink = null;
        for (int r = 0; r < rounds; r++) {
            for (int m = 0; m < messages.size(); m++) {
                String text = messages.get(m);
                TriggerInput input = new TriggerInput(List.of(TriggerInput.Line.customer(text)), TriggerInput.CustomerFacts.UNKNOWN);
                long a = cpu();
                sink = set.evaluate(input);
                long b = cpu();
                List<String> segments = Segments.of(text);
                long c = cpu();
                // the model through the probe's window, once for the message and once for each of its last sentences, as SemanticIndex.probe does
                long d = cpu();
                long[] ids = tokenizer.encode(text, SemanticIndex.WINDOW);
                int tokens = ids.length;
                for (String seg : segments.subList(1, segments.size())) {
                    tokens += tokenizer.encode(seg, SemanticIndex.WINDOW).length;
                }
                long e = cpu();
                List<float[]> vectors = new ArrayList<>();
                for (String seg : segments) {
                    vectors.add(encoder.embedWindow(seg, SemanticIndex.WINDOW));
                }
                long f = cpu();
                float[][] hidden = new float[ids.length][SentenceEncoder.DIMENSIONS];
                for (float[] row : hidden) {
                    Arrays.fill(row, 0.01f * ids.length);
                }
                long g = cpu();
                for (int v = 0; v < segments.size(); v++) {
                    sink = SentenceEncoder.meanPooledUnit(hidden);
                }
                long h = cpu();
                double tok = e - d;
                double emb = f - e;
                double pool = h - g;
                // the neighbour scan (every query against every row in one product, ADR 0059) and the logistic layers
                float[][] queries = vectors.toArray(float[][]::new);
                long i = cpu();
                float acc = 0;
                float[][] sims = SimilarityKernel.shared().similarities(queries, columns, rowCount);
                for (float[] q : sims) {
                    acc += ExampleMatrix.nearest(q, 0, shared.size(), SemanticTopic.K).top();
                    for (SemanticTopic t : topics.values()) {
                        int[] at = offsets.get(t.name());
                        acc += ExampleMatrix.nearest(q, at[0], t.positives().size(), SemanticTopic.K).top();
                        acc += ExampleMatrix.nearest(q, at[1], t.negatives().size(), SemanticTopic.K).top();
                    }
                }
                long j = cpu();
                double p = 0;
                for (float[] v : vectors) {
                    for (SemanticTopic t : topics.values()) {
                        if (t.logistic() != null) {
                            p += t.logistic().probability(v, Cues.of(""));
                        }
                    }
                }
                long k = cpu();
                sink = acc + p;
                double[][] s = samples[m];
                s[0][r] = (b - a) / 1e3;
                s[1][r] = (c - b) / 1e3;
                s[2][r] = tok / 1e3;
                s[3][r] = emb / 1e3;
                s[4][r] = pool / 1e3;
                s[5][r] = (j - i) / 1e3;
                s[6][r] = (k - j) / 1e3;
                Stage stage = out[m] == null ? (out[m] = new Stage()) : out[m];
                stage.segments = segments.size();
                stage.tokens = tokens;
            }
        }
        if (sink == null) {
            throw new IllegalStateException();
        }
        for (int m = 0; m < messages.size(); m++) {
            Stage st = out[m];
            double[][] s = samples[m];
            st.evaluate = median(s[0]);
            st.segment = median(s[1]);
            st.tokenize = median(s[2]);
            st.embed = median(s[3]);
            st.pool = median(s[4]);
            st.scan = median(s[5]);
            st.logistic = median(s[6]);
        }
        return out;
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
