package dev.benchdeck.server.agent;

import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.record.SetupProgress;
import dev.benchdeck.engine.result.ResultMerger;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.engine.shard.AgentMessages;
import dev.benchdeck.engine.shard.IntervalMerger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A run split over agents, as its coordinator holds it: what each shard has sent, and how far the merge has got.
 * The n-th interval of the run is merged once every shard still running has sent its n-th (a shard that ended or
 * was lost has sent all it will); a step, once every such shard has finished it. Thread-safe: agents' requests add
 * to it while the coordinator drains it.
 */
final class ShardedRun {

    final long runId;
    final List<ShardState> shards;
    volatile boolean cancelled;
    private int mergedIntervals;
    private int mergedSteps;
    private final List<SetupProgress> setup = new ArrayList<>();
    /** The whole plan's step labels ("users=4"), not a shard's ("users=2"). */
    private final List<String> stepLabels;
    private final Semaphore news = new Semaphore(0);

    ShardedRun(long runId, List<ShardState> shards, List<String> stepLabels) {
        this.runId = runId;
        this.shards = List.copyOf(shards);
        this.stepLabels = List.copyOf(stepLabels);
    }

    /** One agent's part: its assignment and what it has sent. */
    static final class ShardState {
        final int index;
        final AgentView agent;
        final AgentMessages.Assignment assignment;
        volatile boolean delivered;
        volatile long lastSeenNanos;
        volatile AgentMessages.@Nullable ShardEnd end;
        volatile @Nullable Instant lostAt;
        final List<AgentMessages.ShardInterval> intervals = new ArrayList<>();
        final Map<Integer, StepResult> steps = new HashMap<>();

        ShardState(int index, AgentView agent, AgentMessages.Assignment assignment, long now) {
            this.index = index;
            this.agent = agent;
            this.assignment = assignment;
            this.lastSeenNanos = now;
        }

        boolean finished() {
            return end != null || lostAt != null;
        }

        /** The result it ended with, or null (lost, not ended yet, or it could not run). */
        @Nullable RunResult result() {
            AgentMessages.ShardEnd e = end;
            return e == null ? null : e.result();
        }
    }

    synchronized void addIntervals(ShardState shard, List<AgentMessages.ShardInterval> sent, List<SetupProgress> progress) {
        shard.intervals.addAll(sent);
        setup.addAll(progress);
        news.release();
    }

    /** Waits until a shard sent something, at most {@code timeout}. */
    void awaitNews(Duration timeout) throws InterruptedException {
        if (news.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            news.drainPermits();
        }
    }

    /** Setup progress the shards reported since the last call, in the order it came. */
    synchronized List<SetupProgress> takeSetup() {
        List<SetupProgress> taken = List.copyOf(setup);
        setup.clear();
        return taken;
    }

    synchronized void addStep(ShardState shard, StepResult step) {
        shard.steps.put(step.index(), step);
        news.release();
    }

    synchronized void end(ShardState shard, AgentMessages.ShardEnd end) {
        if (end.result() != null) {
            end.result().steps().forEach(step -> shard.steps.put(step.index(), step));
        }
        shard.end = end;
        news.release();
    }

    boolean allFinished() {
        return shards.stream().allMatch(ShardState::finished);
    }

    /** The merged intervals that are complete now; with {@code flush}, also those some shard never sent. */
    synchronized List<IntervalSnapshot> readyIntervals(boolean flush) {
        List<IntervalSnapshot> ready = new ArrayList<>();
        while (true) {
            int n = mergedIntervals;
            List<AgentMessages.ShardInterval> parts = new ArrayList<>();
            boolean waiting = false;
            for (ShardState shard : shards) {
                if (shard.intervals.size() > n) {
                    parts.add(shard.intervals.get(n));
                } else if (!shard.finished()) {
                    waiting = true;
                }
            }
            if (parts.isEmpty() || waiting && !flush) {
                return ready;
            }
            // one shard: its own second as it measured it (nothing to add up, and the generator's CPU figures kept)
            ready.add(shards.size() == 1 ? parts.getFirst().snapshot() : IntervalMerger.merge(parts));
            mergedIntervals++;
        }
    }

    /** The merged steps that are complete now, in order; with {@code flush}, also those some shard never finished. */
    synchronized List<StepResult> readySteps(boolean flush) {
        List<StepResult> ready = new ArrayList<>();
        while (true) {
            int i = mergedSteps;
            List<StepResult> parts = new ArrayList<>();
            boolean waiting = false, missing = false;
            for (ShardState shard : shards) {
                StepResult step = shard.steps.get(i);
                if (step != null) {
                    parts.add(step);
                } else if (!shard.finished()) {
                    waiting = true;
                } else {
                    missing = true;
                }
            }
            if (parts.isEmpty() || waiting && !flush) {
                return ready;
            }
            // a shard that ended or was lost without the step (or, flushed, never sent it): the merge is partial
            boolean partial = missing || waiting;
            String label = i < stepLabels.size() ? stepLabels.get(i) : parts.getFirst().label();
            ready.add(shards.size() == 1 && !partial ? parts.getFirst() : ResultMerger.concurrent(i, label, parts, partial));
            mergedSteps++;
        }
    }
}
