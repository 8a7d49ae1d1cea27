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
        if (args.length > 0 && args[0].equals("sweep")) {
            sweep();
            return;
        }
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

    private static void sweep() {
        List<LabelledCase> dev = split("dev");
        List<LabelledCase> shipped = LabelledSuites.shipped();
        for (int mode : new int[] {2, 3}) {
            Scoring.mode = mode;
            for (double floor : mode == 2 ? new double[] {0.45, 0.55} : new double[] {0.45, 0.5, 0.55}) {
                Scoring.floor = floor;
                for (double threshold : new double[] {0.5, 0.6}) {
                    CompiledTriggerSet set = CompiledTriggerSet.compile(withThreshold(DefaultTriggerSet.document(), threshold), Lexicons.bundled());
                    for (List<LabelledCase> cases : List.of(dev, shipped)) {
                        Figures f = measure(set, cases);
                        System.out.printf(Locale.ROOT, "mode=%d floor=%.2f t=%.2f %s catch %.1f%%  fp %.1f%%  human %.1f%% extra firings %d %s%n", mode, floor, threshold,
                                cases == dev ? "dev    " : "shipped", 100 * f.catchRate(), 100 * f.falsePositiveRate(), 100 * f.humanRequestCatchRate(),
                                extraFirings(set, cases),
                                f.categories().values().stream().map(c -> c.category() + " " + Math.round(1000 * c.rate()) / 10.0).toList());
                    }
                }
            }
        }
    }

    /** Firings of a topic other than the case's own category, on escalating cases: cross-topic noise that misroutes. */
    static int extraFirings(CompiledTriggerSet set, List<LabelledCase> cases) {
        java.util.Map<String, String> own = java.util.Map.of("billing", "billing-dispute", "technical", "technical-dead-end",
                "security", "account-security", "human_request", "explicit-human-request", "frustration", "frustration");
        int n = 0;
        for (LabelledCase c : cases) {
            if (!c.escalate()) {
                continue;
            }
            String mine = own.get(c.categoryOrEmpty());
            for (var f : set.evaluate(dev.handoff.escalation.control.TriggerInput.of(c.text())).firings()) {
                if (!f.name().equals(mine) && !f.name().equals("frustration") && !f.name().equals("explicit-human-request")) {
                    n++;
                }
            }
        }
        return n;
    }

    static dev.handoff.escalation.control.TriggerSetDocument withThreshold(dev.handoff.escalation.control.TriggerSetDocument d, double t) {
        var triggers = d.triggersOrEmpty().stream().map(x -> x.topic() == null ? x : new dev.handoff.escalation.control.TriggerSetDocument.TriggerSpec(
                x.name(), x.kind(), x.description(), x.enabled(), x.standalone(), x.priority(), x.skills(), x.phrases(), x.negations(), x.topic(),
                t, x.threshold(), x.trendWindow(), x.trendDrop(), x.profanityRepeats(), x.minConfidence(), x.fallbackIntent(),
                x.fallbacksInARow(), x.repeatSimilarity(), x.tiers(), x.minAccountValue(), x.recentEscalationDays(), x.operator(), x.of(),
                x.label())).toList();
        return new dev.handoff.escalation.control.TriggerSetDocument(d.format(), d.name(), d.description(), d.topics(), d.negativeExamples(), triggers);
    }

    private static String scores(CompiledTriggerSet set, LabelledCase c) {
        Map<String, Double> s = set.semanticScores(dev.handoff.escalation.control.TriggerInput.of(c.text()));
        StringBuilder b = new StringBuilder("  {");
        s.forEach((k, v) -> b.append(k).append('=').append(String.format(Locale.ROOT, "%.2f ", v)));
        return b.append('}').toString();
    }
}
