package dev.benchdeck.engine.result;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Merges step results exactly: counts add up, histograms are added, never percentiles averaged. The
 * CPU figures are the steps' averaged over their measured seconds; the merge is partial when a step was.
 */
public final class ResultMerger {

    private ResultMerger() {
    }

    public static StepResult merge(String label, List<StepResult> steps) {
        return merge(label, steps, false);
    }

    /** As {@link #merge(String, List)}; {@code incomplete} marks it partial also when no step is (steps that never ran). */
    public static StepResult merge(String label, List<StepResult> steps, boolean incomplete) {
        return merge(-1, label, steps, incomplete, false);
    }

    /**
     * The same step measured at the same time by several load agents: counts and histograms add up as for
     * {@link #merge}, but the measured time is the longest agent's (they ran side by side), so throughputs add up too.
     * {@code incomplete} marks it partial (an agent lost before it finished the step).
     */
    public static StepResult concurrent(int index, String label, List<StepResult> shards, boolean incomplete) {
        return merge(index, label, shards, incomplete, true);
    }

    private static StepResult merge(int index, String label, List<StepResult> steps, boolean incomplete, boolean sideBySide) {
        long requests = 0, ok = 0, errors = 0, dropped = 0;
        double seconds = 0;
        Map<String, Long> byClass = new HashMap<>();
        Map<String, Histogram> histograms = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        List<ErrorSample> samples = new ArrayList<>();
        long streams = 0, tokens = 0, usage = 0, good = 0, events = 0, coalesced = 0;
        boolean partial = incomplete;
        for (StepResult step : steps) {
            partial |= step.partial();
            if (step.stream() != null) {
                streams += step.stream().streams();
                tokens += step.stream().outputTokens();
                usage += step.stream().usageStreams();
                good += step.stream().goodRequests();
                events += step.stream().contentEvents();
                coalesced += step.stream().coalescedEvents();
            }
            requests += step.requests();
            ok += step.ok();
            errors += step.errors();
            dropped += step.dropped();
            seconds = sideBySide ? Math.max(seconds, step.measuredSeconds()) : seconds + step.measuredSeconds();
            step.errorsByClass().forEach((k, v) -> byClass.merge(k, v, Long::sum));
            step.latencies().forEach((name, d) -> histograms.computeIfAbsent(name, n -> new Histogram(3)).add(d.decode()));
            samples.addAll(step.errorSamples());
            step.counts().forEach((k, v) -> counts.merge(k, v, Long::sum));
        }
        Map<String, Distribution> latencies = new HashMap<>();
        histograms.forEach((name, h) -> latencies.put(name, Distribution.of(h)));
        return new StepResult(index, label, seconds, requests, ok, errors, byClass, dropped,
                seconds > 0 ? requests / seconds : 0, requests > 0 ? (double) errors / requests : 0,
                latencies, samples.stream().limit(20).toList(),
                streams > 0 ? StreamFigures.of(streams, tokens, usage, good, seconds, events, coalesced) : null, partial,
                CpuFigures.merge(steps, "the run"), counts, false,
                JourneyFigures.merge(steps.stream().map(StepResult::journey).toList()));
    }
}
