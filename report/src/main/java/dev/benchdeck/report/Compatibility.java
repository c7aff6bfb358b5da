package dev.benchdeck.report;

import dev.benchdeck.engine.result.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Whether runs can be compared figure by figure: 2–5 of them, of one kind of workload (the same driver
 * where it is known; else the same kind of figures: token streams, ingested messages or plain requests),
 * each sharing at least one step (same number and label) with the baseline.
 */
final class Compatibility {

    static final int MAX_RUNS = 5;
    private static final String WHAT_CAN = "Comparable are runs of the same driver whose steps have the same number"
            + " and label (the load they ran); `benchdeck report` shows any run on its own, environment and plan included.";

    private Compatibility() {
    }

    static void check(List<ReportRun> runs) {
        if (runs.size() < 2 || runs.size() > MAX_RUNS) {
            throw new IncomparableRunsException("a comparison takes 2 to " + MAX_RUNS + " runs, not " + runs.size());
        }
        ReportRun baseline = runs.get(0);
        for (ReportRun other : runs.subList(1, runs.size())) {
            String a = kind(baseline);
            String b = kind(other);
            if (!a.equals(b)) {
                throw new IncomparableRunsException("cannot compare " + baseline.name() + " with " + other.name() + ": "
                        + baseline.name() + " is " + a + " and " + other.name() + " is " + b
                        + ", so their figures mean different things. " + WHAT_CAN);
            }
        }
        for (ReportRun other : runs.subList(1, runs.size())) {
            if (baseline.result().steps().stream().noneMatch(step -> find(other, step) != null)) {
                throw new IncomparableRunsException("cannot compare " + baseline.name() + " with " + other.name()
                        + ": no common steps (" + baseline.name() + " has " + steps(baseline) + "; " + other.name() + " has "
                        + steps(other) + "). " + WHAT_CAN);
            }
        }
    }

    /** The run's step with the same number and label as {@code step}, or {@code null}. */
    static @Nullable StepResult find(ReportRun run, StepResult step) {
        return run.result().steps().stream()
                .filter(s -> s.index() == step.index() && Objects.equals(s.label(), step.label()))
                .findFirst().orElse(null);
    }

    static boolean sameSteps(List<ReportRun> runs) {
        List<String> first = keys(runs.get(0));
        return runs.stream().allMatch(r -> keys(r).equals(first));
    }

    /** A note for each step that only some runs have. */
    static List<String> unmatchedSteps(List<ReportRun> runs) {
        List<String> notes = new ArrayList<>();
        ReportRun baseline = runs.get(0);
        for (ReportRun other : runs.subList(1, runs.size())) {
            for (StepResult step : other.result().steps()) {
                if (find(baseline, step) == null) {
                    notes.add("step " + (step.index() + 1) + " " + step.label() + " of " + other.name()
                            + " is not in the baseline " + baseline.name() + ": left out");
                }
            }
        }
        for (StepResult step : baseline.result().steps()) {
            if (runs.stream().skip(1).allMatch(r -> find(r, step) == null)) {
                notes.add("step " + (step.index() + 1) + " " + step.label() + " of the baseline is in no other run: left out");
            }
        }
        return notes;
    }

    /** The driver when known, else what the figures say the run measured. */
    static String kind(ReportRun run) {
        if (run.driver() != null) {
            return "a run of the " + run.driver() + " driver";
        }
        List<StepResult> steps = run.result().steps();
        if (steps.stream().anyMatch(s -> s.stream() != null || s.latencies().containsKey(StepResult.TTFT))) {
            return "a run of token streams";
        }
        if (steps.stream().anyMatch(s -> s.counts().containsKey("delivered"))) {
            return "a run of ingested messages";
        }
        return "a run of requests";
    }

    private static List<String> keys(ReportRun run) {
        return run.result().steps().stream().map(s -> s.index() + " " + s.label()).toList();
    }

    private static String steps(ReportRun run) {
        if (run.result().steps().isEmpty()) {
            return "no measured steps";
        }
        return run.result().steps().stream().map(s -> (s.index() + 1) + " " + s.label()).collect(Collectors.joining(", "));
    }
}
