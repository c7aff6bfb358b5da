package dev.benchdeck.cli;

import dev.benchdeck.demotarget.DemoTarget;
import dev.benchdeck.engine.driver.Drivers;
import dev.benchdeck.engine.driver.DriverSpec;
import dev.benchdeck.engine.load.RunControl;
import dev.benchdeck.engine.load.RunEngine;
import dev.benchdeck.engine.plan.Plan;
import dev.benchdeck.engine.plan.PlanReader;
import dev.benchdeck.engine.record.RunListener;
import dev.benchdeck.engine.result.ResultJson;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.time.EngineClock;
import dev.benchdeck.report.CsvExport;
import dev.benchdeck.report.HtmlReport;
import dev.benchdeck.report.JUnitXml;
import dev.benchdeck.report.MarkdownSummary;
import dev.benchdeck.report.ReportRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code benchdeck run plan.yaml}: runs a plan headless, prints progress and a summary, writes results. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a plan: progress every second, a summary per step, threshold verdicts.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    PlanOptions plan = new PlanOptions();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the full result as JSON (histograms included).")
    Path out;

    @Option(names = "--csv", paramLabel = "DIR", description = "Write steps.csv and intervals.csv into DIR.")
    Path csv;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write threshold verdicts as a JUnit XML report.")
    Path junit;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report (charts included).")
    Path html;

    @Option(names = "--md", paramLabel = "FILE", description = "Write a Markdown summary (for a pull-request comment).")
    Path markdown;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines, only the summary.")
    boolean quiet;

    @Option(names = "--demo-target", description = "Also serve the demo endpoints on 127.0.0.1:8089 in this process "
            + "(for trying the examples; it shares the CPU with the load, so do not use it to measure). "
            + "A demo target already running there (benchdeck demo-target) is used instead.")
    boolean demoTarget;

    @Option(names = "--demo-port", paramLabel = "PORT", defaultValue = "8089",
            description = "The port of --demo-target (default ${DEFAULT-VALUE}).")
    int demoPort;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Plan parsed = plan.read(err);
        if (parsed == null) {
            return ExitCode.INVALID_INPUT;
        }
        DriverSpec driver = new PlanReader(Drivers.discover()).driverSpec(parsed);
        if (!demoTarget) {
            return run(parsed, driver, out, err);
        }
        DemoTarget demo;
        try {
            demo = DemoTarget.start(demoPort);
        } catch (BindException taken) {
            if (!DemoTarget.isRunningAt(demoPort)) {
                err.println("error: 127.0.0.1:" + demoPort + " is in use by a program that is not a Benchdeck demo target:"
                        + " stop it, or serve the demo endpoints elsewhere with --demo-port and --set target.url=...");
                return ExitCode.RUN_FAILED;
            }
            err.println("using the demo target already running on 127.0.0.1:" + demoPort);
            return run(parsed, driver, out, err);
        } catch (IOException e) {
            err.println("error: cannot start the demo target on port " + demoPort + ": " + e.getMessage());
            return ExitCode.RUN_FAILED;
        }
        try (demo) {
            return run(parsed, driver, out, err);
        }
    }

    private int run(Plan parsed, DriverSpec driver, PrintWriter out, PrintWriter err) throws InterruptedException {
        RunControl control = new RunControl();
        CountDownLatch written = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            control.cancel();
            awaitQuietly(written); // let the main thread write the partial results before the JVM exits
        }, "bd-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            List<RunListener> listeners = new ArrayList<>();
            if (!quiet) {
                listeners.add(new ConsoleProgress(err, parsed, System.console() != null));
            }
            RunResult result = new RunEngine(EngineClock.system()).run(parsed, driver, RunListener.all(listeners), control);
            SummaryPrinter.print(out, result);
            writeOutputs(parsed, result, err);
            out.flush();
            err.flush();
            return exitCode(result, err);
        } finally {
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is already running and waits for us
            }
        }
    }

    private void writeOutputs(Plan parsed, RunResult result, PrintWriter err) {
        try {
            if (out != null) {
                ResultJson.write(result, out);
                err.println("result written to " + out);
            }
            if (csv != null) {
                CsvExport.writeRun(result, csv);
                err.println("CSV written to " + csv);
            }
            ReportRun report = ReportRun.of(out == null ? parsed.name() : out.getFileName().toString(), result)
                    .withPlan(null, parsed.driver());
            if (junit != null) {
                OutputFiles.write(junit, w -> JUnitXml.run(report, w));
                err.println("JUnit report written to " + junit);
            }
            if (html != null) {
                OutputFiles.write(html, w -> HtmlReport.run(report, w));
                err.println("HTML report written to " + html);
            }
            if (markdown != null) {
                OutputFiles.write(markdown, w -> MarkdownSummary.run(report, w));
                err.println("Markdown summary written to " + markdown);
            }
        } catch (IOException e) {
            err.println("error: cannot write results: " + e.getMessage());
        }
    }

    private static int exitCode(RunResult result, PrintWriter err) {
        return switch (result.status()) {
            case FAILED -> {
                err.println("error: " + result.failure());
                yield ExitCode.RUN_FAILED;
            }
            case TIMED_OUT -> {
                err.println("error: the run passed its deadline; partial results kept");
                yield ExitCode.RUN_FAILED;
            }
            case CANCELLED -> {
                err.println("interrupted: partial results kept");
                yield ExitCode.INTERRUPTED;
            }
            case COMPLETED -> result.thresholdsPassed() ? ExitCode.PASSED : ExitCode.THRESHOLDS_FAILED;
        };
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
