package dev.benchdeck.engine.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.benchdeck.engine.cpu.CpuSample;
import dev.benchdeck.engine.cpu.CpuSource;
import dev.benchdeck.engine.driver.ErrorClasses;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.plan.Plan;
import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.record.RunListener;
import dev.benchdeck.engine.result.CpuFigures;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.RunStatus;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.engine.result.ThresholdVerdict;
import dev.benchdeck.engine.testkit.FakeClock;
import dev.benchdeck.engine.testkit.FakeDriver;
import dev.benchdeck.engine.testkit.Plans;
import dev.benchdeck.engine.time.EngineClock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class RunEngineTest {

    private static final long MS = 1_000_000L;

    private static RunResult run(EngineClock clock, Plan plan, FakeDriver driver) {
        return new RunEngine(clock).run(plan, driver, new RunListener() { }, new RunControl());
    }

    @Test
    void closedModelExcludesWarmupAndCountsOnlyTheMeasuredWindow() {
        FakeClock clock = FakeClock.stepped();
        FakeDriver driver = FakeDriver.taking(clock, 10 * MS);
        Plan plan = Plans.withLoad("  users: 1\n  warmup: 1s\n  duration: 2s", "");
        RunResult result = run(clock, plan, driver);

        StepResult step = result.steps().get(0);
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(step.requests()).isEqualTo(200); // starts at 1.00 s … 2.99 s
        assertThat(step.measuredSeconds()).isEqualTo(2.0);
        assertThat(step.throughput()).isEqualTo(100.0);
        assertThat(step.latency().summary().p50()).isCloseTo(10.0, within(0.01));
        assertThat(step.latency().summary().max()).isCloseTo(10.0, within(0.01));
    }

    @Test
    void aStepThatEndedWholeIsNotPartialButARunMissingStepsIs() {
        FakeClock clock = FakeClock.stepped();
        FakeDriver driver = new FakeDriver((request, c) -> {
            long send = c.nanoTime();
            clock.advance(10 * MS);
            return Outcome.failure(ErrorClasses.HTTP_5XX, "HTTP 503", Timings.of(send, c.nanoTime()));
        });
        // the first step's 50 requests all fail, within its first second: checked at its end, the run stops before the second step
        Plan plan = Plans.withLoad("  steps: [{users: 1, requests: 50}, {users: 1, requests: 50}]", "max_error_rate: 50%");
        RunResult result = run(clock, plan, driver);
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.steps()).singleElement().satisfies(step -> {
            assertThat(step.requests()).isEqualTo(50);
            assertThat(step.partial()).isFalse();
        });
        assertThat(result.overall().partial()).isTrue();
    }

    @Test
    void cpuFiguresCoverTheMeasuredWindowOnly() {
        FakeClock clock = FakeClock.stepped();
        long warmupEnd = clock.nanoTime() + 1_000 * MS;
        // during warm-up this process uses 1.8 cores and nothing else runs; then 0.5 cores, and others 1.0
        CpuSource cpu = () -> {
            long t = clock.nanoTime();
            long before = Math.min(t, warmupEnd);
            long after = Math.max(0, t - warmupEnd);
            long busyNanos = (long) (before * 1.8 + after * 1.5);
            // /proc/stat ticks are 10 ms; two CPUs
            return new CpuSample(busyNanos / 10_000_000, 2 * t / 10_000_000, 2, (long) (before * 1.8 + after * 0.5), t);
        };
        Plan plan = Plans.withLoad("  users: 1\n  warmup: 1s\n  duration: 2s", "");
        java.util.concurrent.atomic.AtomicBoolean firstRequest = new java.util.concurrent.atomic.AtomicBoolean(true);
        FakeDriver driver = new FakeDriver((request, c) -> {
            if (firstRequest.getAndSet(false)) {
                clock.awaitSleeper(5_000); // the conductor must see the window open, however busy the machine
            }
            long send = c.nanoTime();
            clock.advance(10 * MS);
            return Outcome.success(Timings.of(send, c.nanoTime()));
        });
        RunResult result = new RunEngine(clock, cpu).run(plan, driver, new RunListener() { }, new RunControl());

        CpuFigures step = result.steps().get(0).cpu();
        assertThat(step.cores()).isEqualTo(2);
        assertThat(step.processCores()).isCloseTo(0.5, within(0.02));
        assertThat(step.otherCores()).isCloseTo(1.0, within(0.02));
        assertThat(step.warning()).startsWith("other processes used ")
                .endsWith(" of a core during this step; the figures may be distorted");
        assertThat(result.overall().cpu().processCores()).isEqualTo(step.processCores());
        assertThat(result.overall().cpu().warning()).contains("during the run");
        // every interval has its own figures: the warm-up's show this process alone
        IntervalSnapshot first = result.intervals().get(0);
        assertThat(first.phase()).isEqualTo(IntervalSnapshot.Phase.WARMUP);
        assertThat(first.cpuProcess()).isCloseTo(1.8, within(0.05));
        assertThat(first.cpuOther()).isCloseTo(0.0, within(0.05));
        assertThat(result.intervals().get(result.intervals().size() - 1).cpuOther()).isCloseTo(1.0, within(0.05));
    }

    @Test
    void withoutCpuReadingsTheFiguresAreNull() {
        FakeClock clock = FakeClock.stepped();
        RunResult result = new RunEngine(clock, CpuSource.NONE).run(Plans.withLoad("  users: 1\n  duration: 1s", ""),
                FakeDriver.taking(clock, 10 * MS), new RunListener() { }, new RunControl());
        assertThat(result.steps().get(0).cpu()).isNull();
        assertThat(result.overall().cpu()).isNull();
        assertThat(result.intervals()).allSatisfy(i -> {
            assertThat(i.cpuProcess()).isNull();
            assertThat(i.cpuOther()).isNull();
        });
    }

    @Test
    void aDriversOwnFiguresJoinEachStepAndTheirThresholds() {
        FakeClock clock = FakeClock.stepped();
        org.HdrHistogram.Histogram e2e = new org.HdrHistogram.Histogram(3);
        e2e.recordValue(150_000);
        FakeDriver driver = FakeDriver.taking(clock, 10 * MS).withStepFigures(new dev.benchdeck.engine.driver.StepFigures(
                java.util.Map.of("e2e", e2e), java.util.Map.of("lost", 1L, "duplicated", 0L)));
        Plan plan = Plans.withLoad("  duration: 1s\n  steps: [{users: 1}, {users: 1}]",
                "thresholds: ['lost = 0', 'duplicated = 0', 'e2e.p99 < 200ms per step']");
        RunResult result = run(clock, plan, driver);

        assertThat(result.steps()).allSatisfy(s -> {
            assertThat(s.counts()).containsEntry("lost", 1L);
            assertThat(s.metric("e2e.p99")).isBetween(149.0, 151.0);
        });
        assertThat(result.overall().counts()).containsEntry("lost", 2L).containsEntry("duplicated", 0L);
        assertThat(result.overall().latencies().get("e2e").summary().count()).isEqualTo(2);
        assertThat(result.verdicts()).extracting(ThresholdVerdict::passed).containsExactly(false, true, true, true);
    }

    @Test
    void stepsOfASweepRunInTurnWithTheirOwnUsers() {
        FakeClock clock = FakeClock.stepped();
        FakeDriver driver = FakeDriver.taking(clock, 10 * MS);
        Plan plan = Plans.withLoad("  duration: 1s\n  steps: [{users: 1}, {users: 1, duration: 3s}]", "");
        RunResult result = run(clock, plan, driver);

        assertThat(result.steps()).extracting(StepResult::label).containsExactly("users=1", "users=1");
        assertThat(result.steps()).extracting(StepResult::requests).containsExactly(100L, 300L);
        assertThat(result.overall().requests()).isEqualTo(400);
        assertThat(result.overall().measuredSeconds()).isEqualTo(4.0);
        assertThat(driver.sessionsClosed()).isEqualTo(driver.sessionsOpened()).isEqualTo(2);
        assertThat(result.intervals()).extracting(IntervalSnapshot::step).contains(0, 1);
    }

    @Test
    void closedStepEndsOnItsRequestCount() {
        FakeClock clock = FakeClock.stepped();
        FakeDriver driver = FakeDriver.taking(clock, 10 * MS);
        Plan plan = Plans.withLoad("  users: 1\n  requests: 50", "");
        StepResult step = run(clock, plan, driver).steps().get(0);
        assertThat(step.requests()).isEqualTo(50);
        // the window closes at the start of the 50th request: 0.49 s, later only if a stalled test machine made the fake clock jump
        assertThat(step.measuredSeconds()).isBetween(0.49, 1.6);
    }

    @Test
    void openModelKeepsItsPaceAndExcludesWarmup() {
        FakeClock clock = FakeClock.jumping();
        List<Long> sends = new CopyOnWriteArrayList<>();
        FakeDriver driver = new FakeDriver((request, c) -> {
            long now = c.nanoTime();
            sends.add(now);
            return Outcome.success(Timings.of(now, now));
        });
        Plan plan = Plans.withLoad("  model: open\n  rate: 100\n  warmup: 1s\n  duration: 2s", "");
        RunResult result = run(clock, plan, driver);

        StepResult step = result.steps().get(0);
        assertThat(sends).hasSize(300); // 1 s of warm-up and 2 s measured, at 100/s
        assertThat(step.requests()).isEqualTo(200);
        assertThat(step.dropped()).isZero();
        assertThat(step.throughput()).isEqualTo(100.0);
    }

    /**
     * The real clock, but the open-model dispatcher wakes {@code lateNanos} after each arrival's time (a fake
     * clock would jump past the requests' own reading of the time, so their lag could not be pinned).
     */
    private static EngineClock slowDispatcher(EngineClock clock, long lateNanos) {
        return oversleeping(clock, "bd-dispatcher"::equals, lateNanos);
    }

    /** {@code clock}, but threads whose name {@code sleeper} accepts wake {@code lateNanos} after each deadline. */
    private static EngineClock oversleeping(EngineClock clock, java.util.function.Predicate<String> sleeper, long lateNanos) {
        return new EngineClock() {
            @Override
            public long nanoTime() {
                return clock.nanoTime();
            }

            @Override
            public long currentTimeMillis() {
                return clock.currentTimeMillis();
            }

            @Override
            public void sleepUntil(long deadline) throws InterruptedException {
                clock.sleepUntil(sleeper.test(Thread.currentThread().getName()) ? deadline + lateNanos : deadline);
            }
        };
    }

    @Test
    void closedModelUsersThatOversleepTheirThinkTimeFlagTheStepAsSaturated() {
        FakeDriver instant = new FakeDriver((request, c) -> {
            long now = c.nanoTime();
            return Outcome.success(Timings.of(now, now));
        });
        Plan plan = Plans.withLoad("  model: closed\n  users: 1\n  think_time: 10ms\n  duration: 1s", "");
        FakeClock keeping = FakeClock.jumping();
        StepResult kept = run(keeping, plan, instant).steps().get(0);
        assertThat(kept.latencies().get(StepResult.THINK_LAG).summary().max()).isZero();
        assertThat(kept.requests()).isEqualTo(100);
        assertThat(kept.generatorSaturated()).isFalse();

        // each think time ends 5 ms late: a third fewer requests than the plan asks for, and the step says why
        FakeClock late = FakeClock.jumping();
        RunResult result = run(oversleeping(late, name -> name.startsWith("bd-user-"), 5 * MS), plan, instant);
        StepResult step = result.steps().get(0);
        var lag = step.latencies().get(StepResult.THINK_LAG).summary();
        assertThat(lag.min()).isEqualTo(5.0);
        assertThat(lag.count()).isBetween(step.requests() - 1, step.requests());
        assertThat(step.requests()).isBetween(66L, 67L);
        assertThat(step.latencies()).doesNotContainKey(StepResult.SCHEDULE_LAG);
        assertThat(step.generatorSaturated()).isTrue();
        assertThat(result.overall().generatorSaturated()).isTrue();
        assertThat(result.intervals()).filteredOn(i -> i.completed() > 0).isNotEmpty()
                .allSatisfy(i -> assertThat(i.lagP99()).isCloseTo(5.0, within(0.01)));
    }

    @Test
    void aSlowedDispatchersScheduleLagIsRecordedAndFlagsTheStepAsSaturated() {
        EngineClock clock = slowDispatcher(EngineClock.system(), 5 * MS);
        FakeDriver driver = new FakeDriver((request, c) -> {
            long now = c.nanoTime();
            return Outcome.success(Timings.of(now, now));
        });
        List<IntervalSnapshot> intervals = new CopyOnWriteArrayList<>();
        Plan plan = Plans.withLoad("  model: open\n  rate: 100\n  duration: 1s", "");
        RunResult result = new RunEngine(clock).run(plan, driver, new RunListener() {
            @Override
            public void interval(IntervalSnapshot snapshot) {
                intervals.add(snapshot);
            }
        }, new RunControl());

        StepResult step = result.steps().get(0);
        var lag = step.latencies().get(StepResult.SCHEDULE_LAG).summary();
        assertThat(lag.count()).isEqualTo(step.requests()).isPositive();
        // every request began at least 5 ms after its intended start (a busy machine only adds to it): over the 1 ms limit
        assertThat(lag.min()).isGreaterThanOrEqualTo(4.9);
        assertThat(step.latency().summary().min()).isGreaterThanOrEqualTo(4.9);
        assertThat(step.generatorSaturated()).isTrue();
        assertThat(result.overall().generatorSaturated()).isTrue();
        assertThat(intervals).filteredOn(i -> i.completed() > 0).isNotEmpty()
                .allSatisfy(i -> assertThat(i.lagP99()).isGreaterThanOrEqualTo(4.9));
    }

    @Test
    void aClosedModelHasNoScheduleLag() {
        FakeClock stepped = FakeClock.stepped();
        StepResult closed = run(stepped, Plans.withLoad("  model: closed\n  users: 2\n  duration: 1s", ""), FakeDriver.taking(stepped, 10 * MS))
                .steps().get(0);
        assertThat(closed.latencies()).doesNotContainKey(StepResult.SCHEDULE_LAG);
        assertThat(closed.generatorSaturated()).isFalse();
    }

    @Test
    void openModelDropsArrivalsBeyondMaxInFlight() {
        FakeClock clock = FakeClock.jumping();
        FakeDriver driver = new FakeDriver((request, c) -> {
            long send = c.nanoTime();
            Thread.sleep(300); // real time: the whole second of arrivals is dispatched meanwhile
            return Outcome.success(Timings.of(send, c.nanoTime()));
        });
        Plan plan = Plans.withLoad("  model: open\n  rate: 100\n  duration: 1s\n  max_in_flight: 5", "");
        StepResult step = run(clock, plan, driver).steps().get(0);
        assertThat(step.requests()).isEqualTo(5);
        assertThat(step.dropped()).isEqualTo(95);
    }

    @Test
    void classifiesFailuresAndKeepsSamples() {
        FakeClock clock = FakeClock.stepped();
        FakeDriver driver = new FakeDriver((request, c) -> {
            long send = c.nanoTime();
            clock.advance(MS);
            Timings t = Timings.of(send, c.nanoTime());
            if (request.sequence() % 10 == 0) {
                return Outcome.failure(ErrorClasses.HTTP_5XX, "HTTP 503", t);
            }
            if (request.sequence() % 10 == 1) {
                throw new IllegalStateException("driver bug");
            }
            return Outcome.success(t);
        });
        Plan plan = Plans.withLoad("  users: 1\n  requests: 100", "thresholds: ['error_rate < 10%', 'errors <= 20']");
        RunResult result = run(clock, plan, driver);
        StepResult step = result.steps().get(0);
        assertThat(step.errorsByClass()).containsEntry(ErrorClasses.HTTP_5XX, 10L).containsEntry(ErrorClasses.INTERNAL, 10L);
        assertThat(step.errorRate()).isEqualTo(0.2);
        assertThat(step.errorSamples()).hasSize(10).extracting(s -> s.message()).contains("HTTP 503");
        assertThat(result.verdicts()).extracting(v -> v.passed()).containsExactly(false, true);
    }

    @Test
    void cancellationStopsWithinASecondAndKeepsWhatWasMeasured() throws Exception {
        FakeDriver driver = new FakeDriver((request, c) -> {
            long send = c.nanoTime();
            Thread.sleep(5);
            return Outcome.success(Timings.of(send, c.nanoTime()));
        });
        Plan plan = Plans.withLoad("  users: 4\n  duration: 60s", "");
        RunControl control = new RunControl();
        Thread canceller = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            control.cancel();
        });
        long start = System.nanoTime();
        RunResult result = new RunEngine(EngineClock.system()).run(plan, driver, new RunListener() { }, control);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        canceller.join();

        assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(result.steps().get(0).partial()).isTrue();
        assertThat(result.overall().partial()).isTrue();
        assertThat(tookMs).isLessThan(1500);
        assertThat(result.steps()).hasSize(1);
        assertThat(result.steps().get(0).requests()).isPositive();
        assertThat(result.steps().get(0).errors()).isZero(); // aborted requests are not failures
        assertThat(result.steps().get(0).measuredSeconds()).isBetween(0.4, 1.5);
    }

    @Test
    void aRunPastItsDeadlineStopsAndSaysSo() {
        FakeClock clock = FakeClock.stepped();
        FakeDriver driver = FakeDriver.taking(clock, 10 * MS);
        Plan plan = Plans.withLoad("  steps: [{users: 1, duration: 2s}, {users: 1, duration: 10s}]", "deadline: 5s");
        RunResult result = run(clock, plan, driver);
        assertThat(result.status()).isEqualTo(RunStatus.TIMED_OUT);
        assertThat(result.steps()).hasSize(2);
        assertThat(result.steps().get(1).measuredSeconds()).isCloseTo(3.0, within(0.05));
        assertThat(result.steps()).extracting(StepResult::partial).containsExactly(false, true);
        assertThat(result.overall().partial()).isTrue();
    }

    @Test
    void emitsAnIntervalEverySecond() {
        FakeClock clock = FakeClock.stepped();
        FakeDriver driver = FakeDriver.taking(clock, 10 * MS);
        List<IntervalSnapshot> seen = new CopyOnWriteArrayList<>();
        Plan plan = Plans.withLoad("  users: 1\n  warmup: 2s\n  duration: 3s", "");
        new RunEngine(clock).run(plan, driver, new RunListener() {
            @Override
            public void interval(IntervalSnapshot snapshot) {
                seen.add(snapshot);
            }
        }, new RunControl());
        // which second a request lands in depends on when the conductor thread runs; the totals do not
        assertThat(seen).hasSizeBetween(5, 7);
        assertThat(seen.get(0).phase()).isEqualTo(IntervalSnapshot.Phase.WARMUP);
        assertThat(seen.get(seen.size() - 1).phase()).isEqualTo(IntervalSnapshot.Phase.MEASURE);
        assertThat(seen.stream().mapToDouble(IntervalSnapshot::intervalSeconds).sum()).isBetween(5.0, 6.2);
        assertThat(seen.stream().mapToLong(IntervalSnapshot::completed).sum()).isBetween(500L, 501L);
    }

    @Test
    void aDriverThatCannotOpenFailsTheRunBeforeAnyLoad() {
        Plan plan = Plans.withLoad("  users: 1", "");
        RunResult result = new RunEngine(EngineClock.system()).run(plan, clock -> {
            throw new dev.benchdeck.engine.driver.DriverException(ErrorClasses.CONNECT, "cannot connect to fake://x");
        }, new RunListener() { }, new RunControl());
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.failure()).isEqualTo("cannot connect to fake://x");
        assertThat(result.steps()).isEmpty();
    }

    @Test
    void setupRunsBeforeTheFirstStepAndItsLastReportsAreKept() {
        FakeClock clock = FakeClock.stepped();
        List<String> events = new CopyOnWriteArrayList<>();
        FakeDriver driver = FakeDriver.taking(clock, 10 * MS).withSetup(setup -> {
            events.add("peak " + setup.peakConcurrency());
            for (int i = 1; i <= 10; i++) {
                clock.advance(100 * MS);
                setup.progress("load", "loading rows", i * 100L, 1000, "rows", i == 10);
            }
            setup.progress("index", "primary key", 0, 0, "", true);
        }).withGauges(java.util.Map.of("pool.total", 4.0));
        RunListener listener = new RunListener() {
            @Override
            public void setupProgress(dev.benchdeck.engine.record.SetupProgress progress) {
                events.add(progress.phase() + ":" + progress.done());
            }

            @Override
            public void stepStarted(int step, String label) {
                events.add("step " + step);
            }
        };
        RunResult result = new RunEngine(clock).run(Plans.withLoad("  duration: 1s\n  steps: [{users: 1}, {users: 3}]", ""),
                driver, listener, new RunControl());

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        // throttled to one report per 250 ms of the phase, but the first and the finished one always go out
        assertThat(events).startsWith("peak 3", "load:100").contains("load:1000", "index:0", "step 0");
        assertThat(events.indexOf("index:0")).isLessThan(events.indexOf("step 0"));
        assertThat(events).hasSizeLessThan(10);
        assertThat(result.setup()).hasSize(2);
        assertThat(result.setup().get(0).done()).isEqualTo(1000);
        assertThat(result.setup().get(0).ratePerSecond()).isCloseTo(1000 / 0.9, within(1.0));
        assertThat(result.setup().get(0).fraction()).isEqualTo(1.0);
        // intervals count from the end of setup, and carry the driver's gauges
        // (the first step starts with the run, so without that the run clock would be a second ahead)
        assertThat(result.intervals()).filteredOn(i -> i.step() == 0).isNotEmpty()
                .allSatisfy(i -> assertThat(i.elapsedSeconds()).isCloseTo(i.stepElapsedSeconds(), within(0.05)));
        assertThat(result.intervals()).allSatisfy(i -> assertThat(i.gauges()).containsEntry("pool.total", 4.0));
    }

    @Test
    void aSetupProblemFailsTheRunBeforeAnyLoad() {
        FakeClock clock = FakeClock.stepped();
        FakeDriver driver = FakeDriver.taking(clock, 10 * MS).withSetup(setup -> {
            throw new dev.benchdeck.engine.driver.DriverException("setup", "table t has the wrong shape");
        });
        RunResult result = run(clock, Plans.withLoad("  users: 1\n  duration: 2s", ""), driver);
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.failure()).isEqualTo("table t has the wrong shape");
        assertThat(result.steps()).isEmpty();
        assertThat(driver.sessionsOpened()).isZero();
    }

    @Test
    void aRunCancelledDuringSetupEndsCancelledWithoutSteps() {
        FakeClock clock = FakeClock.stepped();
        RunControl control = new RunControl();
        FakeDriver driver = FakeDriver.taking(clock, 10 * MS).withSetup(setup -> {
            control.cancel();
            if (setup.cancelled()) {
                throw new InterruptedException("cancelled");
            }
        });
        RunResult result = new RunEngine(clock).run(Plans.withLoad("  users: 1\n  duration: 2s", ""), driver,
                new RunListener() { }, control);
        assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(result.steps()).isEmpty();
        Thread.interrupted(); // the engine re-asserts the interrupt; clear it for the next test
    }

    @Test
    void aRunStopsWhenAStepsErrorRatePassesMaxErrorRate() {
        FakeClock clock = FakeClock.stepped();
        // three requests in five fail: 60 %
        FakeDriver driver = new FakeDriver((request, c) -> {
            long send = c.nanoTime();
            clock.advance(10 * MS);
            Timings t = Timings.of(send, c.nanoTime());
            return request.sequence() % 5 < 3 ? Outcome.failure(ErrorClasses.HTTP_5XX, "HTTP 503", t) : Outcome.success(t);
        });
        Plan plan = Plans.withLoad("  duration: 5s\n  steps: [{users: 1}, {users: 2}]", "max_error_rate: 50%");
        RunResult result = run(clock, plan, driver);

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.failure())
                .matches("stopped: error rate 6\\d\\.\\d% over \\d+ requests of step users=1 passed max_error_rate 50\\.0%");
        // checked every second and at the step's end: the second step never starts
        assertThat(result.steps()).hasSize(1);
        assertThat(result.steps().get(0).measuredSeconds()).isLessThanOrEqualTo(5.0);
        assertThat(result.steps().get(0).errorRate()).isCloseTo(0.6, within(0.02));
        // stopped at a tick mid-step it is partial; stopped by the check at its end it ran whole (which one depends on timing)
        StepResult first = result.steps().get(0);
        if (first.measuredSeconds() < 5.0) {
            assertThat(first.partial()).as("cut short").isTrue();
        }
        if (!first.partial()) {
            assertThat(first.measuredSeconds()).as("whole").isEqualTo(5.0);
        } // a stop at the tick that falls on the step's very end is partial with 5.0 s measured
        assertThat(result.overall().partial()).isTrue(); // the second step never ran

        // below the limit the run completes
        RunResult fine = run(FakeClock.stepped(), Plans.withLoad("  duration: 1s\n  users: 1", "max_error_rate: 0.7"),
                FakeDriver.taking(FakeClock.stepped(), MS));
        assertThat(fine.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(fine.steps().get(0).partial()).isFalse();
        assertThat(fine.overall().partial()).isFalse();
    }
}
