package dev.benchdeck.server.run;

import dev.benchdeck.engine.driver.DriverSpec;
import dev.benchdeck.engine.load.RunControl;
import dev.benchdeck.engine.load.RunEngine;
import dev.benchdeck.engine.plan.InvalidPlanException;
import dev.benchdeck.engine.plan.Plan;
import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.record.RunListener;
import dev.benchdeck.engine.record.SetupProgress;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.RunStatus;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.engine.time.EngineClock;
import dev.benchdeck.engine.shard.AgentsSpec;
import dev.benchdeck.server.agent.AgentCoordinator;
import dev.benchdeck.server.agent.LocalAgents;
import dev.benchdeck.server.live.LiveFeed;
import dev.benchdeck.server.result.ResultRepository;
import dev.benchdeck.server.scenario.PlanAssembler;
import dev.benchdeck.server.system.Json;
import dev.benchdeck.server.target.TargetSecrets;
import dev.benchdeck.server.target.TargetService;
import dev.benchdeck.server.telemetry.TelemetrySampler;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Executes one queued run on the calling (scheduler worker) thread: claims it, runs the engine,
 * stores each interval and step as it comes and pushes it to the live feed, then stores the result.
 */
@Component
class RunExecutor {

    private static final Logger log = LoggerFactory.getLogger(RunExecutor.class);
    private static final int END_ATTEMPTS = 60;
    private static final Duration END_RETRY = Duration.ofSeconds(1);

    private final RunRepository runs;
    private final ResultRepository results;
    private final PlanAssembler assembler;
    private final TargetService targets;
    private final LiveFeed feed;
    private final TelemetrySampler telemetry;
    private final ApplicationEventPublisher events;
    private final AgentCoordinator agents;
    private final LocalAgents localAgents;
    private final Map<Long, RunControl> controls = new ConcurrentHashMap<>();
    private volatile boolean shuttingDown;

    RunExecutor(RunRepository runs, ResultRepository results, PlanAssembler assembler, TargetService targets, LiveFeed feed,
                TelemetrySampler telemetry, ApplicationEventPublisher events, AgentCoordinator agents, LocalAgents localAgents) {
        this.agents = agents;
        this.localAgents = localAgents;
        this.telemetry = telemetry;
        this.events = events;
        this.runs = runs;
        this.results = results;
        this.assembler = assembler;
        this.targets = targets;
        this.feed = feed;
    }

    /**
     * Runs it; whatever goes wrong (an exception, an {@link Error} such as a stack overflow, the
     * database gone), the run ends {@code failed} with the reason, so it never stays {@code running}.
     */
    void execute(long runId) {
        RunControl control = new RunControl();
        // registered before the claim, so that a cancel arriving in between reaches the engine
        controls.put(runId, control);
        try {
            if (!runs.markRunning(runId)) {
                log.info("Run {} is no longer queued; not running it", runId);
                return;
            }
            run(runId, control);
        } catch (Throwable e) {
            log.error("Run {} failed", runId, e);
            fail(runId, "internal error: " + e.getClass().getSimpleName() + " (see the server log)");
        } finally {
            controls.remove(runId);
        }
    }

    private void run(long runId, RunControl control) {
        feed.started(runId);
        feed.status(runId, RunState.RUNNING, false);
        RunSummary run = runs.find(runId).orElseThrow();
        String planYaml = runs.planYaml(runId).orElseThrow();
        Plan plan;
        DriverSpec spec;
        try {
            plan = assembler.forExecution(planYaml, run.targetId() == null ? TargetSecrets.NONE : targets.secrets(run.targetId()));
            spec = assembler.reader().driverSpec(plan);
        } catch (InvalidPlanException e) {
            fail(runId, "invalid plan: " + e.getMessage());
            return;
        }
        log.info("Run {} ({}) started", runId, run.scenarioName());
        RunResult result;
        try (TelemetrySampler.Recording sampling = telemetry.start(runId, run.targetId())) {
            StoringListener listener = new StoringListener(runId, sampling);
            if (plan.distributed()) {
                result = agents.run(runId, plan, listener, control);
            } else {
                Optional<AgentsSpec> local = localAgents.spec();
                result = local.isPresent() ? agents.run(runId, plan, local.get(), listener, control)
                        : new RunEngine(EngineClock.system()).run(plan, spec, listener, control);
            }
        }
        RunState status = shuttingDown && result.status() == RunStatus.CANCELLED ? RunState.INTERRUPTED : RunState.of(result.status());
        RunResult stored = result.status() == RunStatus.TIMED_OUT && result.failure() == null
                ? withFailure(result, "stopped at the plan's deadline") : result;
        recordEnd(runId, () -> runs.finish(runId, status, stored));
        feed.status(runId, status, true);
        events.publishEvent(new RunEnded(runId, status));
        log.info("Run {} {}", runId, status);
        if (status == RunState.COMPLETED) {
            events.publishEvent(new RunCompleted(runId));
        }
    }

    /** Stops a run executing here; false when it is not executing here. */
    boolean cancel(long runId) {
        RunControl control = controls.get(runId);
        if (control == null) {
            return false;
        }
        control.cancel();
        return true;
    }

    /** The server is stopping: runs executing here stop now, keep what they measured and end {@code interrupted}. */
    void stopAll() {
        shuttingDown = true;
        controls.values().forEach(RunControl::cancel);
    }

    Set<Long> executingHere() {
        return Set.copyOf(controls.keySet());
    }

    private void fail(long runId, String failure) {
        recordEnd(runId, () -> runs.fail(runId, failure));
        feed.status(runId, RunState.FAILED, true);
        events.publishEvent(new RunEnded(runId, RunState.FAILED));
    }

    /**
     * Stores how a run ended, trying again while the database is away (the embedded one is restarted
     * within seconds); a run whose end could not be stored at all stays cancellable.
     */
    private void recordEnd(long runId, Runnable store) {
        for (int attempt = 1; ; attempt++) {
            try {
                store.run();
                // ended as far as anyone can read: a cancel from now on is a 409, not a cancel of what already ended
                controls.remove(runId);
                return;
            } catch (RuntimeException e) {
                if (attempt == END_ATTEMPTS || shuttingDown) {
                    log.error("Run {}: cannot store how it ended ({}); cancel it to end it", runId, e.getMessage());
                    return;
                }
                log.warn("Run {}: cannot store how it ended yet ({}); trying again", runId, e.getMessage());
                try {
                    Thread.sleep(END_RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static RunResult withFailure(RunResult r, String failure) {
        return new RunResult(r.plan(), r.status(), failure, r.startedAtMillis(), r.endedAtMillis(), r.environment(),
                r.steps(), r.overall(), r.verdicts(), r.intervals(), r.setup());
    }

    /** Writes what the engine reports as it comes, so that a crash loses at most the current second. */
    private final class StoringListener implements RunListener {
        private final long runId;
        private int intervalSeq;
        private int errorSeq;
        private final TelemetrySampler.Recording sampling;

        StoringListener(long runId, TelemetrySampler.Recording sampling) {
            this.runId = runId;
            this.sampling = sampling;
        }

        @Override
        public void interval(IntervalSnapshot snapshot) {
            sampling.align(snapshot.elapsedSeconds());
            String json = Json.write(snapshot);
            results.insertInterval(runId, intervalSeq++, json);
            feed.interval(runId, json);
        }

        @Override
        public void setupProgress(SetupProgress progress) {
            feed.setup(runId, progress.phase(), Json.write(progress));
        }

        @Override
        public void stepFinished(StepResult step) {
            String json = Json.write(step);
            results.insertStep(runId, step.index(), json);
            results.insertErrors(runId, errorSeq, step.errorSamples());
            errorSeq += step.errorSamples().size();
            feed.step(runId, json);
        }
    }
}
