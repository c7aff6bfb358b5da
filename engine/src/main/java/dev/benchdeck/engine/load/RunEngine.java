package dev.benchdeck.engine.load;

import dev.benchdeck.engine.cpu.CpuSource;
import dev.benchdeck.engine.driver.Driver;
import dev.benchdeck.engine.driver.DriverException;
import dev.benchdeck.engine.driver.DriverSpec;
import dev.benchdeck.engine.plan.ClosedStep;
import dev.benchdeck.engine.plan.LoadSpec;
import dev.benchdeck.engine.plan.OpenStep;
import dev.benchdeck.engine.plan.Plan;
import dev.benchdeck.engine.plan.StepSpec;
import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.record.RunListener;
import dev.benchdeck.engine.record.SetupProgress;
import dev.benchdeck.engine.result.EnvironmentInfo;
import dev.benchdeck.engine.result.ResultMerger;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.RunStatus;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.engine.result.ThresholdEvaluator;
import dev.benchdeck.engine.time.EngineClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a plan: opens the driver, runs each step of the sweep in turn, and returns the result with
 * every measured step, the merged result and the threshold verdicts. A cancelled or timed-out run
 * still returns everything it measured.
 */
public final class RunEngine {

    private final EngineClock clock;
    private final CpuSource cpu;

    /** An engine that reads the machine's CPU use where the platform allows ({@link CpuSource#system()}). */
    public RunEngine(EngineClock clock) {
        this(clock, CpuSource.system());
    }

    public RunEngine(EngineClock clock, CpuSource cpu) {
        this.clock = clock;
        this.cpu = cpu;
    }

    public RunResult run(Plan plan, DriverSpec spec, RunListener listener, RunControl control) {
        long startedAt = clock.currentTimeMillis();
        listener.runStarted(plan);
        Driver driver;
        try {
            driver = spec.open(clock);
        } catch (DriverException e) {
            return finish(plan, listener, RunStatus.FAILED, e.getMessage(), startedAt, List.of(), List.of(), List.of());
        }
        SetupReporter setup = new SetupReporter(clock, listener, control, peakConcurrency(plan.load()));
        try {
            driver.prepare(setup);
        } catch (DriverException | RuntimeException e) {
            driver.close();
            String why = e instanceof DriverException ? e.getMessage() : "setup failed: " + e;
            return finish(plan, listener, RunStatus.FAILED, why, startedAt, List.of(), List.of(), setup.summary());
        } catch (InterruptedException e) {
            driver.close();
            Thread.currentThread().interrupt();
            return finish(plan, listener, RunStatus.CANCELLED, null, startedAt, List.of(), List.of(), setup.summary());
        }
        if (control.isCancelled()) {
            driver.close();
            return finish(plan, listener, RunStatus.CANCELLED, null, startedAt, List.of(), List.of(), setup.summary());
        }
        // Intervals and the deadline count from the end of setup: loading a table is not part of the load.
        long runStart = clock.nanoTime();
        long deadline = plan.deadline() == null ? Long.MAX_VALUE : runStart + plan.deadline().toNanos();
        AtomicLong sequence = new AtomicLong();
        List<StepResult> steps = new ArrayList<>();
        List<IntervalSnapshot> intervals = new ArrayList<>();
        RunStatus status = RunStatus.COMPLETED;
        String failure = null;
        try (driver) {
            List<? extends StepSpec> specs = plan.load().steps();
            for (int i = 0; i < specs.size(); i++) {
                StepExecution.StepEnd end = execution(plan, i, driver, runStart, deadline, sequence, listener, control,
                        spec.serviceLevels())
                        .run(intervals);
                steps.add(end.result());
                if (end.stoppedRun() != null) {
                    status = end.stoppedRun();
                    failure = end.reason();
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = RunStatus.CANCELLED;
        } catch (RuntimeException e) {
            status = RunStatus.FAILED;
            failure = "internal error: " + e;
        }
        return finish(plan, listener, status, failure, startedAt, steps, intervals, setup.summary());
    }

    private StepExecution execution(Plan plan, int index, Driver driver, long runStart, long deadline,
                                    AtomicLong sequence, RunListener listener, RunControl control,
                                    dev.benchdeck.engine.stream.ServiceLevels serviceLevels) {
        StepSpec step = plan.load().steps().get(index);
        long start = clock.nanoTime();
        long warmupStart = start + step.ramp().toNanos();
        long measureStart = warmupStart + step.warmup().toNanos();
        Duration measured = step instanceof OpenStep open ? open.measuredDuration() : step.duration();
        long measureEnd = measured == null ? Long.MAX_VALUE : measureStart + measured.toNanos();
        StepTimeline timeline = new StepTimeline(start, measureStart, Math.min(measureEnd, deadline), warmupStart,
                deadline < measureEnd);
        StepExecution.StepContext context = new StepExecution.StepContext(index, step.label(), clock, control,
                listener, driver, runStart, plan.timeout().toNanos(), step.requests(), sequence, serviceLevels,
                plan.maxErrorRate(), cpu, plan.shard());
        return switch (plan.load()) {
            case LoadSpec.Closed closed -> new ClosedStepExecution(context, timeline, (ClosedStep) step);
            case LoadSpec.Open open -> new OpenStepExecution(context, timeline, (OpenStep) step,
                    index == 0 ? 0 : open.steps().get(index - 1).rate(), open.arrival(), open.maxInFlight(),
                    plan.seed() + index, open.burstiness());
        };
    }

    private RunResult finish(Plan plan, RunListener listener, RunStatus status, String failure, long startedAt,
                             List<StepResult> steps, List<IntervalSnapshot> intervals,
                             List<SetupProgress> setup) {
        StepResult overall = steps.isEmpty() ? null
                : ResultMerger.merge("overall", steps, steps.size() < plan.load().steps().size());
        RunResult result = new RunResult(plan.name(), status, failure, startedAt, clock.currentTimeMillis(),
                EnvironmentInfo.current(), steps, overall,
                status == RunStatus.FAILED ? List.of() : ThresholdEvaluator.evaluate(plan.thresholds(), steps, overall),
                intervals, setup);
        listener.runFinished(result);
        return result;
    }

    private static int peakConcurrency(LoadSpec load) {
        return switch (load) {
            case LoadSpec.Closed closed -> closed.steps().stream().mapToInt(ClosedStep::users).max().orElse(1);
            case LoadSpec.Open open -> open.maxInFlight();
        };
    }
}
