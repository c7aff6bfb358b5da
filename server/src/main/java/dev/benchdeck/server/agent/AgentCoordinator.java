package dev.benchdeck.server.agent;

import dev.benchdeck.engine.load.RunControl;
import dev.benchdeck.engine.plan.Plan;
import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.record.RunListener;
import dev.benchdeck.engine.record.SetupProgress;
import dev.benchdeck.engine.result.EnvironmentInfo;
import dev.benchdeck.engine.result.ResultMerger;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.RunStatus;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.engine.result.ThresholdEvaluator;
import dev.benchdeck.engine.shard.AgentMessages;
import dev.benchdeck.engine.shard.AgentsSpec;
import dev.benchdeck.engine.shard.PlanSharder;
import dev.benchdeck.engine.shard.Shard;
import dev.benchdeck.server.system.Json;
import dev.benchdeck.server.system.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Executes a run split over agents, on the run's worker thread: claims free agents that carry the plan's labels
 * (failing with the reason when they do not come in time), hands each its shard through its next heartbeat with one
 * shared start instant, merges what they send into the run's intervals and steps as it arrives (exactly: histograms
 * added), marks an agent silent for 5 s lost, and builds the run's result from the merged steps.
 */
@Service
public class AgentCoordinator {

    private static final Logger log = LoggerFactory.getLogger(AgentCoordinator.class);
    private static final Duration POLL = Duration.ofMillis(100);
    /** Time for every agent to get its shard (heartbeats come each second) before the common start. */
    private static final Duration START_LEAD = Duration.ofSeconds(2);

    private final AgentRepository agents;
    private final Duration waitForAgents;
    private final Map<Long, ShardedRun> runs = new ConcurrentHashMap<>();
    private final Map<Long, ShardedRun.ShardState> byAgent = new ConcurrentHashMap<>();

    AgentCoordinator(AgentRepository agents, @Value("${benchdeck.agents.wait:60s}") Duration waitForAgents) {
        this.agents = agents;
        this.waitForAgents = waitForAgents;
    }

    /** Runs the plan on its agents and returns the merged result; the listener sees merged intervals and steps. */
    public RunResult run(long runId, Plan plan, RunListener listener, RunControl control) {
        return run(runId, plan, java.util.Objects.requireNonNull(plan.agents(), "a plan with agents"), listener, control);
    }

    /** Runs the plan on the agents the spec asks for (the plan's own, or the server's local agent for a plan without). */
    public RunResult run(long runId, Plan plan, AgentsSpec spec, RunListener listener, RunControl control) {
        long startedAt = System.currentTimeMillis();
        List<AgentView> claimed;
        try {
            claimed = claim(runId, spec, control);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result(plan, RunStatus.CANCELLED, null, startedAt, List.of(), List.of(), null);
        }
        if (claimed == null) {
            return control.isCancelled() ? result(plan, RunStatus.CANCELLED, null, startedAt, List.of(), List.of(), null)
                    : result(plan, RunStatus.FAILED, noAgents(spec), startedAt, List.of(), List.of(), null);
        }
        long startAt = System.currentTimeMillis() + START_LEAD.toMillis();
        List<ShardedRun.ShardState> states = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i++) {
            Shard shard = new Shard(i, claimed.size());
            AgentMessages.Assignment assignment = new AgentMessages.Assignment(runId, i, shard.count(),
                    PlanSharder.shard(plan.source(), shard), startAt);
            agents.insertShard(runId, i, shard.count(), claimed.get(i));
            states.add(new ShardedRun.ShardState(i, claimed.get(i), assignment, System.nanoTime()));
        }
        ShardedRun run = new ShardedRun(runId, states, plan.load().steps().stream().map(dev.benchdeck.engine.plan.StepSpec::label).toList());
        runs.put(runId, run);
        states.forEach(s -> byAgent.put(s.agent.id(), s));
        log.info("Run {}: {} shard(s) on agent(s) {}", runId, states.size(),
                claimed.stream().map(AgentView::name).collect(Collectors.joining(", ")));
        try {
            return follow(run, plan, spec, listener, control, startAt);
        } finally {
            runs.remove(runId);
            states.forEach(s -> byAgent.remove(s.agent.id(), s));
            release(runId);
        }
    }

    private RunResult follow(ShardedRun run, Plan plan, AgentsSpec spec, RunListener listener, RunControl control, long startAt) {
        List<IntervalSnapshot> intervals = new ArrayList<>();
        List<StepResult> steps = new ArrayList<>();
        String failure = null;
        RunStatus status = null;
        while (!run.allFinished()) {
            try {
                // woken as soon as a shard sends something, so that a second is merged when its last part comes
                run.awaitNews(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                run.cancelled = true;
                status = RunStatus.CANCELLED;
                break;
            }
            if (control.isCancelled() && !run.cancelled) {
                run.cancelled = true;
                status = RunStatus.CANCELLED;
            }
            for (ShardedRun.ShardState shard : run.shards) {
                if (!shard.finished() && System.nanoTime() - shard.lastSeenNanos > AgentMessages.SILENCE_LIMIT.toNanos()) {
                    shard.lostAt = Instant.now();
                    String why = "agent " + shard.agent.name() + " (shard " + (shard.index + 1) + " of " + run.shards.size()
                            + ") was lost at " + shard.lostAt + ": silent for " + AgentMessages.SILENCE_LIMIT.toSeconds() + " s";
                    log.warn("Run {}: {}", run.runId, why);
                    agents.shardStatus(run.runId, shard.index, "lost", why, null);
                    failure = failure == null ? why : failure + "; " + why;
                    if (spec.onLoss() == AgentsSpec.OnAgentLoss.FAIL && status == null) {
                        status = RunStatus.FAILED;
                        run.cancelled = true;
                    }
                }
                AgentMessages.ShardEnd end = shard.end;
                if (end != null && end.failure() != null && status == null) {
                    status = RunStatus.FAILED;
                    failure = "agent " + shard.agent.name() + ": " + end.failure();
                    run.cancelled = true;
                }
            }
            run.takeSetup().forEach(listener::setupProgress);
            emit(run.readyIntervals(false), run.readySteps(false), intervals, steps, listener);
        }
        emit(run.readyIntervals(true), run.readySteps(true), intervals, steps, listener);
        if (status == null) {
            List<RunResult> ended = endedResults(run);
            status = ended.stream().map(RunResult::status).filter(s -> s != RunStatus.COMPLETED).findFirst().orElse(RunStatus.COMPLETED);
            if (failure == null) {
                failure = ended.stream().map(RunResult::failure).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            }
        }
        EnvironmentInfo environment = endedResults(run).stream().map(RunResult::environment).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        boolean anyLost = run.shards.stream().anyMatch(s -> s.lostAt != null);
        RunResult own = run.shards.size() == 1 && !anyLost ? run.shards.getFirst().result() : null;
        // one shard that ended: its own figures, verdicts and setup, as a run in this process would have them
        RunResult result = own != null
                ? new RunResult(plan.name(), status, failure, own.startedAtMillis(), own.endedAtMillis(), own.environment(), steps,
                        own.overall(), own.verdicts(), intervals, own.setup(), own.labels())
                : result(plan, status, failure, startAt, steps, intervals, environment, anyLost || steps.size() < plan.load().steps().size());
        listener.runFinished(result);
        return result;
    }

    private static List<RunResult> endedResults(ShardedRun run) {
        return run.shards.stream().map(ShardedRun.ShardState::result).filter(java.util.Objects::nonNull).toList();
    }

    private static void emit(List<IntervalSnapshot> newIntervals, List<StepResult> newSteps, List<IntervalSnapshot> intervals,
                             List<StepResult> steps, RunListener listener) {
        for (IntervalSnapshot interval : newIntervals) {
            intervals.add(interval);
            listener.interval(interval);
        }
        for (StepResult step : newSteps) {
            steps.add(step);
            listener.stepFinished(step);
        }
    }

    private RunResult result(Plan plan, RunStatus status, @Nullable String failure, long startedAt, List<StepResult> steps,
                             List<IntervalSnapshot> intervals, @Nullable EnvironmentInfo environment) {
        return result(plan, status, failure, startedAt, steps, intervals, environment, false);
    }

    private RunResult result(Plan plan, RunStatus status, @Nullable String failure, long startedAt, List<StepResult> steps,
                             List<IntervalSnapshot> intervals, @Nullable EnvironmentInfo environment, boolean incomplete) {
        StepResult overall = steps.isEmpty() ? null : ResultMerger.merge("overall", steps, incomplete);
        return new RunResult(plan.name(), status, failure, startedAt, System.currentTimeMillis(),
                environment == null ? EnvironmentInfo.current() : environment, steps, overall,
                status == RunStatus.FAILED || overall == null ? List.of() : ThresholdEvaluator.evaluate(plan.thresholds(), steps, overall),
                intervals, List.of());
    }

    /** Frees the run's agents, trying again while the database is away (a claimed agent would never be free again). */
    private void release(long runId) {
        for (int attempt = 1; ; attempt++) {
            try {
                agents.release(runId);
                return;
            } catch (RuntimeException e) {
                if (attempt == 5) {
                    log.warn("Run {}: could not free its agents ({}); they count as free once the run has ended", runId, e.toString());
                    return;
                }
                try {
                    Thread.sleep(1_000L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Claims {@code count} free agents with the labels, waiting for them; null when they did not come in time (or a cancel). */
    private @Nullable List<AgentView> claim(long runId, AgentsSpec spec, RunControl control) throws InterruptedException {
        long deadline = System.nanoTime() + waitForAgents.toNanos();
        while (!control.isCancelled()) {
            // a local run takes only agents no user registered (the local key's): nobody else may carry their label
            List<AgentView> candidates = spec.labels().containsKey(LocalAgents.LABEL) ? agents.freeUnowned() : agents.free();
            List<AgentView> free = candidates.stream().filter(a -> eligible(a, spec)).limit(spec.count()).toList();
            if (free.size() == spec.count() && agents.claim(runId, free.stream().map(AgentView::id).toList())) {
                return free;
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            Thread.sleep(250);
        }
        return null;
    }

    /** Whether the agent may take a shard of such a plan: it carries the labels; a server's local agents only its local runs. */
    private static boolean eligible(AgentView agent, AgentsSpec spec) {
        boolean localRun = spec.labels().containsKey(LocalAgents.LABEL);
        return agent.carries(spec.labels()) && localRun == LocalAgents.isLocal(agent);
    }

    private String noAgents(AgentsSpec spec) {
        if (spec.labels().containsKey(LocalAgents.LABEL)) {
            return "the server's local agent did not come within " + waitForAgents.toSeconds() + " s; its log is in the data "
                    + "directory's logs/ (benchdeck.agents.local=false runs plans inside the server instead)";
        }
        List<AgentView> all = agents.list();
        long online = all.stream().filter(AgentView::online).filter(a -> eligible(a, spec)).count();
        long free = agents.free().stream().filter(a -> eligible(a, spec)).count();
        String labels = spec.labels().isEmpty() ? "" : " with labels " + spec.labels().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(", "));
        return "the plan asks for " + spec.count() + " agents" + labels + "; after waiting " + waitForAgents.toSeconds() + " s, "
                + online + " are online and " + free + " free (start more with `benchdeck agent --server URL --token T`)";
    }

    /** A heartbeat from an agent: its shard to run (once), and whether its run should stop. */
    AgentMessages.HeartbeatReply heartbeat(long agentId, AgentMessages.Heartbeat heartbeat) {
        ShardedRun.ShardState shard = byAgent.get(agentId);
        if (shard != null) {
            // alive as soon as it is heard: a slow database must not make the server count its agents lost
            shard.lastSeenNanos = System.nanoTime();
        }
        if (!agents.touch(agentId, heartbeat.clockOffsetMicros(), heartbeat.roundTripMicros())) {
            throw new NotFoundException("agent", agentId);
        }
        if (shard == null) {
            // a run this server no longer coordinates (or never did): the agent should stop it
            return new AgentMessages.HeartbeatReply(null, heartbeat.runId() != null);
        }
        ShardedRun run = runs.get(shard.assignment.runId());
        boolean cancel = run == null || run.cancelled || shard.lostAt != null;
        if (!shard.delivered && !cancel) {
            try {
                agents.shardStatus(shard.assignment.runId(), shard.index, "running", null, null);
            } catch (RuntimeException e) {
                // the breakdown's status only: the shard must still get going, or the run would wait for it forever
                log.warn("Run {}: could not record shard {} running ({})", shard.assignment.runId(), shard.index, e.toString());
            }
            shard.delivered = true;
            return new AgentMessages.HeartbeatReply(shard.assignment, false);
        }
        return new AgentMessages.HeartbeatReply(null, cancel);
    }

    void intervals(long agentId, long runId, List<AgentMessages.ShardInterval> intervals, List<SetupProgress> setup) {
        ShardedRun.ShardState shard = shard(agentId, runId);
        runs.get(runId).addIntervals(shard, intervals, setup);
    }

    void step(long agentId, long runId, StepResult step) {
        ShardedRun.ShardState shard = shard(agentId, runId);
        runs.get(runId).addStep(shard, step);
    }

    void end(long agentId, long runId, AgentMessages.ShardEnd end) {
        ShardedRun.ShardState shard = shard(agentId, runId);
        runs.get(runId).end(shard, end);
        agents.shardStatus(runId, shard.index, end.failure() == null ? "finished" : "failed", end.failure(),
                end.result() == null ? null : Json.write(end.result()));
    }

    List<ShardView> shards(long runId) {
        return agents.shards(runId);
    }

    private ShardedRun.ShardState shard(long agentId, long runId) {
        ShardedRun.ShardState shard = byAgent.get(agentId);
        if (shard == null || shard.assignment.runId() != runId || !runs.containsKey(runId)) {
            throw new NotFoundException("run " + runId + " has no shard on agent " + agentId + " coordinated here");
        }
        if (shard.lostAt != null) {
            throw new dev.benchdeck.server.system.ConflictException("agent " + agentId + " was counted lost at " + shard.lostAt
                    + "; what it sends now is not part of run " + runId);
        }
        shard.lastSeenNanos = System.nanoTime();
        return shard;
    }

    /** Whether this replica coordinates a shard of the agent's. */
    boolean coordinatesAgent(long agentId) {
        return byAgent.containsKey(agentId);
    }

    Optional<ShardedRun> running(long runId) {
        return Optional.ofNullable(runs.get(runId));
    }
}
