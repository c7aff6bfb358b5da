package dev.benchdeck.engine.driver;

/** What a driver's setup phase can use: report its progress and see whether the run was cancelled. */
public interface SetupContext {

    /**
     * Reports progress of a phase; the engine adds the rate and elapsed time and forwards it at most
     * four times a second (the first and the finished report of a phase always go through).
     */
    void progress(String phase, String message, long done, long total, String unit, boolean finished);

    /**
     * The most operations the plan can have in flight at once: the largest user count of a closed
     * sweep, {@code max_in_flight} of an open one. Drivers size shared pools by it.
     */
    int peakConcurrency();

    /** True once the run was cancelled: setup should stop soon and throw {@link InterruptedException}. */
    boolean cancelled();
}
