package dev.benchdeck.engine.record;

import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.result.CpuFigures;
import dev.benchdeck.engine.result.Distribution;
import dev.benchdeck.engine.result.ErrorSample;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.engine.result.StreamFigures;
import dev.benchdeck.engine.stream.ServiceLevels;
import dev.benchdeck.engine.stream.StreamTimeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Records one step's outcomes from many threads at once (wait-free HdrHistogram recorders, adders).
 * Every outcome goes to the live interval figures; only outcomes of requests whose intended start
 * lies in the measured window go to the step's results. Latency is taken from the intended start,
 * so a stalled system cannot hide its stall (coordinated omission); service time from the send,
 * after any wait for a pooled connection, which is recorded on its own ({@code connect_wait}).
 */
public final class StepRecorder {

    static final int SAMPLES_PER_CLASS = 5;

    private final long runStart;
    private final Recorder liveLatency = new Recorder(3);
    private final LongAdder liveOk = new LongAdder();
    private final LongAdder liveErrors = new LongAdder();
    private final LongAdder liveDropped = new LongAdder();
    private final Recorder liveTtft = new Recorder(3);
    private final Recorder liveLag = new Recorder(3);
    private final LongAdder liveTokens = new LongAdder();
    private final LongAdder liveStreams = new LongAdder();
    private final LongAdder stepCompleted = new LongAdder();
    private final LongAdder stepErrors = new LongAdder();

    private final Map<String, Recorder> measured = new LinkedHashMap<>();
    private final LongAdder ok = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> sampleCounts = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<ErrorSample> samples = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ServiceLevels serviceLevels;
    private final LongAdder streams = new LongAdder();
    private final LongAdder outputTokens = new LongAdder();
    private final LongAdder usageStreams = new LongAdder();
    private final LongAdder goodRequests = new LongAdder();
    private final LongAdder contentEvents = new LongAdder();
    private final LongAdder coalescedEvents = new LongAdder();
    private final JourneyRecorder journey = new JourneyRecorder();
    private volatile IntervalHistograms lastInterval;
    private volatile boolean closed;

    public StepRecorder(long runStart) {
        this(runStart, ServiceLevels.NONE);
    }

    /** A recorder whose goodput counts successful streams meeting {@code serviceLevels}. */
    public StepRecorder(long runStart, ServiceLevels serviceLevels) {
        this.runStart = runStart;
        this.serviceLevels = serviceLevels;
        for (String name : List.of(StepResult.LATENCY, StepResult.SERVICE_TIME, StepResult.TTFB,
                StepResult.CONNECT, StepResult.CONNECT_WAIT, StepResult.FIRST_EVENT, StepResult.SCHEDULE_LAG, StepResult.THINK_LAG, StepResult.TTFT, StepResult.ITL,
                StepResult.TPOT, StepResult.E2E, StepResult.REQUEST_TOKENS_PER_SECOND, StepResult.OUTPUT_TOKENS)) {
            measured.put(name, new Recorder(3));
        }
    }

    /** Marks a request as started; pair with {@link #record}. */
    public void started() {
        inFlight.incrementAndGet();
    }

    /** Requests completed in the step so far, warm-up included (for the max_error_rate stop). */
    public long completedSoFar() {
        return stepCompleted.sum();
    }

    /** Of those, the failed ones. */
    public long errorsSoFar() {
        return stepErrors.sum();
    }

    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Records a finished request.
     *
     * @param intendedStart when the request should have started (open model) or started (closed)
     * @param inWindow      whether the intended start lies in the step's measured window
     */
    public void record(long intendedStart, Outcome outcome, boolean inWindow) {
        record(intendedStart, outcome, inWindow, false);
    }

    /**
     * Records a finished request; {@code scheduled} when {@code intendedStart} came from a schedule (the open
     * model), so that how late the request began is its schedule lag.
     */
    public void record(long intendedStart, Outcome outcome, boolean inWindow, boolean scheduled) {
        inFlight.decrementAndGet();
        if (closed) {
            return; // aborted by cancellation: not a failure of the system under test
        }
        if (outcome.journey() != null && outcome.journey().userStopped()) {
            journey.userStopped(outcome.journey().stopReason()); // no iteration ran: not a request
            return;
        }
        Timings t = outcome.timings();
        long latency = micros(t.end() - intendedStart);
        liveLatency.recordValue(latency);
        boolean success = outcome instanceof Outcome.Success;
        (success ? liveOk : liveErrors).increment();
        long lag = scheduled ? micros(began(t) - intendedStart) : -1;
        if (lag >= 0) {
            liveLag.recordValue(lag);
        }
        stepCompleted.increment();
        if (!success) {
            stepErrors.increment();
        }
        if (outcome.stream() != null) {
            liveStreams.increment();
            liveTokens.add(outcome.stream().outputTokens());
            outcome.stream().ttftNanos().ifPresent(ttft -> liveTtft.recordValue(micros(ttft)));
        }
        if (!inWindow) {
            return;
        }
        measured.get(StepResult.LATENCY).recordValue(latency);
        measured.get(StepResult.SERVICE_TIME).recordValue(micros(t.serviceNanos()));
        if (lag >= 0) {
            measured.get(StepResult.SCHEDULE_LAG).recordValue(lag);
        }
        if (t.hasFirstByte()) {
            measured.get(StepResult.TTFB).recordValue(micros(t.firstByte() - t.send()));
        }
        if (t.opened()) {
            measured.get(StepResult.CONNECT).recordValue(micros(t.connectNanos()));
        }
        if (t.waitedForConnection()) {
            measured.get(StepResult.CONNECT_WAIT).recordValue(micros(t.connectWaitNanos()));
        }
        if (outcome.eventTimes().length > 0) {
            measured.get(StepResult.FIRST_EVENT).recordValue(micros(outcome.eventTimes()[0] - t.send()));
        }
        if (outcome.stream() != null) {
            recordStream(outcome.stream(), success);
        }
        if (outcome.journey() != null) {
            journey.record(outcome.journey());
        }
        if (outcome instanceof Outcome.Failure failure) {
            errors.computeIfAbsent(failure.errorClass(), c -> new LongAdder()).increment();
            sample(failure, t.end());
        } else {
            ok.increment();
        }
    }

    /**
     * Records how much longer than its think time a closed-model user slept ({@code overshootNanos}); a user that
     * cannot keep its think time sends fewer requests than the plan says, so it counts as the generator's delay.
     */
    public void thinkLag(long overshootNanos, boolean inWindow) {
        long lag = micros(Math.max(0, overshootNanos));
        liveLag.recordValue(lag);
        if (inWindow && !closed) {
            measured.get(StepResult.THINK_LAG).recordValue(lag);
        }
    }

    /** Records an open-model arrival that could not start because too many were in flight. */
    public void dropped(boolean inWindow) {
        liveDropped.increment();
        if (inWindow) {
            dropped.increment();
        }
    }

    /** Stops recording: outcomes that arrive later (requests aborted by a cancel) are ignored. */
    public void close() {
        closed = true;
    }

    /** The histograms of the interval {@link #interval} last returned. */
    public IntervalHistograms lastIntervalHistograms() {
        return lastInterval;
    }

    /** The live figures since the previous call, as one interval; {@code cpu} may be {@code null}. */
    public IntervalSnapshot interval(long now, long stepStart, double intervalSeconds, int step, String label,
                                     IntervalSnapshot.Phase phase, int users,
                                     Map<String, Double> gauges, CpuFigures cpu) {
        Histogram h = liveLatency.getIntervalHistogram();
        Histogram ttft = liveTtft.getIntervalHistogram();
        Histogram lag = liveLag.getIntervalHistogram();
        lastInterval = new IntervalHistograms(h, ttft, lag);
        long okCount = liveOk.sumThenReset();
        long errorCount = liveErrors.sumThenReset();
        long completed = okCount + errorCount;
        long streamsEnded = liveStreams.sumThenReset();
        long tokens = liveTokens.sumThenReset();
        return new IntervalSnapshot(seconds(now - runStart), step, label, phase, seconds(now - stepStart),
                intervalSeconds, completed, okCount, errorCount, liveDropped.sumThenReset(),
                intervalSeconds > 0 ? completed / intervalSeconds : 0,
                ms(h, 50), ms(h, 90), ms(h, 99), ms(h, 100),
                inFlight.get(), users, gauges, streamsEnded > 0 ? tokens : null, ms(ttft, 50), ms(ttft, 99),
                cpu == null ? null : cpu.processCores(), cpu == null ? null : cpu.otherCores(), ms(lag, 99));
    }

    /**
     * The step's result over its measured window; {@code partial} when the step ended before its
     * planned duration or request count, {@code cpu} the machine's figures over the window (or {@code null}).
     */
    public StepResult result(int index, String label, double measuredSeconds, boolean partial, CpuFigures cpu) {
        Map<String, Distribution> latencies = new LinkedHashMap<>();
        measured.forEach((name, recorder) -> {
            Histogram h = recorder.getIntervalHistogram();
            if (h.getTotalCount() > 0) {
                latencies.put(name, Distribution.of(h));
            }
        });
        Map<String, Long> byClass = new LinkedHashMap<>();
        errors.forEach((k, v) -> byClass.put(k, v.sum()));
        long errorCount = byClass.values().stream().mapToLong(Long::longValue).sum();
        long requests = ok.sum() + errorCount;
        List<ErrorSample> sampleList = new ArrayList<>(samples);
        return new StepResult(index, label, measuredSeconds, requests, ok.sum(), errorCount, byClass, dropped.sum(),
                measuredSeconds > 0 ? requests / measuredSeconds : 0, requests > 0 ? (double) errorCount / requests : 0,
                latencies, sampleList,
                streams.sum() > 0 ? StreamFigures.of(streams.sum(), outputTokens.sum(), usageStreams.sum(),
                        goodRequests.sum(), measuredSeconds, contentEvents.sum(), coalescedEvents.sum()) : null, partial, cpu)
                .withJourney(journey.result());
    }

    private void recordStream(StreamTimeline stream, boolean success) {
        streams.increment();
        outputTokens.add(stream.outputTokens());
        contentEvents.add(stream.contentEvents().length);
        coalescedEvents.add(stream.coalescedEvents());
        if (stream.tokenSource() == StreamTimeline.TokenSource.USAGE) {
            usageStreams.increment();
        }
        stream.ttftNanos().ifPresent(ttft -> measured.get(StepResult.TTFT).recordValue(micros(ttft)));
        Recorder itl = measured.get(StepResult.ITL);
        for (long gap : stream.itlNanos()) {
            itl.recordValue(micros(gap));
        }
        stream.tpotNanos().ifPresent(tpot -> measured.get(StepResult.TPOT).recordValue(micros((long) tpot)));
        measured.get(StepResult.E2E).recordValue(micros(stream.e2eNanos()));
        // stored ×1000 so that the distribution's summary (µs shown as ms) reads in tokens/s
        measured.get(StepResult.REQUEST_TOKENS_PER_SECOND).recordValue(Math.round(stream.tokensPerSecond() * 1000));
        measured.get(StepResult.OUTPUT_TOKENS).recordValue(Math.max(0, stream.outputTokens()) * 1000);
        if (success && serviceLevels.metBy(stream)) {
            goodRequests.increment();
        }
    }

    private void sample(Outcome.Failure failure, long at) {
        if (sampleCounts.computeIfAbsent(failure.errorClass(), c -> new AtomicInteger()).getAndIncrement() < SAMPLES_PER_CLASS) {
            samples.add(new ErrorSample(failure.errorClass(), failure.message(), seconds(at - runStart)));
        }
    }

    /** When the driver began the operation: its send, less any wait for a pooled connection (that is connect_wait). */
    private static long began(Timings t) {
        return t.waitedForConnection() ? t.send() - t.connectWaitNanos() : t.send();
    }

    private static long micros(long nanos) {
        return Math.max(0, nanos / 1000);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** A percentile in ms (100: the maximum), or {@code null} for an empty histogram: nothing was measured. */
    private static Double ms(Histogram h, double percentile) {
        return IntervalHistograms.millis(h, percentile);
    }
}
