package dev.benchdeck.engine.load;

import dev.benchdeck.engine.record.IntervalSnapshot;

/**
 * A step's phases on the clock: ramp, then warm-up, then the measured window
 * [{@code measureStart}, {@code measureEnd}). {@code measureEnd} is {@link Long#MAX_VALUE} when the
 * step ends on a request count alone. When the run's deadline comes first, the window ends there
 * ({@code endsAtDeadline}): users stop by themselves, so where a step stops does not depend on
 * when the conductor gets to look at the clock.
 */
record StepTimeline(long start, long measureStart, long measureEnd, long warmupStart, boolean endsAtDeadline) {

    IntervalSnapshot.Phase phaseAt(long time) {
        if (time >= measureStart) {
            return IntervalSnapshot.Phase.MEASURE;
        }
        return time >= warmupStart ? IntervalSnapshot.Phase.WARMUP : IntervalSnapshot.Phase.RAMP;
    }

    boolean inWindow(long time) {
        return time >= measureStart && time < measureEnd;
    }
}
