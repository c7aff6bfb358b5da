package dev.benchdeck.cli;

import dev.benchdeck.report.CsvExport;
import dev.benchdeck.report.HtmlReport;
import dev.benchdeck.report.JUnitXml;
import dev.benchdeck.report.MarkdownSummary;
import dev.benchdeck.report.ReportInputException;
import dev.benchdeck.report.ReportRun;
import dev.benchdeck.report.ResultFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code benchdeck report result.json}: the summary of a result file, and the report files asked for. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Report on a result file (benchdeck run --out): the summary here, and HTML, Markdown, JUnit XML or CSV files.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RESULT", description = "A result file written by benchdeck run --out.")
    Path result;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report (charts included, prints to PDF).")
    Path html;

    @Option(names = "--md", paramLabel = "FILE", description = "Write a Markdown summary (for a pull-request comment).")
    Path markdown;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write the run and its threshold verdicts as JUnit XML.")
    Path junit;

    @Option(names = "--csv", paramLabel = "DIR", description = "Write steps.csv and intervals.csv into DIR (as run --csv does).")
    Path csv;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReportRun run;
        try {
            run = ResultFiles.read(result);
        } catch (ReportInputException e) {
            err.println("error: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        SummaryPrinter.print(out, run.result());
        if (run.partial()) {
            out.println("partial: " + run.partialReason());
        }
        out.flush();
        try {
            if (html != null) {
                OutputFiles.write(html, w -> HtmlReport.run(run, w));
                err.println("HTML report written to " + html);
            }
            if (markdown != null) {
                OutputFiles.write(markdown, w -> MarkdownSummary.run(run, w));
                err.println("Markdown summary written to " + markdown);
            }
            if (junit != null) {
                OutputFiles.write(junit, w -> JUnitXml.run(run, w));
                err.println("JUnit report written to " + junit);
            }
            if (csv != null) {
                CsvExport.writeRun(run.result(), csv);
                err.println("CSV written to " + csv);
            }
        } catch (IOException e) {
            err.println("error: cannot write the report: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        return ExitCode.PASSED;
    }
}
