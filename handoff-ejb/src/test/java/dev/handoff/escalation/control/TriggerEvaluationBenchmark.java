package dev.handoff.escalation.control;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * How long one message takes to evaluate (docs/benchmarks.md). The 200-trigger set is the shipped
 * default set (its three topics train the classifier as in production) plus 191 generated triggers:
 * 99 phrase, 37 topic, 28 sentiment, 4 bot-failure, 4 customer and 19 combination triggers. Each
 * invocation evaluates the next input of a rotation so the JIT cannot fold a constant message.
 *
 * <p>Run: {@code mvn -pl handoff-persistence,handoff-ejb -am -Pbench -DskipTests verify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TriggerEvaluationBenchmark {

    CompiledTriggerSet twoHundred;
    CompiledTriggerSet shipped;
    TriggerInput[] messages;
    TriggerInput[] transcripts;
    int nextMessage;
    int nextTranscript;

    @Setup
    public void setUp() {
        twoHundred = CompiledTriggerSet.compile(BenchmarkData.twoHundredTriggers(), Lexicons.bundled());
        shipped = CompiledTriggerSet.compile(DefaultTriggerSet.document(), Lexicons.bundled());
        messages = BenchmarkData.messages().toArray(TriggerInput[]::new);
        transcripts = BenchmarkData.transcripts().toArray(TriggerInput[]::new);
        List<String> escalating = BenchmarkData.messages().stream().filter(m -> twoHundred.evaluate(m).escalate())
                .map(m -> m.latest().text()).toList();
        System.out.printf("%n200-trigger set: %d rules; %d of %d messages escalate%n", twoHundred.document().triggersOrEmpty().size(),
                escalating.size(), messages.length);
    }

    private TriggerInput nextMessage() {
        int i = nextMessage;
        nextMessage = i + 1 == messages.length ? 0 : i + 1;
        return messages[i];
    }

    /** One customer message (rotating through 20) against 200 triggers. */
    @Benchmark
    public Decision message200Triggers() {
        return twoHundred.evaluate(nextMessage());
    }

    /** The latest line of a six-line conversation (rotating through 4) against 200 triggers: trend, repeat and fallback checks. */
    @Benchmark
    public Decision transcript200Triggers() {
        int i = nextTranscript;
        nextTranscript = (i + 1) & 3;
        return twoHundred.evaluate(transcripts[i]);
    }

    /** The same 20 messages against the shipped default set alone (9 triggers), for comparison. */
    @Benchmark
    public Decision messageShippedSet() {
        return shipped.evaluate(nextMessage());
    }
}
