package dev.benchdeck.engine.record;

import dev.benchdeck.engine.plan.Plan;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.StepResult;

/**
 * A sink for what a run produces as it goes: console progress, JSON lines, the live feed, the
 * database writer. Called from the engine's conductor thread; keep each call short.
 */
public interface RunListener {

    default void runStarted(Plan plan) {
    }

    /** Progress of the driver's setup phase, before the first step. */
    default void setupProgress(SetupProgress progress) {
    }

    default void stepStarted(int step, String label) {
    }

    default void interval(IntervalSnapshot snapshot) {
    }

    /** As {@link #interval(IntervalSnapshot)}, with the interval's histograms (for listeners that merge intervals exactly). */
    default void interval(IntervalSnapshot snapshot, IntervalHistograms histograms) {
        interval(snapshot);
    }

    default void stepFinished(StepResult step) {
    }

    default void runFinished(RunResult result) {
    }

    /** Calls several listeners in order. */
    static RunListener all(java.util.List<RunListener> listeners) {
        return new RunListener() {
            @Override
            public void runStarted(Plan plan) {
                listeners.forEach(l -> l.runStarted(plan));
            }

            @Override
            public void setupProgress(SetupProgress progress) {
                listeners.forEach(l -> l.setupProgress(progress));
            }

            @Override
            public void stepStarted(int step, String label) {
                listeners.forEach(l -> l.stepStarted(step, label));
            }

            @Override
            public void interval(IntervalSnapshot snapshot) {
                listeners.forEach(l -> l.interval(snapshot));
            }

            @Override
            public void interval(IntervalSnapshot snapshot, IntervalHistograms histograms) {
                listeners.forEach(l -> l.interval(snapshot, histograms));
            }

            @Override
            public void stepFinished(StepResult step) {
                listeners.forEach(l -> l.stepFinished(step));
            }

            @Override
            public void runFinished(RunResult result) {
                listeners.forEach(l -> l.runFinished(result));
            }
        };
    }
}
