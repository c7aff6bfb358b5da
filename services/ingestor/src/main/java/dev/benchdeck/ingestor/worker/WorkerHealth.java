package dev.benchdeck.ingestor.worker;

/**
 * What the workers last saw of the queue and the database: null when the last attempt worked, else why it failed.
 * Health reports it beside its own probes, so "writing stalled" shows even when a probe happens to pass.
 */
public final class WorkerHealth {

    private volatile String queueProblem;
    private volatile String databaseProblem;

    void queueOk() {
        queueProblem = null;
    }

    void queueFailed(String why) {
        queueProblem = why;
    }

    void databaseOk() {
        databaseProblem = null;
    }

    void databaseFailed(String why) {
        databaseProblem = why;
    }

    public String queueProblem() {
        return queueProblem;
    }

    public String databaseProblem() {
        return databaseProblem;
    }
}
