package dev.benchdeck.engine.load;

import dev.benchdeck.engine.driver.SetupContext;
import dev.benchdeck.engine.record.RunListener;
import dev.benchdeck.engine.record.SetupProgress;
import dev.benchdeck.engine.time.EngineClock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a driver's setup reports into {@link SetupProgress} events: adds rate and elapsed time, throttles. */
final class SetupReporter implements SetupContext {

    private static final long MIN_GAP_NANOS = 250_000_000L;

    private final EngineClock clock;
    private final RunListener listener;
    private final RunControl control;
    private final Map<String, Long> phaseStarts = new LinkedHashMap<>();
    private final Map<String, SetupProgress> last = new LinkedHashMap<>();
    private long lastSent = Long.MIN_VALUE;
    private final int peakConcurrency;

    SetupReporter(EngineClock clock, RunListener listener, RunControl control, int peakConcurrency) {
        this.clock = clock;
        this.peakConcurrency = peakConcurrency;
        this.listener = listener;
        this.control = control;
    }

    @Override
    public synchronized void progress(String phase, String message, long done, long total, String unit,
                                      boolean finished) {
        long now = clock.nanoTime();
        boolean first = !phaseStarts.containsKey(phase);
        long start = phaseStarts.computeIfAbsent(phase, p -> now);
        double elapsed = (now - start) / 1e9;
        SetupProgress progress = new SetupProgress(phase, message, done, total, unit,
                elapsed > 0 ? done / elapsed : 0, elapsed, finished);
        last.put(phase, progress);
        if (first || finished || now - lastSent >= MIN_GAP_NANOS) {
            lastSent = now;
            listener.setupProgress(progress);
        }
    }

    @Override
    public int peakConcurrency() {
        return peakConcurrency;
    }

    @Override
    public boolean cancelled() {
        return control.isCancelled() || Thread.currentThread().isInterrupted();
    }

    /** The last report of each phase, in the order the phases began. */
    synchronized List<SetupProgress> summary() {
        return new ArrayList<>(last.values());
    }
}
