package dev.handoff.escalation.control;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * How long training the topic classifier takes on 5,000 examples: 800 generated sentences for each
 * of five topics plus 1,000 routine negatives (docs/benchmarks.md). Single shot: every iteration is
 * one complete training, cold start included in the first.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TopicClassifierTrainingBenchmark {

    Map<String, List<String>> examples;
    List<String> negatives;

    @Setup
    public void setUp() {
        examples = BenchmarkData.trainingExamples();
        negatives = BenchmarkData.trainingNegatives();
    }

    @Benchmark
    public TopicClassifier train5000Examples() {
        return TopicClassifier.train(examples, negatives);
    }
}
