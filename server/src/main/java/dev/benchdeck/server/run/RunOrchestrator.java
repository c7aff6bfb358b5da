package dev.benchdeck.server.run;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.benchdeck.server.live.LiveFeed;
import dev.benchdeck.server.scenario.PlanAssembler;
import dev.benchdeck.server.scenario.Scenario;
import dev.benchdeck.server.scenario.ScenarioService;
import dev.benchdeck.server.security.CurrentActor;
import dev.benchdeck.server.system.ConflictException;
import dev.benchdeck.server.system.NotFoundException;
import dev.benchdeck.server.audit.AuditLog;
import dev.benchdeck.server.system.BenchdeckProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Queues runs on db-scheduler, cancels them, and recovers what a dead process left behind. */
@Service
public class RunOrchestrator {

    private static final Logger log = LoggerFactory.getLogger(RunOrchestrator.class);

    private final RunRepository runs;
    private final ScenarioService scenarios;
    private final RunExecutor executor;
    private final LiveFeed feed;
    private final OneTimeTask<Void> task;
    private final ObjectProvider<Scheduler> scheduler;
    private final JdbcClient jdbc;
    private final SchedulerName schedulerName;
    private final AuditLog audit;
    private final Duration heartbeat;

    RunOrchestrator(RunRepository runs, ScenarioService scenarios, RunExecutor executor, LiveFeed feed,
                    OneTimeTask<Void> runTask, ObjectProvider<Scheduler> scheduler, JdbcClient jdbc, SchedulerName schedulerName,
                    AuditLog audit, BenchdeckProperties properties) {
        this.heartbeat = properties.runs().heartbeat();
        this.runs = runs;
        this.scenarios = scenarios;
        this.executor = executor;
        this.feed = feed;
        this.task = runTask;
        this.scheduler = scheduler;
        this.jdbc = jdbc;
        this.schedulerName = schedulerName;
        this.audit = audit;
    }

    /**
     * Queues a run of the scenario's plan as it is now, with the labels given (already checked); 422 when the plan no
     * longer validates, 409 for a history-only scenario.
     */
    public RunSummary trigger(long scenarioId, Map<String, String> labels) {
        Scenario scenario = scenarios.get(scenarioId);
        if (scenario.historyOnly()) {
            throw new ConflictException("scenario " + scenarioId + " holds uploaded history only (benchdeck run --upload); "
                    + "it has no target to run against");
        }
        PlanAssembler.AssembledPlan plan = scenarios.plan(scenario);
        long id = runs.insertQueued(scenario.id(), scenario.name(), scenario.targetId(), scenario.targetName(), plan.yaml(), CurrentActor.username(),
                requestSource(), labels);
        audit.record("run_started", "run", id, Map.of("scenario_id", scenario.id(), "scenario", scenario.name()));
        return enqueue(id);
    }

    /**
     * Queues a run for a schedule, on behalf of the schedule's creator; 422 when the scenario's plan no longer
     * validates, 404 when the scenario is gone.
     */
    public RunSummary triggerScheduled(long scenarioId, long scheduleId, @Nullable Long ownerId, @Nullable String ownerName) {
        Scenario scenario = scenarios.get(scenarioId);
        PlanAssembler.AssembledPlan plan = scenarios.plan(scenario);
        long id = runs.insertQueued(scenario.id(), scenario.name(), scenario.targetId(), scenario.targetName(), plan.yaml(), ownerName,
                ownerId, scheduleId, "schedule", Map.of());
        audit.record("run_started", "run", id, Map.of("scenario_id", scenario.id(), "scenario", scenario.name(), "schedule_id", scheduleId));
        return enqueue(id);
    }

    /** Queues the same plan again, as it was run (not the scenario's current plan). */
    RunSummary rerun(long runId) {
        RunSummary old = find(runId);
        String plan = runs.planYaml(runId).orElseThrow();
        long id = runs.insertQueued(old.scenarioId(), old.scenarioName(), old.targetId(), old.targetName(), plan, CurrentActor.username(),
                requestSource(), old.labels());
        audit.record("run_started", "run", id, Map.of("scenario", old.scenarioName(), "rerun_of", runId));
        return enqueue(id);
    }

    /** A run started by a request: {@code api} with an API token, {@code dashboard} from a browser session. */
    private static String requestSource() {
        return CurrentActor.get().map(actor -> actor.viaToken() ? "api" : "dashboard").orElse("api");
    }

    /** Cancels a queued or running run; a running one stops within a second and keeps what it measured. */
    void cancel(long runId) {
        RunSummary run = find(runId);
        stop(runId);
        audit.record("run_cancelled", "run", runId, Map.of("scenario", run.scenarioName()));
    }

    private void stop(long runId) {
        if (executor.cancel(runId)) {
            return;
        }
        if (runs.cancelQueued(runId)) {
            try {
                scheduler.getObject().cancel(TaskInstanceId.of(task.getName(), String.valueOf(runId)));
            } catch (RuntimeException e) {
                // already picked by a worker: it will see the run is no longer queued and skip it
                log.debug("Run {}: no scheduled execution to cancel ({})", runId, e.getMessage());
            }
            feed.status(runId, RunState.CANCELLED, true);
            return;
        }
        if (executor.cancel(runId)) {
            return;
        }
        RunSummary now = find(runId);
        if (now.status() == RunState.RUNNING && !executingElsewhere(runId) && runs.cancelStuck(runId)) {
            log.warn("Run {} was marked running but executed nowhere; marked it cancelled", runId);
            feed.status(runId, RunState.CANCELLED, true);
            return;
        }
        throw new ConflictException("run " + runId + " is " + now.status() + " and cannot be cancelled"
                + (now.isFinished() ? "" : " here (another server executes it)"));
    }

    /** Deletes an ended run with everything it measured; a queued or running one must be cancelled first. */
    void delete(long runId) {
        RunSummary run = find(runId);
        if (!run.isFinished()) {
            throw new ConflictException("run " + runId + " is " + run.status() + "; cancel it first");
        }
        if (!runs.deleteFinished(runId)) {
            throw new ConflictException("run " + runId + " changed meanwhile; try again");
        }
        jdbc.sql("delete from scheduled_tasks where task_name = :task and task_instance = :id")
                .param("task", task.getName()).param("id", String.valueOf(runId)).update();
        audit.record("run_deleted", "run", runId, Map.of("scenario", run.scenarioName(), "status", run.status().value()));
    }

    /** Whether another live scheduler (its heartbeat fresh) has picked the run's execution. */
    private boolean executingElsewhere(long runId) {
        return jdbc.sql("""
                        select exists (select 1 from scheduled_tasks where task_name = :task and task_instance = :id
                          and picked and picked_by is distinct from :me and last_heartbeat > now() - cast(:alive as interval))""")
                .param("task", task.getName()).param("id", String.valueOf(runId)).param("me", schedulerName.getName())
                .param("alive", RunScheduling.alive(heartbeat).toSeconds() + " seconds")
                .query(Boolean.class).single();
    }

    RunSummary find(long runId) {
        return runs.find(runId).orElseThrow(() -> new NotFoundException("run", runId));
    }

    /**
     * Runs left {@code running} by a process that died are marked {@code interrupted} and keep their
     * intervals; their scheduler executions are removed so that nothing runs them again. Runs another
     * live replica executes are left alone.
     */
    public List<Long> recover() {
        List<Long> interrupted = runs.markInterrupted(executor.executingHere(), schedulerName.getName(), RunScheduling.alive(heartbeat));
        jdbc.sql("""
                        delete from scheduled_tasks where task_name = :task
                          and task_instance in (select id::text from runs where status not in ('queued', 'running'))""")
                .param("task", task.getName()).update();
        if (!interrupted.isEmpty()) {
            log.warn("Marked {} run(s) interrupted (the server stopped while they ran): {}", interrupted.size(), interrupted);
        }
        return interrupted;
    }

    private RunSummary enqueue(long id) {
        scheduler.getObject().schedule(task.instance(String.valueOf(id)), java.time.Instant.now());
        return find(id);
    }
}
