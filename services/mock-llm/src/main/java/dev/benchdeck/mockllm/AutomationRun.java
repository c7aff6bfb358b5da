package dev.benchdeck.mockllm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One mock automation run, decided when it starts: how long it takes, whether it fails and at which
 * step. Its status is a function of the clock, so no thread is needed to finish it.
 */
record AutomationRun(String runId, String automationId, JsonNode inputs, Instant startedAt, long startNanos,
                     long durationMs, int totalSteps, int failingStep, String output) {

    boolean fails() {
        return failingStep > 0;
    }

    long endNanos() {
        return startNanos + TimeUnit.MILLISECONDS.toNanos(durationMs);
    }

    boolean done(long nowNanos) {
        return nowNanos >= endNanos();
    }

    String finalStatus() {
        return fails() ? "failed" : "completed";
    }

    /** Steps reported before the end: all of them, or those before the failing one and the failing one itself. */
    int reportedSteps() {
        return fails() ? failingStep : totalSteps;
    }

    /** When progress step {@code step} (1-based) is reported: evenly over the run, the first at its start. */
    long stepNanos(int step) {
        return startNanos + TimeUnit.MILLISECONDS.toNanos(durationMs) * (step - 1) / totalSteps;
    }

    ObjectNode result() {
        ObjectNode result = Json.object();
        if (fails()) {
            result.putObject("error").put("type", "automation_failed")
                    .put("message", "mock fault: step " + failingStep + " of " + totalSteps + " failed");
            result.put("steps_completed", failingStep - 1);
        } else {
            result.put("output", output).put("steps_completed", totalSteps);
        }
        result.set("inputs", inputs);
        return result;
    }

    /** The run's view: status running until done, then completed/failed with result and duration. */
    ObjectNode status(long nowNanos) {
        ObjectNode status = Json.object().put("run_id", runId).put("automation_id", automationId)
                .put("started_at", startedAt.toString());
        if (done(nowNanos)) {
            status.put("status", finalStatus());
            status.set("result", result());
            status.put("duration_ms", durationMs);
        } else {
            status.put("status", "running");
        }
        return status;
    }
}
