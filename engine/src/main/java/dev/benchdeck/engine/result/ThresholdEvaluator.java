package dev.benchdeck.engine.result;

import dev.benchdeck.engine.plan.Threshold;
import java.util.ArrayList;
import java.util.List;

/** Checks a plan's thresholds against step results and the merged result. */
public final class ThresholdEvaluator {

    private ThresholdEvaluator() {
    }

    public static List<ThresholdVerdict> evaluate(List<Threshold> thresholds, List<StepResult> steps, StepResult overall) {
        List<ThresholdVerdict> verdicts = new ArrayList<>();
        for (Threshold threshold : thresholds) {
            if (threshold.perStep()) {
                for (StepResult step : steps) {
                    verdicts.add(verdict(threshold, "step " + (step.index() + 1) + " " + step.label(), step));
                }
            } else {
                verdicts.add(verdict(threshold, "overall", overall));
            }
        }
        return verdicts;
    }

    private static ThresholdVerdict verdict(Threshold threshold, String scope, StepResult result) {
        Double actual = result == null ? null : result.metric(threshold.metric());
        // a metric nobody measured (e.g. ttfb of a driver without it, or no requests at all) fails: no evidence is no pass
        boolean measured = actual != null && result.requests() > 0;
        boolean passed = measured && threshold.comparison().holds(actual, threshold.value());
        return new ThresholdVerdict(threshold.text(), scope, measured ? result.metricInUnit(threshold.metric()) : null,
                StepResult.unitOf(threshold.metric()), passed);
    }
}
