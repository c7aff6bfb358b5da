package dev.benchdeck.cli;

import dev.benchdeck.engine.record.LatencySummary;
import dev.benchdeck.engine.record.SetupProgress;
import dev.benchdeck.engine.result.CpuFigures;
import dev.benchdeck.engine.result.Distribution;
import dev.benchdeck.engine.result.GeneratorSaturation;
import dev.benchdeck.engine.result.JourneyFigures;
import dev.benchdeck.engine.result.ErrorSample;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.engine.result.ThresholdVerdict;
import dev.benchdeck.report.Figures;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The end-of-run summary: the setup phases, a table with a row per step (duration, requests, rate,
 * mean and percentile latencies, errors and error rate; a partial step marked {@code *}), token
 * streams, an ingestion run's messages (end-to-end latency, drain, sent, delivered, lost, duplicated), a journey's
 * request steps, groups and checks (over all steps),
 * errors by class with samples, threshold verdicts with their units, and the CPU used by this process
 * and by others, with a warning when others used more than a little. A figure that was not measured
 * shows as {@code -}.
 */
final class SummaryPrinter {

    private static final String ROW = "%-5s %-14s %8s %10s %11s %9s %9s %9s %9s %9s %8s %7s %7s%n";
    private static final String NOT_MEASURED = "-";

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
                row(out, stepName(step), step);
            }
            if (result.steps().size() > 1 && result.overall() != null) {
                row(out, "all", result.overall());
            }
            if (result.steps().stream().anyMatch(StepResult::partial)) {
                out.println("* partial: the step ended before its planned duration or request count");
            }
            out.println("latency is measured from each request's intended start; service time from its send:");
            StepResult overall = result.overall();
            if (overall != null && overall.latencies().containsKey(StepResult.SERVICE_TIME)) {
                LatencySummary s = overall.latencies().get(StepResult.SERVICE_TIME).summary();
                out.printf(Locale.ROOT, "  service time p50 %s  p99 %s  max %s%n", ms(s.p50()), ms(s.p99()), ms(s.max()));
            }
            if (overall != null && overall.latencies().containsKey(StepResult.CONNECT_WAIT)) {
                LatencySummary w = overall.latencies().get(StepResult.CONNECT_WAIT).summary();
                out.printf(Locale.ROOT, "  wait for a pooled connection p50 %s  p99 %s  max %s%n", ms(w.p50()), ms(w.p99()),
                        ms(w.max()));
            }
            scheduleLag(out, result);
            streams(out, result);
            deliveries(out, result);
            journey(out, overall);
            errors(out, overall);
        }
        if (!result.verdicts().isEmpty()) {
            out.println("thresholds:");
            for (ThresholdVerdict v : result.verdicts()) {
                out.printf(Locale.ROOT, "  %s %-28s %-22s actual %s%n", v.passed() ? "PASS" : "FAIL", v.threshold(), v.scope(),
                        v.actual() == null ? "not measured" : Figures.withUnit(Figures.number(v.actual()), v.unit()));
            }
        }
        cpu(out, result);
        out.flush();
    }

    private static String stepName(StepResult step) {
        return (step.index() + 1) + (step.partial() ? "*" : "");
    }

    private static void row(PrintWriter out, String name, StepResult step) {
        Distribution latency = step.latency();
        out.printf(Locale.ROOT, ROW, name, step.label(), String.format(Locale.ROOT, "%.1fs", step.measuredSeconds()),
                String.format(Locale.ROOT, "%,d", step.requests()), String.format(Locale.ROOT, "%,.1f", step.throughput()),
                ms(latency, LatencySummary::mean), ms(latency, LatencySummary::p50), ms(latency, LatencySummary::p95),
                ms(latency, LatencySummary::p99), ms(latency, LatencySummary::max),
                String.format(Locale.ROOT, "%,d", step.errors()),
                step.requests() == 0 ? NOT_MEASURED : String.format(Locale.ROOT, "%.2f%%", step.errorRate() * 100),
                String.valueOf(step.dropped()));
    }

    private static final String STREAM_ROW = "%-5s %-14s %9s %9s %9s %9s %9s %9s %9s %9s %10s %9s %8s %7s %7s %7s %7s%n";

    /**
     * Token streams: TTFT, ITL, TPOT and E2E percentiles per step (ms), tokens/s, goodput, where token
     * counts came from, and output tokens per request (min, p50, p99, max).
     */
    private static void streams(PrintWriter out, RunResult result) {
        if (result.steps().stream().noneMatch(step -> step.stream() != null)) {
            return;
        }
        out.println("streams (ms; output tokens per request):");
        out.printf(Locale.ROOT, STREAM_ROW, "step", "load", "ttft p50", "ttft p99", "itl p50", "itl p99", "tpot p50",
                "tpot p99", "e2e p50", "e2e p99", "tokens/s", "goodput/s", "tokens", "tok min", "tok p50", "tok p99", "tok max");
        for (StepResult step : result.steps()) {
            streamRow(out, stepName(step), step);
        }
        if (result.steps().size() > 1 && result.overall() != null) {
            streamRow(out, "all", result.overall());
        }
        StepResult all = result.overall();
        if (all != null && all.stream() != null && all.stream().coalescedEvents() > 0) {
            // an ITL of 0 is the time between events that came in one read, not the server's pacing
            out.printf(Locale.ROOT, "  coalesced: %,d of %,d content events (%.1f%%) came in one read with the event before"
                    + " them; each of their gaps counts as an ITL of 0%n", all.stream().coalescedEvents(), all.stream().contentEvents(),
                    100.0 * all.stream().coalescedEvents() / Math.max(1, all.stream().contentEvents()));
        }
    }

    private static void streamRow(PrintWriter out, String name, StepResult step) {
        if (step.stream() == null) {
            return;
        }
        Distribution tokens = step.latencies().get(StepResult.OUTPUT_TOKENS);
        out.printf(Locale.ROOT, STREAM_ROW, name, step.label(),
                stat(step, StepResult.TTFT, LatencySummary::p50), stat(step, StepResult.TTFT, LatencySummary::p99),
                stat(step, StepResult.ITL, LatencySummary::p50), stat(step, StepResult.ITL, LatencySummary::p99),
                stat(step, StepResult.TPOT, LatencySummary::p50), stat(step, StepResult.TPOT, LatencySummary::p99),
                stat(step, StepResult.E2E, LatencySummary::p50), stat(step, StepResult.E2E, LatencySummary::p99),
                String.format(Locale.ROOT, "%,.1f", step.stream().outputTokensPerSecond()),
                String.format(Locale.ROOT, "%,.2f", step.stream().goodput()), step.stream().tokenSource(),
                tokens(tokens, LatencySummary::min), tokens(tokens, LatencySummary::p50), tokens(tokens, LatencySummary::p99),
                tokens(tokens, LatencySummary::max));
    }

    /** The ingest driver's figures per step: end-to-end latency, drain time, and the messages by fate. */
    private static void deliveries(PrintWriter out, RunResult result) {
        if (result.steps().stream().noneMatch(step -> step.counts().containsKey("delivered"))) {
            return;
        }
        out.println("messages (e2e: sent → visible in the sink, to within one poll; drain: last send → last visible):");
        List<StepResult> rows = new ArrayList<>(result.steps());
        if (result.steps().size() > 1 && result.overall() != null) {
            rows.add(result.overall());
        }
        for (StepResult step : rows) {
            out.printf(Locale.ROOT, "  %-4s e2e p50 %s  p99 %s  max %s  drain %s | sent %,d  delivered %,d  lost %,d  duplicated %,d%n",
                    step == result.overall() ? "all" : stepName(step), ms(step.latencies().get("e2e"), LatencySummary::p50),
                    ms(step.latencies().get("e2e"), LatencySummary::p99), ms(step.latencies().get("e2e"), LatencySummary::max),
                    ms(step.latencies().get("drain"), LatencySummary::max), step.counts().getOrDefault("sent", 0L),
                    step.counts().getOrDefault("delivered", 0L), step.counts().getOrDefault("lost", 0L),
                    step.counts().getOrDefault("duplicated", 0L));
        }
    }

    private static final String JOURNEY_ROW = "  %-7s %-24s %9s %9s %9s %9s %9s %12s %9s%n";

    /** A journey's figures over all steps: per request step and group (latencies in ms), then each check's pass rate. */
    private static void journey(PrintWriter out, StepResult overall) {
        JourneyFigures journey = overall == null ? null : overall.journey();
        if (journey == null) {
            return;
        }
        out.printf(Locale.ROOT, "journey: %,d iterations (the table's requests; its latency is the whole iteration's, from its"
                + " intended start)%n", journey.iterations());
        out.printf(Locale.ROOT, JOURNEY_ROW, "kind", "name", "requests", "p50", "p95", "p99", "max", "check_failed", "errors");
        journey.steps().forEach((name, step) -> out.printf(Locale.ROOT, JOURNEY_ROW, "step", name,
                String.format(Locale.ROOT, "%,d", step.requests()), ms(step.latency(), LatencySummary::p50),
                ms(step.latency(), LatencySummary::p95), ms(step.latency(), LatencySummary::p99), ms(step.latency(), LatencySummary::max),
                String.format(Locale.ROOT, "%,d", step.checkFailed()),
                String.format(Locale.ROOT, "%,d", step.errorsByClass().values().stream().mapToLong(Long::longValue).sum())));
        journey.groups().forEach((name, d) -> out.printf(Locale.ROOT, JOURNEY_ROW, "group", name,
                String.format(Locale.ROOT, "%,d", d.summary().count()), ms(d, LatencySummary::p50), ms(d, LatencySummary::p95),
                ms(d, LatencySummary::p99), ms(d, LatencySummary::max), NOT_MEASURED, NOT_MEASURED));
        if (!journey.checks().isEmpty()) {
            out.printf(Locale.ROOT, "checks: %.2f%% passed%n", journey.checksPassed() * 100);
            journey.checks().forEach((name, c) -> out.printf(Locale.ROOT, "  %s %-40s %,d passed  %,d failed (%.2f%%)%n",
                    c.failed() == 0 ? "ok  " : "FAIL", name, c.passed(), c.failed(), c.passRate() * 100));
        }
        if (journey.usersStopped() > 0) {
            out.printf(Locale.ROOT, "stopped users: %,d (%s)%n", journey.usersStopped(), journey.stopReason());
        }
    }

    private static String stat(StepResult step, String metric, ToDoubleFunction<LatencySummary> statistic) {
        return ms(step.latencies().get(metric), statistic).replace("ms", "");
    }

    /** Whole tokens: the distribution is stored ×1000, so its summary already reads in tokens (to 3 significant digits). */
    private static String tokens(Distribution tokens, ToDoubleFunction<LatencySummary> statistic) {
        return tokens == null ? NOT_MEASURED : String.format(Locale.ROOT, "%,d", Math.round(statistic.applyAsDouble(tokens.summary())));
    }

    private static void errors(PrintWriter out, StepResult overall) {
        if (overall == null || overall.errorsByClass().isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        overall.errorsByClass().forEach((k, v) -> parts.add(k + " " + v));
        out.println("errors: " + String.join(", ", parts));
        for (ErrorSample sample : overall.errorSamples().stream().limit(5).toList()) {
            out.printf(Locale.ROOT, "  at %.1fs %s: %s%n", sample.atSeconds(), sample.errorClass(), sample.message());
        }
    }

    /**
     * The generator's own lag per step (open model: how late requests began against their schedule; closed model with
     * think time: how much longer than it users slept), and a warning for each step where it says the latencies include
     * Benchdeck's own delay.
     */
    private static void scheduleLag(PrintWriter out, RunResult result) {
        for (String kind : List.of(StepResult.SCHEDULE_LAG, StepResult.THINK_LAG)) {
            List<StepResult> lagged = result.steps().stream()
                    .filter(s -> kind.equals(GeneratorSaturation.lagName(s.latencies()))).toList();
            if (lagged.isEmpty()) {
                continue;
            }
            out.println(kind.equals(StepResult.SCHEDULE_LAG)
                    ? "schedule lag (intended start → the driver began the request; the generator's own delay):"
                    : "think lag (how much longer than their think time users slept; the generator's own delay):");
            for (StepResult step : lagged) {
                LatencySummary lag = step.latencies().get(kind).summary();
                out.printf(Locale.ROOT, "  step %s %s: p50 %s  p99 %s  max %s (limit %s)%s%n", stepName(step), step.label(), ms(lag.p50()),
                        ms(lag.p99()), ms(lag.max()), ms(GeneratorSaturation.limitMs(step.latencies())), step.generatorSaturated() ? "  SATURATED" : "");
            }
            for (StepResult step : lagged) {
                if (step.generatorSaturated()) {
                    out.println("warning: step " + stepName(step) + " " + step.label() + ": " + GeneratorSaturation.MESSAGE);
                }
            }
        }
    }

    /** The CPU line, then a warning per step (and for the run) whose other processes used more than a little. */
    private static void cpu(PrintWriter out, RunResult result) {
        CpuFigures overall = result.overall() == null ? null : result.overall().cpu();
        if (overall == null) {
            return;
        }
        out.printf(Locale.ROOT, "cpu over the measured time: benchdeck %.2f of %d cores, other processes %.2f%n",
                overall.processCores(), overall.cores(), overall.otherCores());
        if (result.steps().size() > 1) {
            for (StepResult step : result.steps()) {
                if (step.cpu() != null && step.cpu().warning() != null) {
                    out.println("warning: step " + stepName(step) + " " + step.label() + ": " + step.cpu().warning());
                }
            }
        }
        if (overall.warning() != null) {
            out.println("warning: " + overall.warning());
        }
    }

    private static String ms(Distribution distribution, ToDoubleFunction<LatencySummary> statistic) {
        return distribution == null ? NOT_MEASURED : ms(statistic.applyAsDouble(distribution.summary()));
    }

    /** Milliseconds as every report writes them ({@link Figures#ms}). */
    static String ms(Double ms) {
        return Figures.ms(ms);
    }
}
