package dev.handoff.escalation.semantic;

import dev.handoff.escalation.control.BenchmarkData;
import dev.handoff.escalation.control.CompiledTriggerSet;
import dev.handoff.escalation.control.DefaultTriggerSet;
import dev.handoff.escalation.control.Lexicons;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.management.ObjectName;

/**
 * What the sentence model costs in memory (docs/benchmarks.md, "Memory"): Java heap retained after
 * a full GC (MemoryMXBean), metaspace, and the process's resident set ({@code VmRSS} of
 * {@code /proc/self/status}) before and after {@code SentenceEncoder.shared()}, after the first
 * embeddings (ONNX Runtime allocates its arena on the first run), and after compiling the default
 * and the 200-trigger sets (their example matrices and the encoder's example cache stay on the heap).
 * With {@code -XX:NativeMemoryTracking=summary} it also prints the JVM's own committed native memory,
 * so that RSS growth minus the JVM's growth is ONNX Runtime's. Not a test; run:
 *
 * <pre>
 * java -XX:NativeMemoryTracking=summary -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     dev.handoff.escalation.semantic.SentenceEncoderFootprint
 * </pre>
 */
public final class SentenceEncoderFootprint {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private SentenceEncoderFootprint() {}

    record Snapshot(String what, long heap, long metaspace, long rss, long hwm, long jvmNative) {}

    public static void main(String[] args) throws Exception {
        List<Snapshot> snaps = new ArrayList<>();
        // load what every step needs anyway (JSON-P, the lexicons, the trigger set documents) before the baseline
        Lexicons.bundled();
        var defaultDoc = DefaultTriggerSet.document();
        var benchDoc = BenchmarkData.twoHundredTriggers();
        snaps.add(snapshot("baseline (JVM, lexicons, documents)"));

        SentenceEncoder encoder = SentenceEncoder.shared();
        snaps.add(snapshot("SentenceEncoder.shared() loaded"));

        encoder.embed("I want to talk to a person");
        snaps.add(snapshot("after the first embedding"));

        for (int i = 0; i < 50; i++) {
            for (String m : BenchmarkData.MESSAGES) {
                encoder.embed(m);
            }
        }
        snaps.add(snapshot("after 1,500 message embeddings"));

        CompiledTriggerSet shipped = CompiledTriggerSet.compile(defaultDoc, Lexicons.bundled());
        snaps.add(snapshot("default set compiled (5 topics)"));

        CompiledTriggerSet twoHundred = CompiledTriggerSet.compile(benchDoc, Lexicons.bundled());
        snaps.add(snapshot("200-trigger set compiled too (37 topics)"));

        System.out.printf(Locale.ROOT, "%n%-42s %10s %10s %10s %10s %12s%n", "step", "heap MB", "meta MB", "RSS MB", "RSS peak", "JVM native");
        Snapshot prev = null;
        for (Snapshot s : snaps) {
            System.out.printf(Locale.ROOT, "%-42s %10.1f %10.1f %10.1f %10.1f %12s%n", s.what(), mb(s.heap()), mb(s.metaspace()), mb(s.rss()),
                    mb(s.hwm()), s.jvmNative() < 0 ? "-" : String.format(Locale.ROOT, "%.1f", mb(s.jvmNative())));
            if (prev != null) {
                System.out.printf(Locale.ROOT, "%-42s %+10.1f %+10.1f %+10.1f %10s %12s%n", "   change", mb(s.heap() - prev.heap()),
                        mb(s.metaspace() - prev.metaspace()), mb(s.rss() - prev.rss()), "",
                        s.jvmNative() < 0 ? "-" : String.format(Locale.ROOT, "%+.1f", mb(s.jvmNative() - prev.jvmNative())));
            }
            prev = s;
        }
        Snapshot base = snaps.get(0);
        Snapshot model = snaps.get(2);
        System.out.printf(Locale.ROOT, "%nThe model (loaded and run once): heap %+.1f MB, metaspace %+.1f MB, RSS %+.1f MB%s%n",
                mb(model.heap() - base.heap()), mb(model.metaspace() - base.metaspace()), mb(model.rss() - base.rss()),
                model.jvmNative() < 0 ? "" : String.format(Locale.ROOT, " (of which outside the JVM's own accounting: %.1f MB)",
                        mb((model.rss() - base.rss()) - (model.jvmNative() - base.jvmNative()))));
        if (shipped.document() == null || twoHundred.document() == null) {
            throw new IllegalStateException();
        }
    }

    private static Snapshot snapshot(String what) throws Exception {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        long heap = MEMORY.getHeapMemoryUsage().getUsed();
        long meta = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace")) {
                meta = pool.getUsage().getUsed();
            }
        }
        return new Snapshot(what, heap, meta, status("VmRSS:"), status("VmHWM:"), jvmNativeCommitted());
    }

    /** A kB field of /proc/self/status, in bytes. */
    private static long status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]) * 1024;
            }
        }
        return -1;
    }

    /** The JVM's committed native memory by Native Memory Tracking ("Total: reserved=…KB, committed=…KB"), or -1 without NMT. */
    private static long jvmNativeCommitted() {
        try {
            Object out = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "vmNativeMemory", new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
            for (String line : String.valueOf(out).split("\n")) {
                int at = line.indexOf("Total: reserved=");
                if (at >= 0) {
                    int c = line.indexOf("committed=", at);
                    return Long.parseLong(line.substring(c + "committed=".length(), line.indexOf("KB", c))) * 1024;
                }
            }
        } catch (Exception e) {
            // NMT is off
        }
        return -1;
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }
}
