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
            streams(out, result);
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

    private static final String STREAM_ROW = "%-5s %-14s %9s %9s %9s %9s %9s %9s %9s %9s %10s %9s %8s%n";

    /** Token streams: TTFT, ITL, TPOT and E2E percentiles per step, tokens/s, goodput and where token counts came from. */
    private static void streams(PrintWriter out, RunResult result) {
        if (result.steps().stream().noneMatch(step -> step.stream() != null)) {
            return;
        }
        out.println("streams (ms):");
        out.printf(Locale.ROOT, STREAM_ROW, "step", "load", "ttft p50", "ttft p99", "itl p50", "itl p99", "tpot p50",
                "tpot p99", "e2e p50", "e2e p99", "tokens/s", "goodput/s", "tokens");
        for (StepResult step : result.steps()) {
            streamRow(out, String.valueOf(step.index() + 1), step);
        }
        if (result.steps().size() > 1 && result.overall() != null) {
            streamRow(out, "all", result.overall());
        }
    }

    private static void streamRow(PrintWriter out, String name, StepResult step) {
        if (step.stream() == null) {
            return;
        }
        out.printf(Locale.ROOT, STREAM_ROW, name, step.label(),
                stat(step, StepResult.TTFT, 50), stat(step, StepResult.TTFT, 99), stat(step, StepResult.ITL, 50),
                stat(step, StepResult.ITL, 99), stat(step, StepResult.TPOT, 50), stat(step, StepResult.TPOT, 99),
                stat(step, StepResult.E2E, 50), stat(step, StepResult.E2E, 99),
                String.format(Locale.ROOT, "%,.1f", step.stream().outputTokensPerSecond()),
                String.format(Locale.ROOT, "%,.2f", step.stream().goodput()), step.stream().tokenSource());
    }

    private static String stat(StepResult step, String metric, int percentile) {
        var distribution = step.latencies().get(metric);
        if (distribution == null) {
            return "-";
        }
        LatencySummary s = distribution.summary();
        return ms(percentile == 50 ? s.p50() : s.p99()).replace("ms", "");
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
