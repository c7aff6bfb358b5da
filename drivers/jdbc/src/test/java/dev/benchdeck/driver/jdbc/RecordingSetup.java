package dev.benchdeck.driver.jdbc;

import dev.benchdeck.engine.driver.SetupContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A setup context that keeps every progress report; cancelled on demand. */
public final class RecordingSetup implements SetupContext {

    /** One report as the driver made it. */
    public record Report(String phase, String message, long done, long total, String unit, boolean finished) {
    }

    public final List<Report> reports = new CopyOnWriteArrayList<>();
    private final int peakConcurrency;
    private volatile boolean cancelled;
    private volatile String cancelPhase;
    private volatile int cancelAfter;

    public RecordingSetup(int peakConcurrency) {
        this.peakConcurrency = peakConcurrency;
    }

    public RecordingSetup() {
        this(2);
    }

    @Override
    public void progress(String phase, String message, long done, long total, String unit, boolean finished) {
        reports.add(new Report(phase, message, done, total, unit, finished));
        if (phase.equals(cancelPhase) && of(phase).size() >= cancelAfter) {
            cancelled = true;
        }
    }

    @Override
    public int peakConcurrency() {
        return peakConcurrency;
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    public void cancel() {
        cancelled = true;
    }

    /** Cancels the run once {@code phase} has reported {@code reports} times. */
    public RecordingSetup cancelAfter(String phase, int reports) {
        cancelPhase = phase;
        cancelAfter = reports;
        return this;
    }

    public List<Report> of(String phase) {
        return reports.stream().filter(r -> r.phase().equals(phase)).toList();
    }

    public List<String> phases() {
        return reports.stream().map(Report::phase).distinct().toList();
    }
}
