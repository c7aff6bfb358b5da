package dev.benchdeck.engine.result;

import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.record.SetupProgress;
import java.util.List;

/**
 * Everything a run measured: per-step results, all steps merged ({@code overall}), the 1-second
 * intervals, the threshold verdicts and how the run ended. {@code failure} says why a run failed.
 * {@code setup} holds the last report of each setup phase (what was loaded, how fast), in order.
 */
public record RunResult(String plan, RunStatus status, String failure, long startedAtMillis, long endedAtMillis,
                        EnvironmentInfo environment, List<StepResult> steps, StepResult overall,
                        List<ThresholdVerdict> verdicts, List<IntervalSnapshot> intervals,
                        List<SetupProgress> setup) {

    public RunResult {
        steps = List.copyOf(steps);
        verdicts = List.copyOf(verdicts);
        intervals = List.copyOf(intervals);
        setup = setup == null ? List.of() : List.copyOf(setup);
    }

    public boolean thresholdsPassed() {
        return verdicts.stream().allMatch(ThresholdVerdict::passed);
    }
}
