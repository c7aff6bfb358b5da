package dev.benchdeck.engine.load;

import dev.benchdeck.engine.cpu.CpuSample;
import dev.benchdeck.engine.cpu.CpuSource;
import dev.benchdeck.engine.driver.Driver;
import dev.benchdeck.engine.driver.ErrorClasses;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.RequestContext;
import dev.benchdeck.engine.driver.Session;
import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.record.RunListener;
import dev.benchdeck.engine.record.StepRecorder;
import dev.benchdeck.engine.result.CpuFigures;
import dev.benchdeck.engine.result.RunStatus;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.engine.time.EngineClock;
import dev.benchdeck.engine.driver.StepFigures;
import dev.benchdeck.engine.result.Distribution;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one step: starts the load, emits an interval snapshot every second, ends the step when its
 * measured window is over (or its request count reached, or the run is cancelled or past its
 * deadline), waits for requests in flight and returns the step's result. Subclasses apply the load.
 * CPU readings are taken when the measured window opens and closes (the step's {@code cpu}) and with
 * every interval.
 */
abstract class StepExecution {

    static final long SECOND = 1_000_000_000L;
    /** How often the conductor looks at cancellation at the latest: keeps Ctrl-C under a second. */
    private static final long CHECK_NANOS = 100_000_000L;

    /** How a step ended; anything but {@code null} status ends the run too, {@code reason} says why when it failed. */
    record StepEnd(StepResult result, RunStatus stoppedRun, String reason) {
    }

    /** A step's error rate is judged once this many of its requests have completed. */
    static final long MIN_REQUESTS_FOR_ERROR_RATE = 20;

    protected final StepContext context;
    protected final StepTimeline timeline;
    protected final StepRecorder recorder;
    protected volatile boolean stopping;
    /** Set when the step's request count has been reached: the clock time the window closed. */
    protected volatile long countReachedAt = Long.MIN_VALUE;
    private final AtomicLong admitted = new AtomicLong();
    private CpuSample intervalCpu;
    private StepFigures driverFigures = StepFigures.NONE;

    StepExecution(StepContext context, StepTimeline timeline) {
        this.context = context;
        this.timeline = timeline;
        this.recorder = new StepRecorder(context.runStart(), context.serviceLevels());
    }

    /** Starts users or the dispatcher; returns at once. */
    abstract void startLoad();

    /** Waits (real time, at most {@code maxMillis}) for the load to end by itself; true if it did. */
    abstract boolean awaitLoad(long maxMillis) throws InterruptedException;

    /** Stops the load now: aborts requests in flight and releases sessions. */
    abstract void abortLoad();

    /** Users (closed model) or requests in flight (open model), for snapshots. */
    abstract int users();

    final StepEnd run(List<IntervalSnapshot> intervals) throws InterruptedException {
        EngineClock clock = context.clock();
        context.listener().stepStarted(context.index(), context.label());
        intervalCpu = context.cpu().sample();
        CpuSample windowCpu = timeline.measureStart() <= clock.nanoTime() ? intervalCpu : null;
        startLoad();
        long lastTick = timeline.start();
        long nextTick = lastTick + SECOND;
        RunStatus stoppedRun = null;
        String reason = null;
        boolean endedWhole = false;
        boolean partial = false;
        long now;
        while (true) {
            now = clock.nanoTime();
            if (windowCpu == null && now >= timeline.measureStart()) {
                windowCpu = context.cpu().sample();
            }
            if (context.control().isCancelled()) {
                stoppedRun = RunStatus.CANCELLED;
                break;
            }
            if (now >= timeline.measureEnd() || countReachedAt != Long.MIN_VALUE) {
                break;
            }
            if (now >= nextTick) {
                emit(intervals, nextTick, lastTick);
                lastTick = nextTick;
                nextTick += SECOND;
                reason = errorRateExceeded();
                if (reason != null) {
                    stoppedRun = RunStatus.FAILED;
                    break;
                }
                continue;
            }
            long wake = Math.min(Math.min(nextTick, timeline.measureEnd()), now + CHECK_NANOS);
            clock.sleepUntil(windowCpu == null && now < timeline.measureStart() ? Math.min(wake, timeline.measureStart()) : wake);
        }
        // the window's CPU: from its opening to the moment the load stopped being applied on purpose
        CpuFigures cpu = windowCpu == null ? null : CpuFigures.between(windowCpu, context.cpu().sample(), "this step");
        if (stoppedRun == null) {
            // requests started inside the window still count: give them their timeout to finish
            if (!awaitLoad(context.timeoutNanos() / 1_000_000 + 1000)) {
                stopping = true;
                abortLoad();
            }
            if (timeline.endsAtDeadline() && countReachedAt == Long.MIN_VALUE) {
                stoppedRun = RunStatus.TIMED_OUT;
                partial = true;
            } else {
                // a step that ended whole past max_error_rate still stops the run before the next step
                reason = errorRateExceeded();
                if (reason != null) {
                    stoppedRun = RunStatus.FAILED;
                    endedWhole = true;
                }
            }
        } else {
            partial = true;
            stopping = true;
            recorder.close();
            abortLoad();
        }
        lastTick = finishDriverStep(intervals, lastTick, stoppedRun == RunStatus.CANCELLED);
        now = clock.nanoTime();
        if (now > lastTick) {
            emit(intervals, now, lastTick);
        }
        long windowEnd = stoppedRun == RunStatus.CANCELLED || (stoppedRun == RunStatus.FAILED && !endedWhole)
                ? Math.min(now, timeline.measureEnd())
                : countReachedAt != Long.MIN_VALUE ? countReachedAt : timeline.measureEnd();
        double measured = Math.max(0, windowEnd - timeline.measureStart()) / 1e9;
        StepResult result = withDriverFigures(recorder.result(context.index(), context.label(), measured, partial, cpu));
        context.listener().stepFinished(result);
        return new StepEnd(result, stoppedRun, reason);
    }

    /**
     * Lets the driver finish the step ({@link Driver#finishStep}: a pipeline draining), emitting an interval
     * each second meanwhile so that its gauges (a backlog) stay on the time line; returns the last tick.
     */
    private long finishDriverStep(List<IntervalSnapshot> intervals, long lastTick, boolean cancelled)
            throws InterruptedException {
        CompletableFuture<StepFigures> figures = new CompletableFuture<>();
        Thread.ofVirtual().name("bd-finish-step").start(() -> {
            try {
                figures.complete(context.driver().finishStep(context.index(), timeline.measureStart(),
                        timeline.measureEnd(), cancelled));
            } catch (Throwable t) {
                figures.completeExceptionally(t);
            }
        });
        long tick = lastTick;
        while (true) {
            try {
                driverFigures = figures.get(1, TimeUnit.SECONDS);
                return tick;
            } catch (TimeoutException e) {
                long now = context.clock().nanoTime();
                emit(intervals, now, tick);
                tick = now;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof InterruptedException interrupted) {
                    throw interrupted;
                }
                throw new IllegalStateException("the driver failed to finish step " + context.label() + ": " + e.getCause(), e.getCause());
            }
        }
    }

    /** The step's result with what the driver measured itself added: its distributions and counts. */
    private StepResult withDriverFigures(StepResult r) {
        if (driverFigures.distributions().isEmpty() && driverFigures.counts().isEmpty()) {
            return r;
        }
        Map<String, Distribution> latencies = new LinkedHashMap<>(r.latencies());
        driverFigures.distributions().forEach((name, h) -> {
            if (h.getTotalCount() > 0) {
                latencies.put(name, Distribution.of(h));
            }
        });
        Map<String, Long> counts = new LinkedHashMap<>(r.counts());
        counts.putAll(driverFigures.counts());
        return new StepResult(r.index(), r.label(), r.measuredSeconds(), r.requests(), r.ok(), r.errors(), r.errorsByClass(),
                r.dropped(), r.throughput(), r.errorRate(), latencies, r.errorSamples(), r.stream(), r.partial(), r.cpu(), counts)
                .withJourney(r.journey());
    }

    /** Why the run must stop for its errors ({@code max_error_rate}), or null. */
    private String errorRateExceeded() {
        Double max = context.maxErrorRate();
        long completed = recorder.completedSoFar();
        if (max == null || completed < MIN_REQUESTS_FOR_ERROR_RATE) {
            return null;
        }
        double rate = (double) recorder.errorsSoFar() / completed;
        if (rate <= max) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "stopped: error rate %.1f%% over %,d requests of step %s passed max_error_rate %.1f%%",
                rate * 100, completed, context.label(), max * 100);
    }

    /**
     * Whether a request starting now counts towards the step's request limit; when the limit is
     * reached the window closes and the load winds down.
     */
    protected final boolean admit(long intendedStart) {
        Long limit = context.requestLimit();
        if (limit == null || !timeline.inWindow(intendedStart)) {
            return true;
        }
        long n = admitted.incrementAndGet();
        if (n == limit) {
            countReachedAt = intendedStart;
        }
        return n <= limit;
    }

    /** Runs one request on a session and records it; a driver bug is recorded, not thrown. Returns its outcome. */
    protected final Outcome execute(Session session, int user, long intendedStart, boolean inWindow)
            throws InterruptedException {
        Outcome outcome;
        try {
            outcome = session.execute(newRequest(user));
        } catch (RuntimeException e) {
            outcome = internalFailure(e, intendedStart);
        }
        recorder.record(intendedStart, outcome, inWindow, scheduled());
        return outcome;
    }

    /** Whether intended starts come from a schedule (the open model), so that lateness is schedule lag. */
    protected boolean scheduled() {
        return false;
    }

    /** The next request of the run for {@code user}. */
    protected final RequestContext newRequest(int user) {
        return new RequestContext(context.shard().sequence(context.sequence().getAndIncrement()), user, context.timeoutNanos(), scheduled());
    }

    /** What a driver's unexpected exception is recorded as. */
    protected final Outcome internalFailure(RuntimeException e, long intendedStart) {
        long now = context.clock().nanoTime();
        return Outcome.failure(ErrorClasses.INTERNAL, String.valueOf(e), Timings.of(Math.min(now, intendedStart), now));
    }

    private void emit(List<IntervalSnapshot> intervals, long at, long since) {
        CpuSample cpuNow = context.cpu().sample();
        CpuFigures cpu = CpuFigures.between(intervalCpu, cpuNow, "this interval");
        intervalCpu = cpuNow;
        IntervalSnapshot snapshot = recorder.interval(at, timeline.start(), (at - since) / 1e9, context.index(),
                context.label(), timeline.phaseAt(since), users(), context.driver().gauges(), cpu);
        intervals.add(snapshot);
        context.listener().interval(snapshot, recorder.lastIntervalHistograms());
    }

    /** What every step needs from the run. */
    record StepContext(int index, String label, EngineClock clock, RunControl control, RunListener listener,
                       Driver driver, long runStart, long timeoutNanos, Long requestLimit,
                       AtomicLong sequence, dev.benchdeck.engine.stream.ServiceLevels serviceLevels,
                       Double maxErrorRate, CpuSource cpu, dev.benchdeck.engine.shard.Shard shard) {
    }
}
