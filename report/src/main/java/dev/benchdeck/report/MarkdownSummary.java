package dev.benchdeck.report;

import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.engine.result.ThresholdVerdict;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A Markdown summary for a pull-request comment (GitHub and GitLab flavoured tables): the verdict first,
 * then a table per step, and the details (plan diff, environment) folded away.
 */
public final class MarkdownSummary {

    private static final List<String> RUN_METRICS = List.of("requests", "throughput", "error_rate", "latency.p50",
            "latency.p95", "latency.p99", "latency.max");

    private MarkdownSummary() {
    }

    public static void run(ReportRun run, Writer w) throws IOException {
        RunResult result = run.result();
        w.write("### Benchdeck: " + cell(result.plan()) + " — " + run.state().replace('_', ' ') + "\n\n");
        if (run.partial()) {
            w.write("> **Partial:** " + run.partialReason() + "\n\n");
        }
        if (result.failure() != null) {
            w.write("> **Failure:** " + cell(result.failure()) + "\n\n");
        }
        if (!result.verdicts().isEmpty()) {
            long failed = result.verdicts().stream().filter(v -> !v.passed()).count();
            w.write(failed == 0 ? "All " + result.verdicts().size() + " thresholds held.\n\n"
                    : "**" + failed + " of " + result.verdicts().size() + " thresholds failed.**\n\n");
        }
        List<StepResult> rows = new ArrayList<>(result.steps());
        if (result.steps().size() > 1 && result.overall() != null) {
            rows.add(result.overall());
        }
        if (!rows.isEmpty()) {
            List<Metric> metrics = Metric.ALL.stream().filter(m -> RUN_METRICS.contains(m.key())).toList();
            StringBuilder header = new StringBuilder("| step | load |");
            StringBuilder rule = new StringBuilder("|---|---|");
            for (Metric m : metrics) {
                header.append(' ').append(m.label()).append(" |");
                rule.append("---:|");
            }
            w.write(header + "\n" + rule + "\n");
            for (StepResult step : rows) {
                StringBuilder line = new StringBuilder("| " + (step.index() < 0 ? "all" : String.valueOf(step.index() + 1))
                        + (step.partial() ? "*" : "") + " | " + cell(step.label()) + " |");
                for (Metric m : metrics) {
                    line.append(' ').append(Figures.value(m.of(step), m.unit())).append(" |");
                }
                w.write(line + "\n");
            }
            w.write("\n");
        }
        if (!result.verdicts().isEmpty()) {
            w.write("| threshold | scope | actual | |\n|---|---|---:|---|\n");
            for (ThresholdVerdict v : result.verdicts()) {
                w.write("| `" + cell(v.threshold()) + "` | " + cell(v.scope()) + " | "
                        + (v.actual() == null ? "not measured" : Figures.withUnit(Figures.number(v.actual()), v.unit())) + " | "
                        + (v.passed() ? "✅ pass" : "❌ fail") + " |\n");
            }
            w.write("\n");
        }
        w.flush();
    }

    public static void comparison(Comparison c, Writer w) throws IOException {
        List<Comparison.ComparedRun> runs = c.runs();
        w.write("### Benchdeck comparison: " + String.join(" → ", runs.stream().map(r -> "`" + cell(r.name()) + "`").toList())
                + "\n\n");
        List<Comparison.Finding> regressions = c.regressions();
        w.write(regressions.isEmpty()
                ? "No significant regression at " + Figures.confidence(c.options().confidence()) + " confidence.\n\n"
                : "**" + regressions.size() + " significant regression" + (regressions.size() == 1 ? "" : "s") + "** at "
                + Figures.confidence(c.options().confidence()) + " confidence:\n\n");
        for (Comparison.Finding f : regressions) {
            Significance t = f.change().significance();
            w.write("- " + cell(f.step()) + ", **" + f.metric().label() + "** in `" + cell(f.change().run()) + "`: "
                    + Figures.delta(f.change().absolute(), f.metric().unit()) + " (" + Figures.percent(f.change().percent())
                    + "), p " + (t == null ? "-" : Figures.pValue(t.pValue())) + "\n");
        }
        if (!regressions.isEmpty()) {
            w.write("\n");
        }
        for (String note : c.notes()) {
            w.write("> " + cell(note) + "\n");
        }
        if (!c.notes().isEmpty()) {
            w.write("\n");
        }
        for (Comparison.StepComparison step : c.steps()) {
            w.write("#### " + cell(Comparison.stepName(step)) + "\n\n");
            StringBuilder header = new StringBuilder("| metric | " + cell(runs.get(0).name()) + " |");
            StringBuilder rule = new StringBuilder("|---|---:|");
            for (Comparison.ComparedRun run : runs.subList(1, runs.size())) {
                header.append(' ').append(cell(run.name())).append(" | Δ | |");
                rule.append("---:|---:|---|");
            }
            w.write(header + "\n" + rule + "\n");
            for (Comparison.MetricRow row : step.metrics()) {
                StringBuilder line = new StringBuilder("| " + row.label() + " | " + Figures.value(row.values().get(0), row.unit()) + " |");
                for (int r = 1; r < runs.size(); r++) {
                    Comparison.Change change = row.changes().get(r - 1);
                    line.append(' ').append(Figures.value(row.values().get(r), row.unit())).append(" | ")
                            .append(Figures.percent(change.percent())).append(" | ").append(mark(change)).append(" |");
                }
                w.write(line + "\n");
            }
            w.write("\n");
        }
        w.write("Δ against `" + cell(runs.get(0).name()) + "`; significance: " + BlockBootstrap.METHOD
                + " of the per-second samples at " + Figures.confidence(c.options().confidence()) + " (❌ worse, ✅ better, "
                + "· no significant change, blank: not tested). Percentiles come from the merged histograms.\n\n");
        details(c, w);
        w.flush();
    }

    private static void details(Comparison c, Writer w) throws IOException {
        List<RunDifferences.Row> differing = new ArrayList<>();
        c.differences().environment().stream().filter(RunDifferences.Row::differs).forEach(differing::add);
        c.differences().labels().stream().filter(RunDifferences.Row::differs).forEach(differing::add);
        List<RunDifferences.PlanDiff> plans = c.differences().plans().stream()
                .filter(p -> p.diff() != null && !p.diff().isEmpty()).toList();
        if (differing.isEmpty() && plans.isEmpty()) {
            return;
        }
        w.write("<details><summary>What differed</summary>\n\n");
        if (!differing.isEmpty()) {
            w.write("| | " + String.join(" | ", c.runs().stream().map(r -> cell(r.name())).toList()) + " |\n|---|"
                    + "---|".repeat(c.runs().size()) + "\n");
            for (RunDifferences.Row row : differing) {
                w.write("| " + cell(row.name()) + " | " + String.join(" | ", row.values().stream()
                        .map(v -> v == null ? "-" : cell(v)).toList()) + " |\n");
            }
            w.write("\n");
        }
        for (RunDifferences.PlanDiff plan : plans) {
            w.write("```diff\n" + plan.diff().replace("```", "`\u200b``") + "```\n\n");
        }
        w.write("</details>\n");
    }

    private static String mark(Comparison.Change change) {
        return switch (change.verdict()) {
            case REGRESSION -> "❌";
            case IMPROVEMENT -> "✅";
            case NO_SIGNIFICANT_CHANGE -> "·";
            case NOT_TESTED, NOT_MEASURED -> "";
        };
    }

    /** Text safe in a table cell: pipes escaped, line breaks as spaces. */
    static String cell(String text) {
        return text.replace("|", "\\|").replace("\r", "").replace('\n', ' ');
    }
}
