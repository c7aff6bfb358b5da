package dev.benchdeck.cli.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.engine.driver.DriverSpec;
import dev.benchdeck.engine.driver.Drivers;
import dev.benchdeck.engine.load.RunControl;
import dev.benchdeck.engine.load.RunEngine;
import dev.benchdeck.engine.plan.InvalidPlanException;
import dev.benchdeck.engine.plan.Plan;
import dev.benchdeck.engine.plan.PlanReader;
import dev.benchdeck.engine.record.IntervalHistograms;
import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.record.RunListener;
import dev.benchdeck.engine.record.SetupProgress;
import dev.benchdeck.engine.result.EnvironmentInfo;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.engine.shard.AgentMessages;
import dev.benchdeck.engine.time.EngineClock;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A load agent: registers, sends a heartbeat each second (on its own thread, also while a shard runs), and runs each
 * shard it is given at the run's start instant (converted to its own clock by the measured offset). What a shard
 * measures is sent as it comes, in order, on one sender thread: each second's interval with its histograms, each
 * step, then the end with the whole result.
 */
public final class LoadAgent {

    private static final long HEARTBEAT_MILLIS = 1000;
    private static final int SEND_ATTEMPTS = 5;

    private final AgentClient client;
    private final AgentMessages.Registration registration;
    private final PrintStream out;
    private final LinkedBlockingQueue<AgentMessages.Assignment> assignments = new LinkedBlockingQueue<>();
    private volatile long agentId;
    private volatile AgentClient.ClockOffset clock = new AgentClient.ClockOffset(0, 0);
    private volatile Long currentRun;
    private volatile RunControl currentControl;
    private volatile boolean stopping;

    public LoadAgent(AgentClient client, String name, Map<String, String> labels, PrintStream out) {
        this.client = client;
        this.out = out;
        long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        this.registration = new AgentMessages.Registration(name, labels, Runtime.getRuntime().availableProcessors(), memory,
                EnvironmentInfo.current().benchdeckVersion(), AgentMessages.PROTOCOL);
    }

    /** Registers and measures the clock; a refusal (bad token, other version) is thrown, not retried. */
    public void register() throws IOException, InterruptedException, ServerRefusedException {
        AgentMessages.Registered registered = client.register(registration);
        agentId = registered.agentId();
        try {
            clock = client.clockOffset();
        } catch (ServerRefusedException e) {
            if (!e.isTemporary()) {
                throw e;
            }
            // registered all the same; the clock is measured again before each run
            out.println("agent: the server is busy (" + e.getMessage() + "); the clock is measured before the first run");
        }
        out.printf("agent %s registered as %d with a server of Benchdeck %s; clock offset %.3f ms (round trip %.3f ms)%n",
                registration.name(), agentId, registered.serverVersion(), clock.offsetMicros() / 1000.0, clock.roundTripMicros() / 1000.0);
    }

    /** Serves shards until stopped, or after the first one with {@code once}. */
    public void serve(boolean once) throws InterruptedException {
        Thread heartbeats = Thread.ofPlatform().daemon().name("agent-heartbeat").start(this::heartbeats);
        try {
            while (!stopping) {
                AgentMessages.Assignment assignment = assignments.poll(500, TimeUnit.MILLISECONDS);
                if (assignment != null) {
                    runShard(assignment);
                    if (once) {
                        return;
                    }
                }
            }
        } finally {
            stopping = true;
            heartbeats.interrupt();
        }
    }

    /** Stops: the shard running now ends cancelled (what it measured is still sent). */
    public void stop() {
        stopping = true;
        RunControl control = currentControl;
        if (control != null) {
            control.cancel();
        }
    }

    private void heartbeats() {
        boolean warned = false;
        while (!stopping) {
            try {
                AgentMessages.HeartbeatReply reply = client.heartbeat(agentId,
                        new AgentMessages.Heartbeat(clock.offsetMicros(), clock.roundTripMicros(), currentRun));
                warned = false;
                if (reply.assignment() != null) {
                    assignments.add(reply.assignment());
                }
                RunControl control = currentControl;
                if (reply.cancel() && control != null) {
                    control.cancel();
                }
            } catch (ServerRefusedException e) {
                if (e.status() == 404) {
                    reRegister();
                } else if (!warned) {
                    out.println("agent: the server refused a heartbeat: " + e.getMessage());
                    warned = true;
                }
            } catch (IOException e) {
                if (!warned) {
                    out.println("agent: cannot reach the server (" + e.getMessage() + "); trying again each second");
                    warned = true;
                }
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(HEARTBEAT_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The server no longer knows this agent (its database was reset): register again under a new id. */
    private void reRegister() {
        try {
            register();
        } catch (IOException | ServerRefusedException e) {
            out.println("agent: cannot register again: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runShard(AgentMessages.Assignment assignment) throws InterruptedException {
        long runId = assignment.runId();
        String shard = (assignment.shardIndex() + 1) + " of " + assignment.shardCount();
        ExecutorService sender = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("agent-sender").unstarted(r));
        RunControl control = new RunControl();
        currentControl = control;
        currentRun = runId;
        try {
            try {
                clock = client.clockOffset();
            } catch (IOException | ServerRefusedException e) {
                out.println("agent: cannot measure the clock before run " + runId + " (" + e.getMessage() + "); keeping the last offset");
            }
            PlanReader reader = new PlanReader(Drivers.discover());
            Plan plan;
            DriverSpec spec;
            try {
                plan = reader.read(assignment.plan());
                spec = reader.driverSpec(plan);
            } catch (InvalidPlanException e) {
                out.println("agent: run " + runId + " shard " + shard + ": the plan does not work here: " + e.getMessage());
                send(sender, runId, "end", () -> client.end(agentId, runId, new AgentMessages.ShardEnd(null, "invalid plan here: " + e.getMessage())));
                return;
            }
            long startLocalMillis = assignment.startAtMillis() - clock.offsetMicros() / 1000;
            long wait = startLocalMillis - System.currentTimeMillis();
            out.printf("agent: run %d, shard %s, starts in %.1f s%n", runId, shard, Math.max(0, wait) / 1000.0);
            if (wait > 0) {
                Thread.sleep(wait);
            }
            RunResult result = new RunEngine(EngineClock.system()).run(plan, spec, streaming(sender, runId), control);
            // the intervals went one by one; the end carries the steps and figures
            RunResult end = new RunResult(result.plan(), result.status(), result.failure(), result.startedAtMillis(), result.endedAtMillis(),
                    result.environment(), result.steps(), result.overall(), result.verdicts(), List.of(), result.setup());
            send(sender, runId, "end", () -> client.end(agentId, runId, new AgentMessages.ShardEnd(end, null)));
            out.printf("agent: run %d, shard %s, %s: %d requests%n", runId, shard, result.status().name().toLowerCase(java.util.Locale.ROOT),
                    result.overall() == null ? 0 : result.overall().requests());
        } finally {
            sender.shutdown();
            sender.awaitTermination(30, TimeUnit.SECONDS);
            currentRun = null;
            currentControl = null;
        }
    }

    private RunListener streaming(ExecutorService sender, long runId) {
        return new RunListener() {
            @Override
            public void interval(IntervalSnapshot snapshot, IntervalHistograms histograms) {
                AgentMessages.ShardIntervals batch = new AgentMessages.ShardIntervals(List.of(AgentMessages.ShardInterval.of(snapshot, histograms)));
                send(sender, runId, "interval", () -> client.intervals(agentId, runId, batch));
            }

            @Override
            public void setupProgress(SetupProgress progress) {
                AgentMessages.ShardIntervals report = new AgentMessages.ShardIntervals(List.of(), List.of(progress));
                send(sender, runId, "setup progress", () -> client.intervals(agentId, runId, report));
            }

            @Override
            public void stepFinished(StepResult step) {
                send(sender, runId, "step", () -> client.step(agentId, runId, step));
            }
        };
    }

    private interface Call {
        void run() throws IOException, InterruptedException, ServerRefusedException;
    }

    /** Sends in order on the sender thread, trying again a few times while the server is away. */
    private void send(ExecutorService sender, long runId, String what, Call call) {
        sender.execute(() -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    call.run();
                    return;
                } catch (ServerRefusedException e) {
                    if (e.isTemporary() && attempt < SEND_ATTEMPTS) {
                        // busy for now (its request limit, its database): the same as a network hiccup
                        if (!pause(attempt)) {
                            return;
                        }
                        continue;
                    }
                    out.println("agent: run " + runId + ": the server refused the " + what + ": " + e.getMessage());
                    if (e.status() == 409 || e.status() == 404) {
                        // counted lost, or the run is over there: nothing more of it is wanted
                        RunControl control = currentControl;
                        if (control != null) {
                            control.cancel();
                        }
                    }
                    return;
                } catch (IOException e) {
                    if (attempt == SEND_ATTEMPTS) {
                        out.println("agent: run " + runId + ": could not send the " + what + " (" + e.getMessage() + ")");
                        return;
                    }
                    if (!pause(attempt)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Waits before another attempt (longer each time); false when interrupted. */
    private static boolean pause(int attempt) {
        try {
            Thread.sleep(500L * attempt);
            return true;
        } catch (InterruptedException interrupted) {
            return false;
        }
    }
}
