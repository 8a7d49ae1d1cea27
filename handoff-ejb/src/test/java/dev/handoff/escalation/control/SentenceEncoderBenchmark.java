package dev.handoff.escalation.control;

import dev.handoff.escalation.semantic.ExampleMatrix;
import dev.handoff.escalation.semantic.SentenceEncoder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the sentence model costs (docs/benchmarks.md): one embedding of a short and of a long
 * customer message ({@code SentenceEncoder.embed}, one ONNX Runtime intra-op thread), and embedding
 * 1,000 examples nobody embedded before, alone and as part of compiling the 200-trigger set.
 *
 * <p>The cold-cache benchmarks take never-seen texts for every shot ({@link BenchmarkData#newExamples}
 * walks 276,480 distinct combinations without repeating), so the encoder's example cache never
 * answers for them.
 *
 * <p>Run: {@code mvn -pl handoff-persistence,handoff-ejb -am -Pbench -DskipTests verify
 * -Djmh.include=SentenceEncoderBenchmark}.
 */
@Fork(2)
public class SentenceEncoderBenchmark {

    /** Short messages (4–7 words) and long ones (44–66 words); a few of each, rotated. */
    static final List<String> SHORT = List.of(
            "I want to talk to a humna",
            "where is my package",
            "can you reset my password please",
            "my gift card balance disappeared");
    static final List<String> LONG = List.of(
            BenchmarkData.MESSAGES.get(13),
            BenchmarkData.MESSAGES.get(24),
            BenchmarkData.MESSAGES.get(27));

    @State(Scope.Benchmark)
    public static class Messages {
        SentenceEncoder encoder;
        String[] shortMessages;
        String[] longMessages;
        int nextShort;
        int nextLong;

        @Setup
        public void setUp() {
            encoder = SentenceEncoder.shared();
            shortMessages = SHORT.toArray(String[]::new);
            longMessages = LONG.toArray(String[]::new);
            for (String m : LONG) {
                if (m.split("\\s+").length < 40) {
                    throw new IllegalStateException("not a long message: " + m);
                }
            }
        }
    }

    /** One short customer message (rotating through 4) to its 384-dimensional unit vector. */
    @Benchmark
    @BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 10, time = 1)
    @Measurement(iterations = 5, time = 1)
    public float[] embedShortMessage(Messages m) {
        int i = m.nextShort;
        m.nextShort = (i + 1) & 3;
        return m.encoder.embed(m.shortMessages[i]);
    }

    /** One long customer message (rotating through 3 of 44–66 words), the whole text once. */
    @Benchmark
    @BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 10, time = 1)
    @Measurement(iterations = 5, time = 1)
    public float[] embedLongMessage(Messages m) {
        int i = m.nextLong;
        m.nextLong = i + 1 == m.longMessages.length ? 0 : i + 1;
        return m.encoder.embed(m.longMessages[i]);
    }

    @State(Scope.Benchmark)
    public static class NewExamples {
        SentenceEncoder encoder;
        List<String> texts;

        @Setup(Level.Trial)
        public void load() {
            encoder = SentenceEncoder.shared();
        }

        @Setup(Level.Invocation)
        public void nextThousand() {
            texts = BenchmarkData.newExamples(1000);
        }
    }

    /** Embedding 1,000 never-seen examples: the embedding step of a compile ({@code ExampleMatrix.of}, as {@code SemanticIndex.build} calls it). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public ExampleMatrix embed1000NewExamples(NewExamples n) {
        return ExampleMatrix.of(n.texts, n.encoder);
    }

    @State(Scope.Benchmark)
    public static class GrownSet {
        TriggerSetDocument document;

        @Setup(Level.Trial)
        public void compileOnce() {
            // the set as it was before the admin added 1,000 examples: its own examples are then in the cache
            CompiledTriggerSet.compile(BenchmarkData.twoHundredTriggers(), Lexicons.bundled());
        }

        @Setup(Level.Invocation)
        public void addThousand() {
            document = BenchmarkData.twoHundredTriggersPlus(BenchmarkData.newExamples(1000));
        }
    }

    /**
     * Compiling the 200-trigger set after 1,000 never-seen examples were added to its 32 generated
     * topics: validation, embedding the new examples (the rest come from the cache), training the
     * 37 topics' logistic layers, phrase index and rules. What saving or publishing such a set costs.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 4)
    public CompiledTriggerSet compile200TriggersWith1000NewExamples(GrownSet s) {
        return CompiledTriggerSet.compile(s.document, Lexicons.bundled());
    }
}
