package dev.benchdeck.report;

import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.record.LatencySummary;
import dev.benchdeck.engine.result.CpuFigures;
import dev.benchdeck.engine.result.Distribution;
import dev.benchdeck.engine.result.JourneyFigures;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.StepResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * CSV as RFC 4180 writes it (CRLF line ends; a cell with a comma, quote or line break quoted, quotes
 * doubled): a run's steps (one row per step and one for all) and its 1-second intervals, and a
 * comparison's rows (one per step, metric and run). A figure that was not measured is an empty cell.
 */
public final class CsvExport {

    private static final List<String> LATENCY_STATS = List.of("min", "mean", "p50", "p90", "p95", "p99", "p999", "max");
    private static final String EOL = "\r\n";

    private CsvExport() {
    }

    /**
     * {@code steps.csv} and {@code intervals.csv} in {@code dir} (what {@code benchdeck run --csv DIR} writes), and for a
     * journey {@code journey.csv}.
     */
    public static void writeRun(RunResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Writer w = Files.newBufferedWriter(dir.resolve("steps.csv"))) {
            steps(result, w);
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("intervals.csv"))) {
            intervals(result, w);
        }
        if (result.overall() != null && result.overall().journey() != null) {
            try (Writer w = Files.newBufferedWriter(dir.resolve("journey.csv"))) {
                journey(result, w);
            }
        }
    }

    /** One row per step of the load (and for all) per request step, group and check of the journey. */
    public static void journey(RunResult result, Writer w) throws IOException {
        row(w, List.of("step", "label", "kind", "name", "requests", "ok", "check_failed", "errors", "p50_ms", "p95_ms", "p99_ms",
                "max_ms", "passed", "failed", "pass_rate"));
        for (StepResult step : result.steps()) {
            journeyRows(w, String.valueOf(step.index() + 1), step);
        }
        if (result.overall() != null) {
            journeyRows(w, "all", result.overall());
        }
    }

    private static void journeyRows(Writer w, String step, StepResult s) throws IOException {
        JourneyFigures j = s.journey();
        if (j == null) {
            return;
        }
        for (var e : j.steps().entrySet()) {
            var f = e.getValue();
            List<String> cells = new ArrayList<>(List.of(step, String.valueOf(s.label()), "step", e.getKey(), String.valueOf(f.requests()),
                    String.valueOf(f.ok()), String.valueOf(f.checkFailed()),
                    String.valueOf(f.errorsByClass().values().stream().mapToLong(Long::longValue).sum())));
            cells.addAll(latencyCells(f.latency()));
            cells.addAll(List.of("", "", ""));
            row(w, cells);
        }
        for (var e : j.groups().entrySet()) {
            List<String> cells = new ArrayList<>(List.of(step, String.valueOf(s.label()), "group", e.getKey(), String.valueOf(e.getValue().summary().count()),
                    "", "", ""));
            cells.addAll(latencyCells(e.getValue()));
            cells.addAll(List.of("", "", ""));
            row(w, cells);
        }
        for (var e : j.checks().entrySet()) {
            var c = e.getValue();
            row(w, List.of(step, String.valueOf(s.label()), "check", e.getKey(), "", "", "", "", "", "", "", "", String.valueOf(c.passed()),
                    String.valueOf(c.failed()), String.format(Locale.ROOT, "%.6f", c.passRate())));
        }
    }

    private static List<String> latencyCells(@Nullable Distribution d) {
        if (d == null) {
            return List.of("", "", "", "");
        }
        LatencySummary l = d.summary();
        return List.of(fixed(l.p50()), fixed(l.p95()), fixed(l.p99()), fixed(l.max()));
    }

    public static void steps(RunResult result, Writer w) throws IOException {
        List<String> header = new ArrayList<>(List.of("step", "label", "partial", "measured_seconds", "requests", "ok",
                "errors", "dropped", "throughput", "error_rate"));
        LATENCY_STATS.forEach(stat -> header.add("latency_" + stat + "_ms"));
        header.addAll(List.of("service_time_p50_ms", "service_time_p99_ms", "connect_wait_p50_ms", "connect_wait_p99_ms",
                "ttft_p50_ms", "ttft_p99_ms", "output_tokens_p50", "output_tokens_p99", "cpu_process_cores", "cpu_other_cores",
                "schedule_lag_p50_ms", "schedule_lag_p99_ms", "think_lag_p50_ms", "think_lag_p99_ms", "generator_saturated"));
        row(w, header);
        for (StepResult step : result.steps()) {
            row(w, stepCells(String.valueOf(step.index() + 1), step));
        }
        if (result.overall() != null) {
            row(w, stepCells("all", result.overall()));
        }
    }

    public static void intervals(RunResult result, Writer w) throws IOException {
        row(w, List.of("elapsed_seconds", "step", "label", "phase", "completed", "ok", "errors", "dropped", "throughput",
                "p50_ms", "p90_ms", "p99_ms", "max_ms", "in_flight", "users", "output_tokens", "ttft_p50_ms", "ttft_p99_ms",
                "cpu_process_cores", "cpu_other_cores", "lag_p99_ms")); // schedule lag (open model) or think lag (closed)
        for (IntervalSnapshot s : result.intervals()) {
            row(w, List.of(fixed(s.elapsedSeconds()), String.valueOf(s.step() + 1), s.stepLabel(),
                    s.phase().name().toLowerCase(Locale.ROOT), String.valueOf(s.completed()), String.valueOf(s.ok()),
                    String.valueOf(s.errors()), String.valueOf(s.dropped()), fixed(s.throughput()), fixed(s.p50()),
                    fixed(s.p90()), fixed(s.p99()), fixed(s.max()), String.valueOf(s.inFlight()), String.valueOf(s.users()),
                    s.outputTokens() == null ? "" : String.valueOf(s.outputTokens()), fixed(s.ttftP50()), fixed(s.ttftP99()),
                    fixed(s.cpuProcess()), fixed(s.cpuOther()), fixed(s.lagP99())));
        }
    }

    /**
     * A comparison, one row per step, metric and run: the run's value, the baseline's, the difference absolute
     * and in per cent, and the test (method, p-value, interval, verdict); the baseline's own rows have no difference.
     */
    public static void comparison(Comparison comparison, Writer w) throws IOException {
        row(w, List.of("step", "label", "metric", "unit", "better", "run", "baseline", "value", "baseline_value", "absolute",
                "percent", "method", "p_value", "ci_low", "ci_high", "confidence", "verdict", "not_tested"));
        for (Comparison.StepComparison step : comparison.steps()) {
            for (Comparison.MetricRow metric : step.metrics()) {
                for (int r = 0; r < comparison.runs().size(); r++) {
                    Comparison.Change change = r == 0 ? null : metric.changes().get(r - 1);
                    Significance test = change == null ? null : change.significance();
                    row(w, List.of(step.index() < 0 ? "all" : String.valueOf(step.index() + 1), step.label(), metric.metric(),
                            metric.unit(), better(metric.direction()), comparison.runs().get(r).name(), comparison.runs().get(0).name(),
                            number(metric.values().get(r)), number(metric.values().get(0)),
                            change == null ? "" : number(change.absolute()), change == null ? "" : number(change.percent()),
                            test == null ? "" : test.method(), test == null ? "" : number(test.pValue()),
                            test == null ? "" : number(test.low()), test == null ? "" : number(test.high()),
                            test == null ? "" : number(test.confidence()),
                            change == null ? "baseline" : change.verdict().name().toLowerCase(Locale.ROOT),
                            change == null || change.notTested() == null ? "" : change.notTested()));
                }
            }
        }
    }

    private static String better(Direction direction) {
        return switch (direction) {
            case HIGHER_IS_BETTER -> "higher";
            case LOWER_IS_BETTER -> "lower";
            case NEITHER -> "";
        };
    }

    private static List<String> stepCells(String name, StepResult s) {
        List<String> cells = new ArrayList<>(List.of(name, s.label(), String.valueOf(s.partial()), fixed(s.measuredSeconds()),
                String.valueOf(s.requests()), String.valueOf(s.ok()), String.valueOf(s.errors()), String.valueOf(s.dropped()),
                fixed(s.throughput()), s.requests() == 0 ? "" : String.format(Locale.ROOT, "%.6f", s.errorRate())));
        Distribution latency = s.latency();
        for (String stat : LATENCY_STATS) {
            cells.add(latency == null ? "" : fixed(latency.summary().stat(stat.equals("p999") ? "p99.9" : stat)));
        }
        cells.add(stat(s, StepResult.SERVICE_TIME, LatencySummary::p50));
        cells.add(stat(s, StepResult.SERVICE_TIME, LatencySummary::p99));
        cells.add(stat(s, StepResult.CONNECT_WAIT, LatencySummary::p50));
        cells.add(stat(s, StepResult.CONNECT_WAIT, LatencySummary::p99));
        cells.add(stat(s, StepResult.TTFT, LatencySummary::p50));
        cells.add(stat(s, StepResult.TTFT, LatencySummary::p99));
        cells.add(stat(s, StepResult.OUTPUT_TOKENS, LatencySummary::p50));
        cells.add(stat(s, StepResult.OUTPUT_TOKENS, LatencySummary::p99));
        CpuFigures cpu = s.cpu();
        cells.add(cpu == null ? "" : fixed(cpu.processCores()));
        cells.add(cpu == null ? "" : fixed(cpu.otherCores()));
        cells.add(stat(s, StepResult.SCHEDULE_LAG, LatencySummary::p50));
        cells.add(stat(s, StepResult.SCHEDULE_LAG, LatencySummary::p99));
        cells.add(stat(s, StepResult.THINK_LAG, LatencySummary::p50));
        cells.add(stat(s, StepResult.THINK_LAG, LatencySummary::p99));
        cells.add(String.valueOf(s.generatorSaturated()));
        return cells;
    }

    private static String stat(StepResult step, String distribution, ToDoubleFunction<LatencySummary> statistic) {
        Distribution d = step.latencies().get(distribution);
        return d == null ? "" : fixed(statistic.applyAsDouble(d.summary()));
    }

    /** Three decimals, or an empty cell for a figure that was not measured. */
    private static String fixed(@Nullable Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.3f", value);
    }

    /** Up to six significant digits without exponent noise for ordinary figures; empty when absent. */
    private static String number(@Nullable Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) (double) value)
                : String.format(Locale.ROOT, "%.6g", value).replaceFirst("(\\.\\d*?)0+(e|$)", "$1$2").replaceFirst("\\.(e|$)", "$1");
    }

    private static void row(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quote(cells.get(i)));
        }
        w.write(EOL);
    }

    /** RFC 4180: a cell with a comma, a quote or a line break goes in quotes, its quotes doubled. */
    static String quote(String text) {
        boolean needs = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return needs ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
