package dev.benchdeck.engine.load;

/** Lets another thread stop a run (Ctrl-C, the API); the engine checks it at least every 100 ms. */
public final class RunControl {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
