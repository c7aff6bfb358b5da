package dev.benchdeck.engine.driver;

import java.util.Map;

/** An opened driver for one run: it hands out sessions and releases shared resources at the end. */
public interface Driver extends AutoCloseable {

    /** A new session for one user; cheap, connections open lazily on first use. */
    Session newSession();

    /**
     * Prepares the system under test before the first step (creates and loads tables…), reporting
     * progress. A problem that makes the run pointless (missing privileges, a table of the wrong
     * shape) is thrown as a {@link DriverException} so the run fails before any load.
     */
    default void prepare(SetupContext setup) throws DriverException, InterruptedException {
    }

    /**
     * Live gauges of the driver's shared resources (a pool's active, idle, waiting and total
     * connections…), sampled once per interval; names are stable, values are current readings.
     */
    default Map<String, Double> gauges() {
        return Map.of();
    }

    /**
     * Called once a step's load has ended (its operations finished), before its result is made: the
     * figures the driver measured itself over the step. {@code measureStart} and {@code measureEnd}
     * ({@link dev.benchdeck.engine.time.EngineClock#nanoTime()}) bound the measured window, so that
     * warm-up can be left out. It may wait for the system to settle (a pipeline draining), and
     * returns at once when {@code cancelled}.
     */
    default StepFigures finishStep(int step, long measureStart, long measureEnd, boolean cancelled)
            throws InterruptedException {
        return StepFigures.NONE;
    }

    @Override
    void close();
}
