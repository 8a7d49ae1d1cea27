package dev.handoff.escalation.semantic;

import dev.handoff.escalation.control.BenchReport;
import dev.handoff.escalation.control.CompiledTriggerSet;
import dev.handoff.escalation.control.DefaultTriggerSet;
import dev.handoff.escalation.control.LabelledCase;
import dev.handoff.escalation.control.LabelledSuites;
import dev.handoff.escalation.control.Lexicons;
import dev.handoff.escalation.control.TestBench;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The default set's quality on the evaluation data in {@code src/test/resources/eval/}: the
 * development split (tuned on) and the held-out split (never tuned on), per category. Run by
 * {@code DefaultSetQualityTest} on every build; {@code main} prints the full report with every miss
 * and false alarm of a split: {@code java … TriggerQualityReport dev}.
 */
public final class TriggerQualityReport {

    /** Catch rate of one category (or the false-positive rate of the routine category "none"). */
    public record CategoryFigure(String category, int rows, int right) {
        public double rate() {
            return rows == 0 ? 1 : (double) right / rows;
        }
    }

    public record Figures(BenchReport report, Map<String, CategoryFigure> categories) {

        public double catchRate() {
            return report.catchRate();
        }

        public double falsePositiveRate() {
            return report.falsePositiveRate();
        }

        public double humanRequestCatchRate() {
            return categories.getOrDefault("human_request", new CategoryFigure("human_request", 0, 0)).rate();
        }

        public String table() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "catch %.1f%% (%d/%d), false positives %.1f%% (%d/%d)%n",
                    100 * report.catchRate(), report.caught(), report.shouldEscalate(),
                    100 * report.falsePositiveRate(), report.falseAlarms(), report.shouldStay()));
            categories.values().forEach(c -> b.append(String.format(Locale.ROOT, "  %-14s %4d rows, %5.1f%% judged right%n",
                    c.category(), c.rows(), 100 * c.rate())));
            return b.toString();
        }
    }

    public static List<LabelledCase> split(String name) {
        try (InputStream in = TriggerQualityReport.class.getClassLoader().getResourceAsStream("eval/" + name + ".csv")) {
            return LabelledSuites.parseCsv(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Figures measure(CompiledTriggerSet set, List<LabelledCase> cases) {
        BenchReport report = TestBench.run(set, cases);
        Map<String, int[]> counts = new TreeMap<>();
        java.util.Set<String> wrong = new java.util.HashSet<>();
        report.misses().forEach(o -> wrong.add(o.sample().id()));
        report.falseAlarmCases().forEach(o -> wrong.add(o.sample().id()));
        for (LabelledCase c : cases) {
            int[] n = counts.computeIfAbsent(c.categoryOrEmpty(), k -> new int[2]);
            n[0]++;
            if (!wrong.contains(c.id())) {
                n[1]++;
            }
        }
        Map<String, CategoryFigure> categories = new TreeMap<>();
        counts.forEach((k, v) -> categories.put(k, new CategoryFigure(k, v[0], v[1])));
        return new Figures(report, categories);
    }

    public static void main(String[] args) {
        CompiledTriggerSet set = CompiledTriggerSet.compile(DefaultTriggerSet.document(), Lexicons.bundled());
        for (String name : args.length == 0 ? new String[] {"dev"} : args) {
            List<LabelledCase> cases = split(name);
            long t0 = System.nanoTime();
            Figures f = measure(set, cases);
            System.out.printf(Locale.ROOT, "== %s (%d cases, %.1f ms each)%n%s", name, cases.size(),
                    (System.nanoTime() - t0) / 1e6 / cases.size(), f.table());
            if (Boolean.getBoolean("quiet")) {
                continue;
            }
            f.report().misses().forEach(o -> System.out.println("MISS  [" + o.sample().categoryOrEmpty() + "] " + o.sample().text()
                    + scores(set, o.sample())));
            f.report().falseAlarmCases().forEach(o -> System.out.println("ALARM " + o.sample().text() + "  <- "
                    + o.firings().stream().map(x -> x.name() + " " + x.evidence()).toList()));
        }
    }

    private static String scores(CompiledTriggerSet set, LabelledCase c) {
        Map<String, Double> s = set.semanticScores(dev.handoff.escalation.control.TriggerInput.of(c.text()));
        StringBuilder b = new StringBuilder("  {");
        s.forEach((k, v) -> b.append(k).append('=').append(String.format(Locale.ROOT, "%.2f ", v)));
        return b.append('}').toString();
    }
}
