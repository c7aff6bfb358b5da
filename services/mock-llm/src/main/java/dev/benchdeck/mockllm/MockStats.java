package dev.benchdeck.mockllm;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters shown by {@code /mock/stats}; updated from many request threads at once. */
public final class MockStats {

    private final LongAdder totalRequests = new LongAdder();
    private final AtomicLong activeStreams = new AtomicLong();
    private final AtomicLong peakActiveStreams = new AtomicLong();
    private final Map<Outcome, LongAdder> outcomes = new EnumMap<>(Outcome.class);

    MockStats() {
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, new LongAdder());
        }
    }

    void requestReceived() {
        totalRequests.increment();
    }

    void streamOpened() {
        long active = activeStreams.incrementAndGet();
        peakActiveStreams.accumulateAndGet(active, Math::max);
    }

    void streamClosed() {
        activeStreams.decrementAndGet();
    }

    void count(Outcome outcome) {
        outcomes.get(outcome).increment();
    }

    Snapshot snapshot() {
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        outcomes.forEach((outcome, count) -> byOutcome.put(outcome.jsonName(), count.sum()));
        return new Snapshot(activeStreams.get(), peakActiveStreams.get(), totalRequests.sum(), byOutcome);
    }

    /** A point-in-time copy; {@code outcomes} maps each outcome's snake_case name to its count. */
    public record Snapshot(long activeStreams, long peakActiveStreams, long totalRequests, Map<String, Long> outcomes) {
    }
}
