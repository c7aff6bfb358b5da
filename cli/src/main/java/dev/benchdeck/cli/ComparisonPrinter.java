package dev.benchdeck.cli;

import dev.benchdeck.report.BlockBootstrap;
import dev.benchdeck.report.Comparison;
import dev.benchdeck.report.Figures;
import dev.benchdeck.report.RunDifferences;
import dev.benchdeck.report.Significance;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * A comparison on the console: the runs, a table per step (each metric's baseline value, then per run its
 * value, change in per cent, p-value and verdict), what differed, and the regressions found.
 */
final class ComparisonPrinter {

    private ComparisonPrinter() {
    }

    static void print(PrintWriter out, Comparison c) {
        List<Comparison.ComparedRun> runs = c.runs();
        out.println();
        for (int i = 0; i < runs.size(); i++) {
            Comparison.ComparedRun r = runs.get(i);
            out.printf(Locale.ROOT, "%s %s: %s, %s%s%n", i == 0 ? "baseline" : "run " + (i + 1) + "  ", r.name(), r.plan(),
                    r.state().replace('_', ' '), r.partial() ? " (partial)" : "");
        }
        for (Comparison.StepComparison step : c.steps()) {
            out.println();
            out.println(Comparison.stepName(step) + ":");
            String cell = " %" + width(runs) + "s";
            StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-16s" + cell, "metric", shorten(runs.get(0).name())));
            for (Comparison.ComparedRun r : runs.subList(1, runs.size())) {
                header.append(String.format(Locale.ROOT, cell + " %9s %8s %-11s", shorten(r.name()), "change", "p", ""));
            }
            out.println(header.toString().stripTrailing());
            for (Comparison.MetricRow row : step.metrics()) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-16s" + cell, row.label(),
                        Figures.value(row.values().get(0), row.unit())));
                for (int r = 1; r < runs.size(); r++) {
                    Comparison.Change change = row.changes().get(r - 1);
                    Significance s = change.significance();
                    line.append(String.format(Locale.ROOT, cell + " %9s %8s %-11s", Figures.value(row.values().get(r), row.unit()),
                            Figures.percent(change.percent()), s == null ? "" : Figures.pValue(s.pValue()), verdict(change.verdict())));
                }
                out.println(line.toString().stripTrailing());
            }
        }
        out.println();
        c.notes().forEach(note -> out.println("note: " + note));
        differences(out, c);
        out.println("significance: " + BlockBootstrap.METHOD + " of the per-second samples, "
                + Figures.confidence(c.options().confidence()) + " confidence; percentiles from the merged histograms");
        List<Comparison.Finding> regressions = c.regressions();
        if (regressions.isEmpty()) {
            out.println("no significant regression");
        } else {
            out.println(regressions.size() + " significant regression" + (regressions.size() == 1 ? "" : "s") + ":");
            for (Comparison.Finding f : regressions) {
                out.printf(Locale.ROOT, "  REGRESSION %s %s in %s: %s (%s), p %s%n", f.step(), f.metric().label(), f.change().run(),
                        Figures.delta(f.change().absolute(), f.metric().unit()), Figures.percent(f.change().percent()),
                        Figures.pValue(f.change().significance().pValue()));
            }
        }
        out.flush();
    }

    private static void differences(PrintWriter out, Comparison c) {
        for (RunDifferences.Row row : c.differences().environment()) {
            if (row.differs()) {
                out.println("differs: " + row.name() + ": " + String.join(" | ", row.values().stream().map(v -> v == null ? "-" : v).toList()));
            }
        }
        for (RunDifferences.Row row : c.differences().labels()) {
            if (row.differs()) {
                out.println("differs: label " + row.name() + ": " + String.join(" | ", row.values().stream().map(v -> v == null ? "-" : v).toList()));
            }
        }
        for (RunDifferences.PlanDiff plan : c.differences().plans()) {
            if (plan.diff() != null && !plan.diff().isEmpty()) {
                out.print(plan.diff());
            }
        }
    }

    private static String verdict(Comparison.Verdict v) {
        return switch (v) {
            case REGRESSION -> "REGRESSION";
            case IMPROVEMENT -> "better";
            case NO_SIGNIFICANT_CHANGE -> "~";
            case NOT_TESTED, NOT_MEASURED -> "";
        };
    }

    /** Wide enough for the runs' names up to {@value #MAX_NAME} characters, and for the figures. */
    private static int width(List<Comparison.ComparedRun> runs) {
        return Math.max(12, runs.stream().mapToInt(r -> shorten(r.name()).length()).max().orElse(12));
    }

    private static final int MAX_NAME = 24;

    private static String shorten(String name) {
        return name.length() <= MAX_NAME ? name : "…" + name.substring(name.length() - MAX_NAME + 1);
    }
}
