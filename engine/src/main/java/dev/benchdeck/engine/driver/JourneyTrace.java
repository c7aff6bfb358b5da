package dev.benchdeck.engine.driver;

import java.util.List;

/**
 * What one iteration of a user journey measured beside its own timings (which are the whole journey's): each
 * request step, each group (a named transaction timed as one) and each check. {@code userStopped} says that the
 * iteration could not start because the user has nothing left to do (a {@code unique} feeder ran dry): the engine
 * then counts a stopped user instead of an iteration, and a closed-model user ends.
 */
public record JourneyTrace(List<StepSample> steps, List<GroupSample> groups, List<CheckSample> checks,
                           boolean userStopped, String stopReason) {

    public JourneyTrace {
        steps = List.copyOf(steps);
        groups = List.copyOf(groups);
        checks = List.copyOf(checks);
    }

    /** An iteration that never began: the user stops, for {@code reason}. */
    public static JourneyTrace stopped(String reason) {
        return new JourneyTrace(List.of(), List.of(), List.of(), true, reason);
    }

    /** The outcome of a step that did what it should. */
    public static final String OK = "ok";
    /** The outcome of a step whose answer arrived (and was expected) but failed one of its checks. */
    public static final String CHECK_FAILED = "check_failed";

    /**
     * One request of the journey: {@code nanos} from its send to its last byte; {@code outcome} is {@link #OK},
     * {@link #CHECK_FAILED} or an error class ({@link ErrorClasses}, {@code extract} when a required extraction found nothing);
     * {@code startNanos} is when it was sent, from the iteration's start (for the run page's waterfall).
     */
    public record StepSample(String name, long nanos, String outcome, long startNanos) {

        public StepSample(String name, long nanos, String outcome) {
            this(name, nanos, outcome, 0);
        }
    }

    /** One pass through a group: {@code nanos} from the start of its first step to the end of its last; {@code startNanos} as for a step. */
    public record GroupSample(String name, long nanos, long startNanos) {

        public GroupSample(String name, long nanos) {
            this(name, nanos, 0);
        }
    }

    /** One evaluation of a named check. */
    public record CheckSample(String name, boolean passed) {
    }
}
