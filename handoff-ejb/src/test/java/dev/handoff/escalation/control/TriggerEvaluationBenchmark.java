package dev.handoff.escalation.control;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long one message takes to evaluate (docs/benchmarks.md). The 200-trigger set is the shipped
 * default set (its 5 topics with their examples and negatives) plus 32 generated topics and 191
 * generated triggers: 99 phrase, 37 topic (one on each generated topic, five more on the shipped
 * ones), 28 sentiment, 4 bot-failure, 4 customer and 19 combination triggers. So a customer message
 * is embedded once (each sentence too when it is long) and scored against 37 topics.
 *
 * <p>Customer messages are measured with {@link Mode#SampleTime} (the mean plus percentiles: the
 * target is p99 &lt; 5 ms including the embedding); bot and agent messages, which need no embedding,
 * with {@link Mode#AverageTime} and {@link Mode#SampleTime} (target: mean and p99 &lt; 50 µs). Each
 * invocation evaluates the next input of a rotation, so the JIT cannot fold a constant message and
 * every length of message is in the sample.
 *
 * <p>Warm-up is long on purpose: on a busy 2-core machine C2 takes 20-30 s to compile the whole
 * evaluation path, and until then an evaluation costs ten times as much.
 *
 * <p>Run: {@code mvn -pl handoff-persistence,handoff-ejb -am -Pbench -DskipTests verify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 20, time = 1)
@Measurement(iterations = 10, time = 1)
public class TriggerEvaluationBenchmark {

    CompiledTriggerSet twoHundred;
    CompiledTriggerSet shipped;
    TriggerInput[] messages;
    TriggerInput[] shortMessages;
    TriggerInput[] transcripts;
    TriggerInput[] botMessages;
    TriggerInput[] agentMessages;
    int nextMessage;
    int nextShort;
    int nextTranscript;
    int nextBot;
    int nextAgent;

    @Setup
    public void setUp() {
        long started = System.nanoTime();
        twoHundred = CompiledTriggerSet.compile(BenchmarkData.twoHundredTriggers(), Lexicons.bundled());
        long compiled = System.nanoTime();
        shipped = CompiledTriggerSet.compile(DefaultTriggerSet.document(), Lexicons.bundled());
        messages = BenchmarkData.messages().toArray(TriggerInput[]::new);
        shortMessages = BenchmarkData.messages().stream().filter(m -> m.latest().text().strip().split("\\s+").length < SHORT_WORDS)
                .toArray(TriggerInput[]::new);
        transcripts = BenchmarkData.transcripts().toArray(TriggerInput[]::new);
        botMessages = BenchmarkData.botMessages().toArray(TriggerInput[]::new);
        agentMessages = BenchmarkData.agentMessages().toArray(TriggerInput[]::new);
        List<String> escalating = BenchmarkData.messages().stream().filter(m -> twoHundred.evaluate(m).escalate())
                .map(m -> m.latest().text()).toList();
        long bots = BenchmarkData.botMessages().stream().filter(m -> twoHundred.evaluate(m).escalate()).count();
        System.out.printf("%n200-trigger set: %d triggers, %d topics, compiled in %d ms (cold JVM); %d of %d customer messages "
                + "and %d of %d bot messages escalate%n", twoHundred.document().triggersOrEmpty().size(),
                twoHundred.document().topicsOrEmpty().size(), (compiled - started) / 1_000_000, escalating.size(), messages.length,
                bots, botMessages.length);
    }

    /** Messages under this many words are never split into sentences (Segments): one embedding each. */
    static final int SHORT_WORDS = 14;

    private TriggerInput nextMessage() {
        int i = nextMessage;
        nextMessage = i + 1 == messages.length ? 0 : i + 1;
        return messages[i];
    }

    /** One customer message (rotating through 30, 2 to 66 words) against 200 triggers, the embedding included. */
    @Benchmark
    public Decision message200Triggers() {
        return twoHundred.evaluate(nextMessage());
    }

    /** The customer messages under 14 words (20 of the 30), which are embedded once, whole, against 200 triggers. */
    @Benchmark
    public Decision shortMessage200Triggers() {
        int i = nextShort;
        nextShort = i + 1 == shortMessages.length ? 0 : i + 1;
        return twoHundred.evaluate(shortMessages[i]);
    }

    /** The latest line of a six-line conversation (rotating through 4) against 200 triggers: trend, repeat and fallback checks. */
    @Benchmark
    public Decision transcript200Triggers() {
        int i = nextTranscript;
        nextTranscript = (i + 1) & 3;
        return twoHundred.evaluate(transcripts[i]);
    }

    /** The same 30 messages against the shipped default set alone (9 triggers, 5 topics), for comparison. */
    @Benchmark
    public Decision messageShippedSet() {
        return shipped.evaluate(nextMessage());
    }

    /** A bot's message (rotating through 16 conversations, low confidence and fallbacks among them) against 200 triggers: no embedding. */
    @Benchmark
    @BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
    @Warmup(iterations = 30, time = 1)
    @Measurement(iterations = 5, time = 1)
    public Decision botMessage200Triggers() {
        int i = nextBot;
        nextBot = i + 1 == botMessages.length ? 0 : i + 1;
        return twoHundred.evaluate(botMessages[i]);
    }

    /** An agent's message in an escalated conversation (rotating through 16) against 200 triggers: no embedding. */
    @Benchmark
    @BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
    @Warmup(iterations = 30, time = 1)
    @Measurement(iterations = 5, time = 1)
    public Decision agentMessage200Triggers() {
        int i = nextAgent;
        nextAgent = i + 1 == agentMessages.length ? 0 : i + 1;
        return twoHundred.evaluate(agentMessages[i]);
    }
}
