package dev.benchdeck.cli;

import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.record.LatencySummary;
import dev.benchdeck.engine.result.CpuFigures;
import dev.benchdeck.engine.result.Distribution;
import dev.benchdeck.engine.result.JourneyFigures;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.StepResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * {@code steps.csv} (one row per step and one for all), {@code intervals.csv} (the 1-second series) and, for a
 * journey, {@code journey.csv} (one row per step of the load, and for all, per request step, group and check).
 * A figure that was not measured (no requests, no streams, no CPU readings) is an empty cell.
 */
final class CsvReport {

    private static final List<String> LATENCY_STATS = List.of("min", "mean", "p50", "p90", "p95", "p99", "p999", "max");

    private CsvReport() {
    }

    static void write(RunResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dir.resolve("steps.csv")))) {
            List<String> header = new ArrayList<>(List.of("step", "label", "partial", "measured_seconds", "requests", "ok",
                    "errors", "dropped", "throughput", "error_rate"));
            LATENCY_STATS.forEach(stat -> header.add("latency_" + stat + "_ms"));
            header.addAll(List.of("service_time_p50_ms", "service_time_p99_ms", "connect_wait_p50_ms", "connect_wait_p99_ms",
                    "ttft_p50_ms", "ttft_p99_ms", "output_tokens_p50", "output_tokens_p99", "cpu_process_cores", "cpu_other_cores",
                    "schedule_lag_p50_ms", "schedule_lag_p99_ms", "generator_saturated"));
            w.println(String.join(",", header));
            for (StepResult step : result.steps()) {
                stepRow(w, String.valueOf(step.index() + 1), step);
            }
            if (result.overall() != null) {
                stepRow(w, "all", result.overall());
            }
        }
        if (result.overall() != null && result.overall().journey() != null) {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dir.resolve("journey.csv")))) {
                w.println("step,label,kind,name,requests,ok,check_failed,errors,p50_ms,p95_ms,p99_ms,max_ms,passed,failed,pass_rate");
                for (StepResult step : result.steps()) {
                    journeyRows(w, String.valueOf(step.index() + 1), step);
                }
                journeyRows(w, "all", result.overall());
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dir.resolve("intervals.csv")))) {
            w.println("elapsed_seconds,step,label,phase,completed,ok,errors,dropped,throughput,p50_ms,p90_ms,p99_ms,max_ms,"
                    + "in_flight,users,output_tokens,ttft_p50_ms,ttft_p99_ms,cpu_process_cores,cpu_other_cores,schedule_lag_p99_ms");
            for (IntervalSnapshot s : result.intervals()) {
                w.println(String.join(",", List.of(fixed(s.elapsedSeconds()), String.valueOf(s.step() + 1), quote(s.stepLabel()),
                        s.phase().name().toLowerCase(Locale.ROOT), String.valueOf(s.completed()), String.valueOf(s.ok()),
                        String.valueOf(s.errors()), String.valueOf(s.dropped()), fixed(s.throughput()), fixed(s.p50()),
                        fixed(s.p90()), fixed(s.p99()), fixed(s.max()), String.valueOf(s.inFlight()), String.valueOf(s.users()),
                        s.outputTokens() == null ? "" : String.valueOf(s.outputTokens()), fixed(s.ttftP50()), fixed(s.ttftP99()),
                        fixed(s.cpuProcess()), fixed(s.cpuOther()), fixed(s.lagP99()))));
            }
        }
    }

    private static void stepRow(PrintWriter w, String name, StepResult s) {
        List<String> cells = new ArrayList<>(List.of(name, quote(s.label()), String.valueOf(s.partial()), fixed(s.measuredSeconds()),
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
        cells.add(String.valueOf(s.generatorSaturated()));
        w.println(String.join(",", cells));
    }

    private static void journeyRows(PrintWriter w, String step, StepResult s) {
        JourneyFigures j = s.journey();
        if (j == null) {
            return;
        }
        String prefix = step + "," + quote(s.label()) + ",";
        j.steps().forEach((name, f) -> w.println(prefix + "step," + quote(name) + "," + f.requests() + "," + f.ok() + ","
                + f.checkFailed() + "," + f.errorsByClass().values().stream().mapToLong(Long::longValue).sum() + ","
                + latencyCells(f.latency()) + ",,,"));
        j.groups().forEach((name, d) -> w.println(prefix + "group," + quote(name) + "," + d.summary().count() + ",,,,"
                + latencyCells(d) + ",,,"));
        j.checks().forEach((name, c) -> w.println(prefix + "check," + quote(name) + ",,,,,,,,," + c.passed() + "," + c.failed()
                + "," + String.format(Locale.ROOT, "%.6f", c.passRate())));
    }

    private static String latencyCells(Distribution d) {
        if (d == null) {
            return ",,,";
        }
        LatencySummary l = d.summary();
        return String.join(",", fixed(l.p50()), fixed(l.p95()), fixed(l.p99()), fixed(l.max()));
    }

    private static String stat(StepResult step, String distribution, ToDoubleFunction<LatencySummary> statistic) {
        Distribution d = step.latencies().get(distribution);
        return d == null ? "" : fixed(statistic.applyAsDouble(d.summary()));
    }

    /** Three decimals, or an empty cell for a figure that was not measured. */
    private static String fixed(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String quote(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
