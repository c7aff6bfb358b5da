package dev.benchdeck.mockllm;

import java.util.ArrayList;
import java.util.List;

/**
 * Independent fault probabilities (0–1) per LLM request: each kind is drawn on its own, so a
 * request can, say, stall and then drop. {@code rateLimit} and {@code serverError} answer before
 * any streaming; the others happen mid-stream.
 */
public record FaultShares(double rateLimit, double serverError, double errorEvent, double drop, double stall) {

    public static FaultShares none() {
        return new FaultShares(0, 0, 0, 0, 0);
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        check(problems, "faults.rate_limit", rateLimit);
        check(problems, "faults.server_error", serverError);
        check(problems, "faults.error_event", errorEvent);
        check(problems, "faults.drop", drop);
        check(problems, "faults.stall", stall);
        return problems;
    }

    private static void check(List<String> problems, String name, double share) {
        if (!(share >= 0 && share <= 1)) {
            problems.add(name + " must be between 0 and 1, got " + share);
        }
    }
}
