package dev.benchdeck.cli;

import dev.benchdeck.report.Comparison;
import dev.benchdeck.report.ComparisonOptions;
import dev.benchdeck.report.CsvExport;
import dev.benchdeck.report.HtmlReport;
import dev.benchdeck.report.JUnitXml;
import dev.benchdeck.report.JsonReport;
import dev.benchdeck.report.MarkdownSummary;
import dev.benchdeck.report.ReportInputException;
import dev.benchdeck.report.ReportRun;
import dev.benchdeck.report.ResultFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code benchdeck compare base.json new.json…}: the runs side by side, the first the baseline; with
 * {@code --fail-on-regression} the exit code says whether some metric got significantly worse.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare 2 to 5 result files, the first the baseline: per step each figure side by side, its change,"
                + " and whether that is significant (a moving-block bootstrap of the per-second samples).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:compared (and no significant regression with --fail-on-regression)",
                "1:a significant regression, with --fail-on-regression", "2:bad input: unreadable files, runs that cannot be compared"})
final class CompareCommand implements Callable<Integer> {

    @Parameters(arity = "2..5", paramLabel = "RESULT", description = "Result files (benchdeck run --out), the baseline first.")
    List<Path> results = new ArrayList<>();

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report of the comparison.")
    Path html;

    @Option(names = "--md", paramLabel = "FILE", description = "Write a Markdown summary (for a pull-request comment).")
    Path markdown;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the comparison rows (step, metric, run) as CSV.")
    Path csv;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the comparison as JSON.")
    Path json;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write the tested changes as JUnit XML (a regression fails).")
    Path junit;

    @Option(names = "--plan", paramLabel = "PLAN", description = "The plan each result ran, in the same order, to show their diff.")
    List<Path> plans = new ArrayList<>();

    @Option(names = "--confidence", paramLabel = "LEVEL", defaultValue = "0.99",
            description = "Confidence of the significance tests (default ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--fail-on-regression", description = "Exit 1 when some metric got significantly worse.")
    boolean failOnRegression;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Comparison comparison;
        try {
            comparison = Comparison.of(runs(), ComparisonOptions.DEFAULTS.withConfidence(confidence));
        } catch (ReportInputException e) {
            err.println("error: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        ComparisonPrinter.print(out, comparison);
        out.flush();
        try {
            write(comparison, err);
        } catch (IOException e) {
            err.println("error: cannot write the report: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        return failOnRegression && comparison.regressionFound() ? ExitCode.REGRESSION : ExitCode.PASSED;
    }

    private List<ReportRun> runs() {
        if (!plans.isEmpty() && plans.size() != results.size()) {
            throw new ReportInputException("--plan: give one plan per result (" + results.size() + "), not " + plans.size());
        }
        List<ReportRun> runs = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            ReportRun run = ResultFiles.read(results.get(i));
            if (!plans.isEmpty()) {
                run = run.withPlan(read(plans.get(i)), run.driver());
            }
            runs.add(run);
        }
        return runs;
    }

    private static String read(Path plan) {
        try {
            return Files.readString(plan);
        } catch (IOException e) {
            throw new ReportInputException("--plan " + plan + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    private void write(Comparison comparison, PrintWriter err) throws IOException {
        if (html != null) {
            OutputFiles.write(html, w -> HtmlReport.comparison(comparison, w));
            err.println("HTML report written to " + html);
        }
        if (markdown != null) {
            OutputFiles.write(markdown, w -> MarkdownSummary.comparison(comparison, w));
            err.println("Markdown summary written to " + markdown);
        }
        if (csv != null) {
            OutputFiles.write(csv, w -> CsvExport.comparison(comparison, w));
            err.println("CSV written to " + csv);
        }
        if (json != null) {
            OutputFiles.write(json, w -> JsonReport.comparison(comparison, w));
            err.println("JSON written to " + json);
        }
        if (junit != null) {
            OutputFiles.write(junit, w -> JUnitXml.comparison(comparison, w));
            err.println("JUnit report written to " + junit);
        }
    }
}
