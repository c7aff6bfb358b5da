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
import java.util.Map;
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

    @Option(names = "--label", paramLabel = "KEY=VALUE",
            description = "Label the run (repeatable): commit, branch, version, environment or any key. Commit and branch "
                    + "are read from the CI's variables (GitHub, GitLab, Jenkins, CircleCI, Buildkite, Azure) or git when not given.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--no-auto-labels", description = "Do not read commit and branch from CI variables or git.")
    boolean noAutoLabels;

    @Option(names = "--upload", paramLabel = "URL",
            description = "Store the finished run in a Benchdeck server's history (its address, e.g. http://127.0.0.1:8080), "
                    + "authenticated by the API token in BENCHDECK_TOKEN (scope run).")
    String upload;

    @Option(names = "--upload-scenario", paramLabel = "ID|NAME",
            description = "The server's scenario to store the upload in (default: the scenario named as the plan, else a new one).")
    String uploadScenario;

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

    private Map<String, String> runLabels = Map.of();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Plan parsed = plan.read(err);
        if (parsed == null) {
            return ExitCode.INVALID_INPUT;
        }
        List<String> problems = new ArrayList<>();
        runLabels = RunOrigin.ofThisProcess().labels(labels, !noAutoLabels, problems);
        String badUpload = upload == null ? null : ResultUpload.problemWith(upload);
        if (badUpload != null) {
            problems.add("--upload " + badUpload);
        }
        if (uploadScenario != null && upload == null) {
            problems.add("--upload-scenario needs --upload URL");
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("error: " + p));
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
            RunResult result = new RunEngine(EngineClock.system()).run(parsed, driver, RunListener.all(listeners), control)
                    .withLabels(runLabels);
            SummaryPrinter.print(out, result);
            writeOutputs(parsed, result, err);
            int code = exitCode(result, err);
            if (upload != null && result.status() != dev.benchdeck.engine.result.RunStatus.CANCELLED) {
                code = upload(result, code, err);
            }
            out.flush();
            err.flush();
            return code;
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

    /** Uploads the result; a failed upload of a passed run exits {@link ExitCode#UPLOAD_FAILED}, else the run's code stays. */
    private int upload(RunResult result, int code, PrintWriter err) throws InterruptedException {
        ResultUpload.Outcome outcome = new ResultUpload(java.net.URI.create(upload), System.getenv("BENCHDECK_TOKEN"))
                .upload(result, planText(), uploadScenario);
        err.println(outcome.stored() ? outcome.message() : "error: " + outcome.message());
        return outcome.stored() || code != ExitCode.PASSED ? code : ExitCode.UPLOAD_FAILED;
    }

    /** The plan file as given, with its --set overrides noted, so the server's plan diff shows them. */
    private String planText() {
        try {
            StringBuilder text = new StringBuilder(plan.text());
            if (!plan.overrides.isEmpty()) {
                text.append(text.isEmpty() || text.charAt(text.length() - 1) == '\n' ? "" : "\n")
                        .append("# run with:");
                plan.overrides.forEach(o -> text.append(" --set ").append(o));
                text.append('\n');
            }
            return text.toString();
        } catch (IOException e) {
            return null;
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
