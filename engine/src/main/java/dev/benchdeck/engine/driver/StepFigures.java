package dev.benchdeck.engine.driver;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a driver measured itself over one step, beside the engine's per-operation figures: distributions
 * in microseconds (e.g. {@code e2e}, a message's time from publish to visible in a sink) and counts
 * that add up across steps (e.g. {@code lost}, {@code duplicated}). They join the step's result under
 * their names, so thresholds such as {@code e2e.p99 < 200ms} and {@code lost = 0} apply to them.
 */
public record StepFigures(Map<String, Histogram> distributions, Map<String, Long> counts) {

    public static final StepFigures NONE = new StepFigures(Map.of(), Map.of());

    public StepFigures {
        distributions = Map.copyOf(distributions);
        counts = Map.copyOf(counts);
    }
}
