package dev.handoff.escalation.control;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * A cross-check of {@link TriggerEvaluationBenchmark} on a busy machine: the CPU time this thread
 * spends per evaluation (ThreadMXBean), which other processes competing for the cores do not
 * inflate the way they inflate JMH's wall-clock time. Warms up for {@code args[0]} seconds
 * (default 30), then measures for as long. Not a JMH benchmark; see docs/benchmarks.md.
 *
 * <p>How to run it: docs/benchmarks.md ("A cross-check ...").
 */
public final class EvaluationCpuTime {

    static volatile Object sink;

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        TriggerEvaluationBenchmark b = new TriggerEvaluationBenchmark();
        b.setUp();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (String name : List.of("message200Triggers", "transcript200Triggers", "messageShippedSet")) {
            Runnable op = switch (name) {
                case "message200Triggers" -> () -> sink = b.message200Triggers();
                case "transcript200Triggers" -> () -> sink = b.transcript200Triggers();
                default -> () -> sink = b.messageShippedSet();
            };
            long warmUntil = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < warmUntil) {
                for (int i = 0; i < 1000; i++) {
                    op.run();
                }
            }
            long cpu0 = mx.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            long n = 0;
            while (System.nanoTime() - wall0 < seconds * 1_000_000_000L) {
                for (int i = 0; i < 1000; i++) {
                    op.run();
                }
                n += 1000;
            }
            double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1000.0 / n;
            double wall = (System.nanoTime() - wall0) / 1000.0 / n;
            System.out.printf(Locale.ROOT, "%-24s cpu %7.2f us/op   wall %7.2f us/op   (%d ops)%n", name, cpu, wall, n);
        }
    }
}
