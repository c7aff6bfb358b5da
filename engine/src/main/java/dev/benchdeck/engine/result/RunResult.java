package dev.benchdeck.engine.result;

import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.record.SetupProgress;
import java.util.List;
import java.util.Map;

/**
 * Everything a run measured: per-step results, all steps merged ({@code overall}), the 1-second
 * intervals, the threshold verdicts and how the run ended. {@code failure} says why a run failed.
 * {@code setup} holds the last report of each setup phase (what was loaded, how fast), in order.
 * {@code labels} say where the run came from (key → value: {@code commit}, {@code branch}, {@code version},
 * {@code environment} and free ones, as {@code benchdeck run --label} gives them); empty when none were given.
 */
public record RunResult(String plan, RunStatus status, String failure, long startedAtMillis, long endedAtMillis,
                        EnvironmentInfo environment, List<StepResult> steps, StepResult overall,
                        List<ThresholdVerdict> verdicts, List<IntervalSnapshot> intervals,
                        List<SetupProgress> setup, Map<String, String> labels) {

    public RunResult {
        steps = List.copyOf(steps);
        verdicts = List.copyOf(verdicts);
        intervals = List.copyOf(intervals);
        setup = setup == null ? List.of() : List.copyOf(setup);
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
    }

    /** A result without labels. */
    public RunResult(String plan, RunStatus status, String failure, long startedAtMillis, long endedAtMillis,
                     EnvironmentInfo environment, List<StepResult> steps, StepResult overall,
                     List<ThresholdVerdict> verdicts, List<IntervalSnapshot> intervals, List<SetupProgress> setup) {
        this(plan, status, failure, startedAtMillis, endedAtMillis, environment, steps, overall, verdicts, intervals, setup, Map.of());
    }

    /** The same result with these labels. */
    public RunResult withLabels(Map<String, String> newLabels) {
        return new RunResult(plan, status, failure, startedAtMillis, endedAtMillis, environment, steps, overall, verdicts,
                intervals, setup, newLabels);
    }

    public boolean thresholdsPassed() {
        return verdicts.stream().allMatch(ThresholdVerdict::passed);
    }
}
