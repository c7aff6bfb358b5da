package dev.benchdeck.cli;

import dev.benchdeck.engine.record.LatencySummary;
import dev.benchdeck.engine.record.SetupProgress;
import dev.benchdeck.engine.result.ErrorSample;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.engine.result.ThresholdVerdict;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The end-of-run summary: the setup phases, a table with a row per step (duration, requests, rate,
 * mean and percentile latencies, errors and error rate), errors by class with samples, threshold verdicts.
 */
final class SummaryPrinter {

    private static final String ROW = "%-5s %-14s %8s %10s %11s %9s %9s %9s %9s %9s %8s %7s %7s%n";

    private SummaryPrinter() {
    }

    static void print(PrintWriter out, RunResult result) {
        out.println();
        out.println(result.plan() + ": " + result.status().name().toLowerCase(Locale.ROOT)
                + (result.failure() != null ? " (" + result.failure() + ")" : ""));
        for (SetupProgress phase : result.setup()) {
            out.println(SetupLines.finished(phase) + (phase.finished() ? "" : "  (not finished)"));
        }
        if (!result.steps().isEmpty()) {
            out.printf(Locale.ROOT, ROW, "step", "load", "duration", "requests", "req/s", "mean", "p50", "p95", "p99",
                    "max", "errors", "err %", "dropped");
            for (StepResult step : result.steps()) {
                row(out, String.valueOf(step.index() + 1), step);
            }
            if (result.steps().size() > 1 && result.overall() != null) {
                row(out, "all", result.overall());
            }
            out.println("latency is measured from each request's intended start; service time from its send:");
            StepResult overall = result.overall();
            if (overall != null && overall.latencies().containsKey(StepResult.SERVICE_TIME)) {
                LatencySummary s = overall.latencies().get(StepResult.SERVICE_TIME).summary();
                out.printf(Locale.ROOT, "  service time p50 %s  p99 %s  max %s%n", ms(s.p50()), ms(s.p99()), ms(s.max()));
            }
            errors(out, overall);
        }
        if (!result.verdicts().isEmpty()) {
            out.println("thresholds:");
            for (ThresholdVerdict v : result.verdicts()) {
                out.printf(Locale.ROOT, "  %s %-28s %-22s actual %s%n", v.passed() ? "PASS" : "FAIL", v.threshold(), v.scope(),
                        v.actual() == null ? "not measured" : number(v.actual()));
            }
        }
        out.flush();
    }

    private static void row(PrintWriter out, String name, StepResult step) {
        LatencySummary l = step.latency() == null ? LatencySummary.EMPTY : step.latency().summary();
        out.printf(Locale.ROOT, ROW, name, step.label(), String.format(Locale.ROOT, "%.1fs", step.measuredSeconds()),
                String.format(Locale.ROOT, "%,d", step.requests()), String.format(Locale.ROOT, "%,.1f", step.throughput()),
                ms(l.mean()), ms(l.p50()), ms(l.p95()), ms(l.p99()), ms(l.max()),
                String.format(Locale.ROOT, "%,d", step.errors()), String.format(Locale.ROOT, "%.2f%%", step.errorRate() * 100),
                String.valueOf(step.dropped()));
    }

    private static void errors(PrintWriter out, StepResult overall) {
        if (overall == null || overall.errorsByClass().isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        overall.errorsByClass().forEach((k, v) -> parts.add(k + " " + v));
        out.println("errors: " + String.join(", ", parts));
        for (ErrorSample sample : overall.errorSamples().stream().limit(5).collect(Collectors.toList())) {
            out.printf(Locale.ROOT, "  at %.1fs %s: %s%n", sample.atSeconds(), sample.errorClass(), sample.message());
        }
    }

    /** Milliseconds with sensible precision: 0.123ms, 12.3ms, 1234ms. */
    static String ms(double ms) {
        if (ms < 1) {
            return String.format(Locale.ROOT, "%.3fms", ms);
        }
        return ms < 100 ? String.format(Locale.ROOT, "%.2fms", ms) : String.format(Locale.ROOT, "%.0fms", ms);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
