package dev.benchdeck.report;

import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.RunStatus;
import dev.benchdeck.engine.result.StepResult;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One run as reports and comparisons see it: the engine's result and what the result file or the server
 * knows beside it. {@code name} tells runs apart in a report (a file name, {@code run 42}); {@code state}
 * is how the run stands in lower case ({@code completed}, {@code cancelled}, {@code timed_out}, {@code failed},
 * or the server's {@code running}, {@code queued}, {@code interrupted}); {@code planText} is the plan as run
 * (for the plan diff) and {@code driver} its workload's driver, each {@code null} when not known;
 * {@code labels} are the run's labels (commit, branch, …), empty when it has none.
 */
public record ReportRun(String name, RunResult result, String state, @Nullable String planText, @Nullable String driver,
                        Map<String, String> labels) {

    public static final String COMPLETED = "completed";

    public ReportRun {
        labels = labels == null ? Map.of() : Map.copyOf(new TreeMap<>(labels));
        state = state.toLowerCase(Locale.ROOT);
    }

    /** A run known only by its result: the state is its status. */
    public static ReportRun of(String name, RunResult result) {
        return new ReportRun(name, result, stateOf(result.status()), null, null, Map.of());
    }

    /** The same run with its plan text and driver (the server knows both). */
    public ReportRun withPlan(@Nullable String text, @Nullable String driverName) {
        return new ReportRun(name, result, state, text, driverName, labels);
    }

    /** The same run with labels. */
    public ReportRun withLabels(Map<String, String> runLabels) {
        return new ReportRun(name, result, state, planText, driver, runLabels);
    }

    /**
     * True when the figures are of part of the run: it is still going, it stopped before its end (cancelled,
     * deadline, failed, interrupted), or a step ended before its planned duration or request count.
     */
    public boolean partial() {
        return !COMPLETED.equals(state) || result.steps().stream().anyMatch(StepResult::partial)
                || (result.overall() != null && result.overall().partial());
    }

    /** Why the run is partial, for the reports' banner; {@code null} when it is not. */
    public @Nullable String partialReason() {
        if (!partial()) {
            return null;
        }
        return switch (state) {
            case "running", "queued" -> "the run is still going: these are the figures so far";
            case COMPLETED -> "a step ended before its planned duration or request count";
            default -> "the run ended early (" + state.replace('_', ' ') + "): these are the figures it measured";
        };
    }

    static String stateOf(@Nullable RunStatus status) {
        return status == null ? "unknown" : status.name().toLowerCase(Locale.ROOT);
    }
}
