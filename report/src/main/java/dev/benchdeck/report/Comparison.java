package dev.benchdeck.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.result.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * 2–5 runs side by side, the first the baseline: per step (matched by number and label) each metric's value
 * in every run, and for each later run its difference from the baseline, absolute and in per cent, with a
 * {@link BlockBootstrap} test of the per-interval samples where the intervals carry the metric. A
 * {@link Verdict#REGRESSION} is a significant change for the worse. {@code steps} ends with all steps
 * together ({@code index} −1) when every run ran the same several steps; {@code notes} say what was left out.
 */
public record Comparison(List<ComparedRun> runs, ComparisonOptions options, List<StepComparison> steps, List<String> notes,
                         RunDifferences differences, @JsonIgnore List<ReportRun> inputs) {

    /** A run of the comparison, as its reports name it. */
    public record ComparedRun(String name, String plan, String state, boolean partial, @Nullable String partialReason,
                              @Nullable String driver, long startedAtMillis, long endedAtMillis, Map<String, String> labels) {
    }

    /** One step (or all steps, {@code index} −1) across the runs; {@code present} says which runs ran it. */
    public record StepComparison(int index, String label, List<Boolean> present, List<MetricRow> metrics) {
    }

    /** One metric of a step: a value per run ({@code null} where not measured), a change per run after the baseline. */
    public record MetricRow(String metric, String label, String unit, Direction direction, List<@Nullable Double> values,
                            List<Change> changes) {

        public boolean regression() {
            return changes.stream().anyMatch(c -> c.verdict() == Verdict.REGRESSION);
        }
    }

    /**
     * A run's value against the baseline's: {@code absolute} (run − baseline, in the metric's unit; for the error
     * rate, percentage points), {@code percent} (of the baseline; {@code null} when the baseline is 0), the test
     * ({@code null} with {@code notTested} saying why) and the verdict.
     */
    public record Change(String run, @Nullable Double absolute, @Nullable Double percent, @Nullable Significance significance,
                         @Nullable String notTested, Verdict verdict) {
    }

    /** What a change amounts to. */
    public enum Verdict {
        /** Significantly worse (the test and the figure agree on the direction). */
        REGRESSION,
        /** Significantly better. */
        IMPROVEMENT,
        /** Tested, and not significant at the chosen confidence. */
        NO_SIGNIFICANT_CHANGE,
        /** Measured in both runs, but not tested (no per-interval series, too few intervals, or no direction). */
        NOT_TESTED,
        /** Not measured in one of the two runs. */
        NOT_MEASURED
    }

    /** A regression found: which step, metric and run. */
    public record Finding(String step, MetricRow metric, Change change) {
    }

    public Comparison {
        runs = List.copyOf(runs);
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
        inputs = List.copyOf(inputs);
    }

    /** Compares {@code runs}, the first the baseline; throws {@link ReportInputException} for runs that cannot be compared. */
    public static Comparison of(List<ReportRun> runs, ComparisonOptions options) {
        Compatibility.check(runs);
        ReportRun baseline = runs.get(0);
        List<StepComparison> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>(Compatibility.unmatchedSteps(runs));
        for (StepResult step : baseline.result().steps()) {
            List<@Nullable StepResult> matched = runs.stream().map(r -> Compatibility.find(r, step)).toList();
            if (matched.stream().skip(1).anyMatch(Objects::nonNull)) {
                steps.add(compare(runs, step.index(), step.label(), matched, options, true));
            }
        }
        if (Compatibility.sameSteps(runs) && baseline.result().steps().size() > 1
                && runs.stream().allMatch(r -> r.result().overall() != null)) {
            steps.add(compare(runs, -1, "all steps", runs.stream().map(r -> r.result().overall()).toList(), options, false));
        }
        for (ReportRun run : runs) {
            if (run.partial()) {
                notes.add(run.name() + " is partial: " + run.partialReason());
            }
        }
        List<ComparedRun> compared = runs.stream().map(r -> new ComparedRun(r.name(), r.result().plan(), r.state(), r.partial(),
                r.partialReason(), r.driver(), r.result().startedAtMillis(), r.result().endedAtMillis(), r.labels())).toList();
        return new Comparison(compared, options, steps, notes, RunDifferences.of(runs), runs);
    }

    /** True when some metric of some step got significantly worse in some run. */
    public boolean regressionFound() {
        return !regressions().isEmpty();
    }

    public List<Finding> regressions() {
        List<Finding> found = new ArrayList<>();
        for (StepComparison step : steps) {
            for (MetricRow row : step.metrics()) {
                row.changes().stream().filter(c -> c.verdict() == Verdict.REGRESSION)
                        .forEach(c -> found.add(new Finding(stepName(step), row, c)));
            }
        }
        return found;
    }

    /** {@code step 2 users=40}, or {@code all steps}. */
    public static String stepName(StepComparison step) {
        return step.index() < 0 ? step.label() : "step " + (step.index() + 1) + " " + step.label();
    }

    private static StepComparison compare(List<ReportRun> runs, int index, String label, List<@Nullable StepResult> matched,
                                          ComparisonOptions options, boolean testable) {
        List<MetricRow> rows = new ArrayList<>();
        for (Metric metric : Metric.ALL) {
            List<@Nullable Double> values = matched.stream().map(s -> s == null ? null : metric.of(s)).toList();
            if (values.stream().allMatch(Objects::isNull)) {
                continue;
            }
            List<Change> changes = new ArrayList<>();
            for (int r = 1; r < runs.size(); r++) {
                changes.add(change(metric, runs.get(0), runs.get(r), index, values.get(0), values.get(r), options, testable));
            }
            rows.add(new MetricRow(metric.key(), metric.label(), metric.unit(), metric.direction(), values, changes));
        }
        return new StepComparison(index, label, matched.stream().map(Objects::nonNull).toList(), rows);
    }

    private static Change change(Metric metric, ReportRun baseline, ReportRun other, int step, @Nullable Double base,
                                 @Nullable Double value, ComparisonOptions options, boolean testable) {
        if (base == null || value == null) {
            return new Change(other.name(), null, null, null, "not measured in " + (base == null ? baseline : other).name(),
                    Verdict.NOT_MEASURED);
        }
        double absolute = value - base;
        Double percent = base == 0 ? null : 100 * absolute / Math.abs(base);
        String why = null;
        Significance test = null;
        if (metric.direction() == Direction.NEITHER) {
            why = "neither higher nor lower is better";
        } else if (!testable) {
            why = "all steps together mix different loads; each step is tested on its own";
        } else if (metric.perInterval() == null) {
            why = "the intervals do not carry " + metric.label() + "; the figure comes from the merged histograms alone";
        } else {
            double[] a = samples(baseline, step, metric);
            double[] b = samples(other, step, metric);
            if (a.length < BlockBootstrap.MIN_SAMPLES || b.length < BlockBootstrap.MIN_SAMPLES) {
                why = "too few measured intervals (" + a.length + " and " + b.length + "; at least "
                        + BlockBootstrap.MIN_SAMPLES + " each)";
            } else {
                // enough resamples that the smallest p-value, 2 / (B + 1), lies well below 1 − confidence
                int resamples = Math.max(options.resamples(), (int) Math.round(20 / (1 - options.confidence())));
                test = BlockBootstrap.test(a, b, options.confidence(), resamples, options.seed());
            }
        }
        return new Change(other.name(), absolute, percent, test, why, verdict(metric.direction(), absolute, test));
    }

    private static Verdict verdict(Direction direction, double absolute, @Nullable Significance test) {
        if (test == null) {
            return Verdict.NOT_TESTED;
        }
        if (!test.significant()) {
            return Verdict.NO_SIGNIFICANT_CHANGE;
        }
        // the per-interval means and the merged figure must move the same way to call it
        if (direction.worse(test.estimate()) && direction.worse(absolute)) {
            return Verdict.REGRESSION;
        }
        if (direction.better(test.estimate()) && direction.better(absolute)) {
            return Verdict.IMPROVEMENT;
        }
        return Verdict.NO_SIGNIFICANT_CHANGE;
    }

    /** The metric in each measured interval of the step, in order; intervals that did not measure it are skipped. */
    static double[] samples(ReportRun run, int step, Metric metric) {
        return run.result().intervals().stream()
                .filter(i -> i.step() == step && i.phase() == IntervalSnapshot.Phase.MEASURE)
                .map(metric.perInterval())
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .toArray();
    }
}
