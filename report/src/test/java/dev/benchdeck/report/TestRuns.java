package dev.benchdeck.report;

import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.result.Distribution;
import dev.benchdeck.engine.result.EnvironmentInfo;
import dev.benchdeck.engine.result.ResultMerger;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.RunStatus;
import dev.benchdeck.engine.result.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;

/** Constructed runs with known figures, for the report and CLI tests. */
public final class TestRuns {

    public static final EnvironmentInfo ENVIRONMENT = new EnvironmentInfo("0.1.0", "Eclipse Adoptium 21.0.5", 4, "Linux 6.1 amd64");

    private TestRuns() {
    }

    /** A step whose latency histogram holds exactly {@code latencyMs}; {@code errors} of its requests failed. */
    public static StepResult step(int index, String label, double seconds, long errors, double... latencyMs) {
        Histogram h = new Histogram(3);
        for (double ms : latencyMs) {
            h.recordValue(Math.round(ms * 1000));
        }
        long requests = latencyMs.length;
        return new StepResult(index, label, seconds, requests, requests - errors, errors,
                errors == 0 ? Map.of() : Map.of("http_5xx", errors), 0, requests / seconds, (double) errors / requests,
                Map.of(StepResult.LATENCY, Distribution.of(h)), List.of(), null, false, null);
    }

    /** {@code n} latencies spread evenly from {@code from} to {@code to} ms. */
    public static double[] spread(int n, double from, double to) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = n == 1 ? from : from + (to - from) * i / (n - 1);
        }
        return values;
    }

    /** Measured 1-second intervals of a step with these throughputs and p99s (p50 is half the p99). */
    public static List<IntervalSnapshot> intervals(int step, String label, double startSeconds, double[] throughput, double[] p99) {
        List<IntervalSnapshot> intervals = new ArrayList<>();
        for (int i = 0; i < throughput.length; i++) {
            long completed = Math.round(throughput[i]);
            intervals.add(new IntervalSnapshot(startSeconds + i + 1, step, label, IntervalSnapshot.Phase.MEASURE, i + 1, 1.0,
                    completed, completed, 0, 0, throughput[i], p99[i] / 2, p99[i] * 0.9, p99[i], p99[i] * 1.5, 4, 4,
                    Map.of(), null, null, null, null, null, null));
        }
        return intervals;
    }

    /** A completed run of these steps and intervals, all steps merged exactly into {@code overall}. */
    public static RunResult run(String plan, List<StepResult> steps, List<IntervalSnapshot> intervals) {
        return run(plan, RunStatus.COMPLETED, steps, intervals);
    }

    public static RunResult run(String plan, RunStatus status, List<StepResult> steps, List<IntervalSnapshot> intervals) {
        StepResult overall = steps.isEmpty() ? null : ResultMerger.merge("overall", steps);
        long seconds = Math.round(intervals.isEmpty() ? 1 : intervals.get(intervals.size() - 1).elapsedSeconds());
        return new RunResult(plan, status, null, 1_764_720_000_000L, 1_764_720_000_000L + seconds * 1000, ENVIRONMENT, steps,
                overall, List.of(), intervals, List.of());
    }

    /** The same step with another throughput (its requests over its seconds, as the engine has it). */
    public static StepResult withThroughput(StepResult s, double throughput) {
        long requests = Math.round(throughput * s.measuredSeconds());
        return new StepResult(s.index(), s.label(), s.measuredSeconds(), requests, requests - s.errors(), s.errors(), s.errorsByClass(),
                s.dropped(), throughput, (double) s.errors() / requests, s.latencies(), s.errorSamples(), s.stream(), s.partial(), s.cpu());
    }

    /** An AR(1) series: {@code x[t] = mean + phi (x[t-1] − mean) + noise}, the noise scaled so that the series' sd is {@code sd}. */
    public static double[] ar1(long seed, int n, double mean, double sd, double phi) {
        Random random = new Random(seed);
        double noise = sd * Math.sqrt(1 - phi * phi);
        double[] x = new double[n];
        double previous = random.nextGaussian() * sd;
        for (int t = 0; t < n; t++) {
            previous = phi * previous + noise * random.nextGaussian();
            x[t] = mean + previous;
        }
        return x;
    }

    /**
     * A one-step run of {@code seconds} intervals whose throughput and p99 follow AR(1) noise around the given
     * means, with a latency histogram of values around the p99 mean; {@code seed} makes the noise.
     */
    public static ReportRun noisyRun(String name, long seed, int seconds, double throughput, double p99) {
        double[] rates = ar1(seed, seconds, throughput, throughput * 0.05, 0.6);
        double[] p99s = ar1(seed + 1, seconds, p99, p99 * 0.05, 0.6);
        double[] latencies = new double[2000];
        Random random = new Random(seed + 2);
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = Math.max(0.01, p99 / 2 + random.nextGaussian() * p99 / 5);
        }
        StepResult step = withThroughput(step(0, "users=4", seconds, 0, latencies), java.util.Arrays.stream(rates).average().orElse(0));
        return ReportRun.of(name, run("checkout", List.of(step), intervals(0, "users=4", 0, rates, p99s)));
    }
}
