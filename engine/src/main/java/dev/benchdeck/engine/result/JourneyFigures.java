package dev.benchdeck.engine.result;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * The journey figures of a step (or of merged steps), beside the whole iteration's figures, which are the step's own:
 * its {@code requests} count iterations and its {@code latency} is each iteration's duration from its intended start.
 *
 * @param iterations   measured iterations of the journey (ok or failed)
 * @param steps        per request step name: its requests, outcomes and latency (send to last byte)
 * @param groups       per group name: the distribution of one pass through it (first send to last byte, pauses
 *                     between its steps included)
 * @param checks       per check name: passes and failures
 * @param usersStopped users that stopped because a {@code unique} feeder had no rows left
 * @param stopReason   why they stopped, or {@code null}
 * @param sample       one measured iteration as it happened, for the run page's waterfall: one whose steps all passed,
 *                     picked at random (else the first); {@code null} when none was measured
 */
public record JourneyFigures(long iterations, Map<String, JourneyStep> steps, Map<String, Distribution> groups,
                             Map<String, CheckCount> checks, long usersStopped, @Nullable String stopReason,
                             @Nullable JourneySample sample) {

    public JourneyFigures {
        steps = ordered(steps);
        groups = ordered(groups);
        checks = ordered(checks);
    }

    /** Figures without a sampled iteration. */
    public JourneyFigures(long iterations, Map<String, JourneyStep> steps, Map<String, Distribution> groups,
                          Map<String, CheckCount> checks, long usersStopped, @Nullable String stopReason) {
        this(iterations, steps, groups, checks, usersStopped, stopReason, null);
    }

    /** One iteration: its request steps in the order they were sent and its group passes, each as a span. */
    public record JourneySample(List<JourneySpan> steps, List<JourneySpan> groups) {

        public JourneySample {
            steps = List.copyOf(steps);
            groups = List.copyOf(groups);
        }
    }

    /**
     * A step or group pass of a sampled iteration: {@code startMicros} from the iteration's start, {@code micros} long;
     * a step's {@code outcome} is {@code ok}, {@code check_failed} or its error class ({@code null} for groups).
     */
    public record JourneySpan(String name, long startMicros, long micros, @Nullable String outcome) {
    }

    /**
     * One request step's figures: {@code checkFailed} counts answers that arrived as expected but failed a check (they are
     * not in {@code errorsByClass}, which holds transport, HTTP and extraction failures).
     */
    public record JourneyStep(long requests, long ok, long checkFailed, Map<String, Long> errorsByClass,
                              @Nullable Distribution latency) {

        public JourneyStep {
            errorsByClass = ordered(errorsByClass);
        }
    }

    /** How often a check passed and failed. */
    public record CheckCount(long passed, long failed) {

        /** The share of evaluations that passed, 0…1 (1 when it never ran). */
        @JsonProperty(value = "pass_rate", access = JsonProperty.Access.READ_ONLY)
        public double passRate() {
            return passed + failed == 0 ? 1 : (double) passed / (passed + failed);
        }
    }

    /** The share of all checks' evaluations that passed, or {@code null} when no check ran. */
    @JsonProperty(value = "checks_passed", access = JsonProperty.Access.READ_ONLY)
    public @Nullable Double checksPassed() {
        long passed = checks.values().stream().mapToLong(CheckCount::passed).sum();
        long failed = checks.values().stream().mapToLong(CheckCount::failed).sum();
        return passed + failed == 0 ? null : (double) passed / (passed + failed);
    }

    /** Journey figures merged exactly: counts add up, histograms are added. {@code null} when none of them has any. */
    public static @Nullable JourneyFigures merge(List<JourneyFigures> all) {
        if (all.stream().allMatch(j -> j == null)) {
            return null;
        }
        long iterations = 0, stopped = 0;
        String reason = null;
        JourneySample sample = null;
        Map<String, long[]> stepCounts = new LinkedHashMap<>();
        Map<String, Map<String, Long>> stepErrors = new LinkedHashMap<>();
        Map<String, Histogram> stepLatency = new LinkedHashMap<>();
        Map<String, Histogram> groupLatency = new LinkedHashMap<>();
        Map<String, long[]> checkCounts = new LinkedHashMap<>();
        for (JourneyFigures j : all) {
            if (j == null) {
                continue;
            }
            iterations += j.iterations();
            stopped += j.usersStopped();
            reason = reason == null ? j.stopReason() : reason;
            sample = sample == null ? j.sample() : sample;
            j.steps().forEach((name, s) -> {
                long[] c = stepCounts.computeIfAbsent(name, n -> new long[3]);
                c[0] += s.requests();
                c[1] += s.ok();
                c[2] += s.checkFailed();
                Map<String, Long> errors = stepErrors.computeIfAbsent(name, n -> new LinkedHashMap<>());
                s.errorsByClass().forEach((k, v) -> errors.merge(k, v, Long::sum));
                if (s.latency() != null) {
                    stepLatency.computeIfAbsent(name, n -> new Histogram(3)).add(s.latency().decode());
                }
            });
            j.groups().forEach((name, d) -> groupLatency.computeIfAbsent(name, n -> new Histogram(3)).add(d.decode()));
            j.checks().forEach((name, c) -> {
                long[] sum = checkCounts.computeIfAbsent(name, n -> new long[2]);
                sum[0] += c.passed();
                sum[1] += c.failed();
            });
        }
        Map<String, JourneyStep> steps = new LinkedHashMap<>();
        stepCounts.forEach((name, c) -> steps.put(name, new JourneyStep(c[0], c[1], c[2], stepErrors.get(name),
                stepLatency.containsKey(name) ? Distribution.of(stepLatency.get(name)) : null)));
        Map<String, Distribution> groups = new LinkedHashMap<>();
        groupLatency.forEach((name, h) -> groups.put(name, Distribution.of(h)));
        Map<String, CheckCount> checks = new LinkedHashMap<>();
        checkCounts.forEach((name, c) -> checks.put(name, new CheckCount(c[0], c[1])));
        return new JourneyFigures(iterations, steps, groups, checks, stopped, reason, sample);
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
