package dev.benchdeck.mockllm;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Async runs by id, for status polls; runs finished long ago are swept so memory stays bounded. */
final class AutomationRuns {

    private static final int SWEEP_EVERY = 1_000;
    private static final long KEEP_FINISHED_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final Map<String, AutomationRun> runs = new ConcurrentHashMap<>();
    private final AtomicLong added = new AtomicLong();

    void add(AutomationRun run) {
        runs.put(run.runId(), run);
        if (added.incrementAndGet() % SWEEP_EVERY == 0) {
            long cutoff = System.nanoTime() - KEEP_FINISHED_NANOS;
            runs.values().removeIf(old -> old.endNanos() < cutoff);
        }
    }

    Optional<AutomationRun> find(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }
}
