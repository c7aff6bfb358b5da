package dev.benchdeck.engine.record;

import dev.benchdeck.engine.driver.JourneyTrace;
import dev.benchdeck.engine.result.Distribution;
import dev.benchdeck.engine.result.JourneyFigures;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Records the journey figures of one step's measured iterations from many threads at once: a wait-free HdrHistogram
 * recorder per request step and group name, adders per outcome and check. Names keep the order they were first seen in.
 */
final class JourneyRecorder {

    private final AtomicInteger order = new AtomicInteger();
    private final Map<String, Named> steps = new ConcurrentHashMap<>();
    private final Map<String, Named> groups = new ConcurrentHashMap<>();
    private final Map<String, Named> checks = new ConcurrentHashMap<>();
    private final LongAdder iterations = new LongAdder();
    private final LongAdder usersStopped = new LongAdder();
    private final AtomicReference<String> stopReason = new AtomicReference<>();
    private static final int SAMPLE_ONE_IN = 64;
    private final AtomicReference<JourneyTrace> sample = new AtomicReference<>();
    private volatile boolean sampleClean;
    private volatile boolean used;

    /** The figures of one name: a histogram and outcome counters. */
    private static final class Named {
        final int order;
        final Recorder latency = new Recorder(3);
        final LongAdder ok = new LongAdder();
        final LongAdder checkFailed = new LongAdder();
        final LongAdder failed = new LongAdder();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

        Named(int order) {
            this.order = order;
        }
    }

    void record(JourneyTrace trace) {
        used = true;
        iterations.increment();
        keepSample(trace);
        for (JourneyTrace.StepSample step : trace.steps()) {
            Named n = named(steps, step.name());
            n.latency.recordValue(Math.max(0, step.nanos() / 1000));
            switch (step.outcome()) {
                case JourneyTrace.OK -> n.ok.increment();
                case JourneyTrace.CHECK_FAILED -> n.checkFailed.increment();
                default -> n.errors.computeIfAbsent(step.outcome(), c -> new LongAdder()).increment();
            }
        }
        for (JourneyTrace.GroupSample group : trace.groups()) {
            named(groups, group.name()).latency.recordValue(Math.max(0, group.nanos() / 1000));
        }
        for (JourneyTrace.CheckSample check : trace.checks()) {
            Named n = named(checks, check.name());
            (check.passed() ? n.ok : n.failed).increment();
        }
    }

    /**
     * Keeps the first trace until one whose steps all passed comes; after that, each such trace replaces it with
     * probability 1/64, so the sample is rarely the first (cold) iteration of a long run.
     */
    private void keepSample(JourneyTrace trace) {
        if (trace.steps().isEmpty()) {
            return;
        }
        boolean clean = trace.steps().stream().allMatch(s -> JourneyTrace.OK.equals(s.outcome()));
        if (clean && (!sampleClean || ThreadLocalRandom.current().nextInt(SAMPLE_ONE_IN) == 0)) {
            sample.set(trace);
            sampleClean = true;
        } else if (!clean) {
            sample.compareAndSet(null, trace);
        }
    }

    void userStopped(String reason) {
        used = true;
        usersStopped.increment();
        stopReason.compareAndSet(null, reason);
    }

    /** The figures so far, or {@code null} when no journey ran in this step. */
    JourneyFigures result() {
        if (!used) {
            return null;
        }
        Map<String, JourneyFigures.JourneyStep> stepFigures = new LinkedHashMap<>();
        inOrder(steps).forEach((name, n) -> {
            Map<String, Long> errors = new LinkedHashMap<>();
            n.errors.forEach((k, v) -> errors.put(k, v.sum()));
            long errorCount = errors.values().stream().mapToLong(Long::longValue).sum();
            Histogram h = n.latency.getIntervalHistogram();
            stepFigures.put(name, new JourneyFigures.JourneyStep(n.ok.sum() + n.checkFailed.sum() + errorCount, n.ok.sum(),
                    n.checkFailed.sum(), errors, h.getTotalCount() > 0 ? Distribution.of(h) : null));
        });
        Map<String, Distribution> groupFigures = new LinkedHashMap<>();
        inOrder(groups).forEach((name, n) -> {
            Histogram h = n.latency.getIntervalHistogram();
            if (h.getTotalCount() > 0) {
                groupFigures.put(name, Distribution.of(h));
            }
        });
        Map<String, JourneyFigures.CheckCount> checkFigures = new LinkedHashMap<>();
        inOrder(checks).forEach((name, n) -> checkFigures.put(name, new JourneyFigures.CheckCount(n.ok.sum(), n.failed.sum())));
        return new JourneyFigures(iterations.sum(), stepFigures, groupFigures, checkFigures, usersStopped.sum(), stopReason.get(),
                sampled(sample.get()));
    }

    private static JourneyFigures.JourneySample sampled(JourneyTrace trace) {
        if (trace == null) {
            return null;
        }
        return new JourneyFigures.JourneySample(
                trace.steps().stream().map(s -> new JourneyFigures.JourneySpan(s.name(), s.startNanos() / 1000, s.nanos() / 1000, s.outcome())).toList(),
                trace.groups().stream().sorted(Comparator.comparingLong(JourneyTrace.GroupSample::startNanos))
                        .map(g -> new JourneyFigures.JourneySpan(g.name(), g.startNanos() / 1000, g.nanos() / 1000, null)).toList());
    }

    private Named named(Map<String, Named> map, String name) {
        Named n = map.get(name);
        return n != null ? n : map.computeIfAbsent(name, k -> new Named(order.getAndIncrement()));
    }

    private static Map<String, Named> inOrder(Map<String, Named> map) {
        Map<String, Named> sorted = new LinkedHashMap<>();
        map.entrySet().stream().sorted(Comparator.comparingInt(e -> e.getValue().order))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
