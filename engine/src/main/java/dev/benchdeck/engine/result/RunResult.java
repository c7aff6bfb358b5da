package dev.benchdeck.engine.result;

import dev.benchdeck.engine.record.IntervalSnapshot;
import java.util.List;

/**
 * Everything a run measured: per-step results, all steps merged ({@code overall}), the 1-second
 * intervals, the threshold verdicts and how the run ended. {@code failure} says why a run failed.
 */
public record RunResult(String plan, RunStatus status, String failure, long startedAtMillis, long endedAtMillis,
                        EnvironmentInfo environment, List<StepResult> steps, StepResult overall,
                        List<ThresholdVerdict> verdicts, List<IntervalSnapshot> intervals) {

    public RunResult {
        steps = List.copyOf(steps);
        verdicts = List.copyOf(verdicts);
        intervals = List.copyOf(intervals);
    }

    public boolean thresholdsPassed() {
        return verdicts.stream().allMatch(ThresholdVerdict::passed);
    }
}
