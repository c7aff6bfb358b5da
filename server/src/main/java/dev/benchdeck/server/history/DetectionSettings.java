package dev.benchdeck.server.history;

import dev.benchdeck.server.system.FieldProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The regression tests a scenario's runs are checked with; a field left out takes its default (docs/history.md):
 * the metrics {@link #DEFAULT_METRICS} (those a step measured), a baseline of the last 10 comparable runs (at least 3),
 * Welch's t-test at 99 % and E-divisive change points (p ≤ 0.01, a change of at least 5 %) on; the percentage (10 %),
 * z-score (3), inter-quartile range (1.5 × IQR) and static limits off until given.
 */
public record DetectionSettings(@Nullable Boolean enabled, @Nullable List<String> metrics, @Nullable Integer baselineRuns,
                                @Nullable Integer minBaselineRuns, @Nullable Map<String, Limit> staticLimits,
                                @Nullable Percentage percentage, @Nullable ZScoreSettings zScore, @Nullable TTest tTest,
                                @Nullable Iqr iqr, @Nullable ChangePoint changePoint) {

    public static final List<String> DEFAULT_METRICS = List.of("throughput", "error_rate", "latency.p50", "latency.p99",
            "ttft.p95", "itl.p95", "tpot.p95", "e2e.p99", "lost", "duplicated");

    public DetectionSettings {
        enabled = enabled == null || enabled;
        metrics = metrics == null ? DEFAULT_METRICS : List.copyOf(metrics);
        baselineRuns = baselineRuns == null ? 10 : baselineRuns;
        minBaselineRuns = minBaselineRuns == null ? 3 : minBaselineRuns;
        staticLimits = staticLimits == null ? Map.of() : new LinkedHashMap<>(staticLimits);
        percentage = percentage == null ? new Percentage(null, null) : percentage;
        zScore = zScore == null ? new ZScoreSettings(null, null) : zScore;
        tTest = tTest == null ? new TTest(null, null) : tTest;
        iqr = iqr == null ? new Iqr(null, null) : iqr;
        changePoint = changePoint == null ? new ChangePoint(null, null, null, null, null, null) : changePoint;
    }

    public static DetectionSettings defaults() {
        return new DetectionSettings(null, null, null, null, null, null, null, null, null, null);
    }

    /** An upper ({@code max}) or lower ({@code min}) limit of a metric, in its unit. */
    public record Limit(@Nullable Double max, @Nullable Double min) {
    }

    public record Percentage(@Nullable Boolean enabled, @Nullable Double maxPercent) {
        public Percentage {
            enabled = enabled != null && enabled;
            maxPercent = maxPercent == null ? 10.0 : maxPercent;
        }
    }

    public record ZScoreSettings(@Nullable Boolean enabled, @Nullable Double maxZ) {
        public ZScoreSettings {
            enabled = enabled != null && enabled;
            maxZ = maxZ == null ? 3.0 : maxZ;
        }
    }

    public record TTest(@Nullable Boolean enabled, @Nullable Double confidence) {
        public TTest {
            enabled = enabled == null || enabled;
            confidence = confidence == null ? 0.99 : confidence;
        }
    }

    public record Iqr(@Nullable Boolean enabled, @Nullable Double multiplier) {
        public Iqr {
            enabled = enabled != null && enabled;
            multiplier = multiplier == null ? 1.5 : multiplier;
        }
    }

    /**
     * E-divisive over the last {@code window} comparable runs: a change point counts when its permutation test's p is at
     * most {@code 1 − confidence} and the mean after it is worse by at least {@code minChangePercent} than before it.
     */
    public record ChangePoint(@Nullable Boolean enabled, @Nullable Double confidence, @Nullable Integer permutations,
                              @Nullable Integer minSegment, @Nullable Integer window, @Nullable Double minChangePercent) {
        public ChangePoint {
            enabled = enabled == null || enabled;
            confidence = confidence == null ? 0.99 : confidence;
            permutations = permutations == null ? 199 : permutations;
            minSegment = minSegment == null ? 3 : minSegment;
            window = window == null ? 100 : window;
            minChangePercent = minChangePercent == null ? 5.0 : minChangePercent;
        }
    }

    /** Every problem at once, each with its path in the settings' JSON. */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (metrics.isEmpty()) {
            problems.add(new FieldProblem("metrics", "must name at least one metric"));
        }
        for (int i = 0; i < metrics.size(); i++) {
            if (HistoryMetric.byName(metrics.get(i)).isEmpty()) {
                problems.add(new FieldProblem("metrics[" + i + "]", "unknown metric '" + metrics.get(i) + "'; one of " + HistoryMetric.names()));
            }
        }
        range(problems, "baseline_runs", baselineRuns, 1, 100);
        range(problems, "min_baseline_runs", minBaselineRuns, 1, 100);
        if (minBaselineRuns > baselineRuns) {
            problems.add(new FieldProblem("min_baseline_runs", "must not exceed baseline_runs (" + baselineRuns + ")"));
        }
        staticLimits.forEach((metric, limit) -> {
            String path = "static_limits." + metric;
            if (HistoryMetric.byName(metric).isEmpty()) {
                problems.add(new FieldProblem(path, "unknown metric; one of " + HistoryMetric.names()));
            } else if (limit == null || limit.max() == null && limit.min() == null) {
                problems.add(new FieldProblem(path, "must give max, min or both"));
            } else if (limit.max() != null && limit.min() != null && limit.min() > limit.max()) {
                problems.add(new FieldProblem(path + ".min", "must not exceed max"));
            }
        });
        between(problems, "percentage.max_percent", percentage.maxPercent(), 0, 10_000);
        between(problems, "z_score.max_z", zScore.maxZ(), 0.5, 100);
        between(problems, "t_test.confidence", tTest.confidence(), 0.5, 0.9999);
        between(problems, "iqr.multiplier", iqr.multiplier(), 0, 100);
        between(problems, "change_point.confidence", changePoint.confidence(), 0.5, 0.999);
        range(problems, "change_point.permutations", changePoint.permutations(), 19, 2000);
        range(problems, "change_point.min_segment", changePoint.minSegment(), 2, 50);
        range(problems, "change_point.window", changePoint.window(), 6, 500);
        between(problems, "change_point.min_change_percent", changePoint.minChangePercent(), 0, 10_000);
        if (changePoint.confidence() != null && changePoint.permutations() != null
                && 1.0 / (1 + changePoint.permutations()) > 1 - changePoint.confidence()) {
            problems.add(new FieldProblem("change_point.permutations",
                    "too few for confidence " + changePoint.confidence() + ": needs at least " + (int) Math.ceil(1 / (1 - changePoint.confidence()) - 1)));
        }
        return problems;
    }

    private static void range(List<FieldProblem> problems, String path, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(new FieldProblem(path, "must be " + min + ".." + max + ", got " + value));
        }
    }

    private static void between(List<FieldProblem> problems, String path, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            problems.add(new FieldProblem(path, "must be " + min + ".." + max + ", got " + value));
        }
    }

    /** The baseline tests that are on, for a metric (its static limit, when it has one). */
    List<BaselineTest> baselineTests(String metric) {
        List<BaselineTest> tests = new ArrayList<>();
        Limit limit = staticLimits.get(metric);
        if (limit != null) {
            tests.add(new StaticLimit(limit.max(), limit.min()));
        }
        if (percentage.enabled()) {
            tests.add(new PercentageChange(percentage.maxPercent()));
        }
        if (zScore.enabled()) {
            tests.add(new ZScore(zScore.maxZ()));
        }
        if (tTest.enabled()) {
            tests.add(new WelchTTest(tTest.confidence()));
        }
        if (iqr.enabled()) {
            tests.add(new InterquartileRange(iqr.multiplier()));
        }
        return tests;
    }
}
