package dev.benchdeck.cli;

import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.record.LatencySummary;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.StepResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** {@code steps.csv} (one row per step and one for all) and {@code intervals.csv} (the 1-second series). */
final class CsvReport {

    private CsvReport() {
    }

    static void write(RunResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dir.resolve("steps.csv")))) {
            w.println("step,label,measured_seconds,requests,ok,errors,dropped,throughput,error_rate,"
                    + "latency_min_ms,latency_mean_ms,latency_p50_ms,latency_p90_ms,latency_p95_ms,latency_p99_ms,latency_p999_ms,latency_max_ms");
            for (StepResult step : result.steps()) {
                stepRow(w, String.valueOf(step.index() + 1), step);
            }
            if (result.overall() != null) {
                stepRow(w, "all", result.overall());
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dir.resolve("intervals.csv")))) {
            w.println("elapsed_seconds,step,label,phase,completed,ok,errors,dropped,throughput,p50_ms,p90_ms,p99_ms,max_ms,in_flight,users");
            for (IntervalSnapshot s : result.intervals()) {
                w.printf(Locale.ROOT, "%.3f,%d,%s,%s,%d,%d,%d,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%d,%d%n", s.elapsedSeconds(),
                        s.step() + 1, quote(s.stepLabel()), s.phase().name().toLowerCase(Locale.ROOT), s.completed(), s.ok(),
                        s.errors(), s.dropped(), s.throughput(), s.p50(), s.p90(), s.p99(), s.max(), s.inFlight(), s.users());
            }
        }
    }

    private static void stepRow(PrintWriter w, String name, StepResult s) {
        LatencySummary l = s.latency() == null ? LatencySummary.EMPTY : s.latency().summary();
        w.printf(Locale.ROOT, "%s,%s,%.3f,%d,%d,%d,%d,%.3f,%.6f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f%n", name,
                quote(s.label()), s.measuredSeconds(), s.requests(), s.ok(), s.errors(), s.dropped(), s.throughput(),
                s.errorRate(), l.min(), l.mean(), l.p50(), l.p90(), l.p95(), l.p99(), l.p999(), l.max());
    }

    private static String quote(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
