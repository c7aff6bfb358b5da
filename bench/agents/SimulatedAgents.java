import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchdeck.cli.agent.AgentClient;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.record.StepRecorder;
import dev.benchdeck.engine.result.EnvironmentInfo;
import dev.benchdeck.engine.result.ResultMerger;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.RunStatus;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.engine.shard.AgentMessages;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * bench/agents (issue 17), section fanin: N simulated load agents in one JVM, each speaking the agents' protocol with
 * the CLI's own {@link AgentClient} exactly as {@code benchdeck agent} does (register, clock exchange, a heartbeat a
 * second, the shard at the common start instant, one interval a second with its compressed histograms on one
 * sender thread, the step, the end), but recording synthetic outcomes into the engine's {@link StepRecorder}
 * instead of sending requests: the server's side of a 50-agent run without 50 load generators on a 2-core box.
 * Meanwhile a WebSocket client subscribed to the run (as the dashboard is) times each merged interval from the
 * moment the last agent began sending its part to its arrival.
 *
 * <pre>
 * java -cp cli/target/benchdeck.jar bench/agents/SimulatedAgents.java --server URL --agents 50 --seconds 60 \
 *     --rate-per-agent 200 --out result.json          # token in BENCHDECK_AGENT_TOKEN (scope run)
 * </pre>
 */
public class SimulatedAgents {

    static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>(Map.of("--agents", "50", "--seconds", "60", "--rate-per-agent", "200",
                "--jitter-ms", "20", "--out", "simulated-agents.json"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i], args[i + 1]);
        }
        URI server = URI.create(opt.get("--server"));
        String token = System.getenv("BENCHDECK_AGENT_TOKEN");
        int count = Integer.parseInt(opt.get("--agents"));
        int seconds = Integer.parseInt(opt.get("--seconds"));
        int ratePerAgent = Integer.parseInt(opt.get("--rate-per-agent"));
        int jitterMs = Integer.parseInt(opt.get("--jitter-ms"));
        String pool = "sim-" + Long.toHexString(System.nanoTime());

        // sendStart[k][i]: µs since the epoch when agent i began sending its interval k (0-based)
        long[][] sendStart = new long[seconds + 5][count];
        long[][] sendDone = new long[seconds + 5][count];
        List<SimAgent> agents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SimAgent agent = new SimAgent(new AgentClient(server, token), "sim-" + i, pool, i, ratePerAgent, seconds, jitterMs,
                    sendStart, sendDone);
            agent.register();
            agents.add(agent);
        }
        agents.forEach(SimAgent::startHeartbeats);
        log(count + " agents registered (label pool=" + pool + "), heartbeats running");

        Api api = new Api(server, token);
        long targetId = -1;
        for (JsonNode target : api.get("/api/v1/targets")) {
            if (target.get("name").asText().equals("Benchdeck demo endpoints")) {
                targetId = target.get("id").asLong();
            }
        }
        int totalRate = ratePerAgent * count;
        String plan = "workload: {driver: http, path: /hello}\n"
                + "load: {model: open, rate: " + totalRate + ", duration: " + seconds + "s}\n"
                + "agents: {count: " + count + ", labels: {pool: " + pool + "}}\n";
        JsonNode scenario = api.post("/api/v1/scenarios", Map.of("name", count + " simulated agents " + pool, "target_id", targetId,
                "plan_yaml", plan));
        long runId = api.post("/api/v1/scenarios/" + scenario.get("id").asLong() + "/runs", null).get("id").asLong();

        // the browser's side: subscribed before the shards start (the start is 2 s after the claim)
        ConcurrentLinkedQueue<long[]> arrivals = new ConcurrentLinkedQueue<>(); // {µs since epoch, completed}
        CountDownLatch subscribed = new CountDownLatch(1);
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(URI.create(server.toString().replaceFirst("^http", "ws") + "/api/v1/live"), new Listener(arrivals, subscribed))
                .get(10, TimeUnit.SECONDS);
        socket.sendText("{\"subscribe\": " + runId + "}", true).get(5, TimeUnit.SECONDS);
        if (!subscribed.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no snapshot on the live socket for run " + runId);
        }
        log("run " + runId + ": " + count + " agents x " + ratePerAgent + " req/s simulated for " + seconds + " s; live socket subscribed");

        JsonNode run;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 120);
        do {
            Thread.sleep(500);
            try {
                run = api.get("/api/v1/runs/" + runId);
            } catch (IllegalStateException e) {
                log("polling the run: " + e.getMessage()); // a 503 while the database is away: keep polling
                run = JSON.readTree("{\"status\": \"unknown\"}");
            }
        } while (!List.of("completed", "failed", "cancelled").contains(run.get("status").asText()) && System.nanoTime() < deadline);
        Thread.sleep(500);
        agents.forEach(SimAgent::stop);
        socket.abort();

        long startedMicros = agents.stream().mapToLong(a -> a.startMicros).min().orElse(0);
        long endedMicros = agents.stream().mapToLong(a -> a.endMicros).max().orElse(0);
        List<long[]> got = new ArrayList<>(arrivals);
        List<Map<String, Object>> intervals = new ArrayList<>();
        for (long[] arrival : got) {
            int k = (int) arrival[2] - 1;
            if (k < 0 || k >= seconds) {
                continue;
            }
            long last = Long.MIN_VALUE, first = Long.MAX_VALUE, lastDone = Long.MIN_VALUE;
            for (int i = 0; i < count; i++) {
                last = Math.max(last, sendStart[k][i]);
                first = Math.min(first, sendStart[k][i]);
                lastDone = Math.max(lastDone, sendDone[k][i]);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("k", k + 1);
            row.put("arrived_us", arrival[0]);
            row.put("completed", arrival[1]);
            row.put("last_send_start_us", last);
            row.put("first_send_start_us", first);
            row.put("last_send_done_us", lastDone);
            intervals.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run_id", runId);
        out.put("status", run.get("status").asText());
        out.put("failure", run.path("failure").asText(null));
        out.put("agents", count);
        out.put("rate_per_agent", ratePerAgent);
        out.put("seconds", seconds);
        out.put("jitter_ms", jitterMs);
        out.put("started_us", startedMicros);
        out.put("ended_us", endedMicros);
        out.put("interval_bytes_mean", agents.stream().mapToDouble(a -> a.bytesSent.get() / (double) Math.max(1, a.intervalsSent.get())).average().orElse(0));
        out.put("send_failures", agents.stream().mapToInt(a -> a.failures.get()).sum());
        out.put("expected_per_interval", (long) ratePerAgent * count);
        out.put("intervals", intervals);
        out.put("run", run);
        JSON.writerWithDefaultPrettyPrinter().writeValue(new File(opt.get("--out")), out);
        log("run " + runId + " " + run.get("status").asText() + "; " + got.size() + " merged intervals on the socket; " + opt.get("--out"));
        System.exit(0);
    }

    static void log(String s) {
        System.err.printf("[simulated-agents %tT] %s%n", System.currentTimeMillis(), s);
    }

    /** Collects the merged intervals pushed for the run: arrival time (µs since the epoch) and completed count. */
    record Listener(ConcurrentLinkedQueue<long[]> arrivals, CountDownLatch subscribed) implements WebSocket.Listener {
        static final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            long now = AgentMessages.nowMicros();
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    String type = message.path("type").asText();
                    if (type.equals("snapshot")) {
                        subscribed.countDown();
                    } else if (type.equals("interval")) {
                        // which second it is: the merge's elapsed_seconds is the latest agent's, k s plus its jitter
                        JsonNode interval = message.get("interval");
                        arrivals.add(new long[] {now, interval.get("completed").asLong(), Math.round(interval.get("elapsed_seconds").asDouble())});
                    }
                } catch (Exception e) {
                    log("unreadable live message: " + e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    /** The few API calls the scenario needs, with the same token. */
    record Api(URI server, String token, HttpClient http) {
        Api(URI server, String token) {
            this(server, token, HttpClient.newHttpClient());
        }

        JsonNode get(String path) throws Exception {
            return send(HttpRequest.newBuilder(server.resolve(path)).GET());
        }

        JsonNode post(String path, Object body) throws Exception {
            return send(HttpRequest.newBuilder(server.resolve(path)).header("Content-Type", "application/json")
                    .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        }

        private JsonNode send(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> r = http.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(r.uri() + ": HTTP " + r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body());
        }
    }

    /** One agent: the real client, a heartbeat thread, and a shard that records synthetic outcomes. */
    static final class SimAgent {
        final AgentClient client;
        final AgentMessages.Registration registration;
        final int index, rate, seconds, jitterMs;
        final long[][] sendStart, sendDone;
        final LinkedBlockingQueue<AgentMessages.Assignment> assignments = new LinkedBlockingQueue<>();
        final ExecutorService sender = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().unstarted(r));
        final AtomicInteger failures = new AtomicInteger(), intervalsSent = new AtomicInteger();
        final java.util.concurrent.atomic.AtomicLong bytesSent = new java.util.concurrent.atomic.AtomicLong();
        volatile long agentId, startMicros, endMicros;
        volatile AgentClient.ClockOffset clock;
        volatile Long currentRun;
        volatile boolean stopping;

        SimAgent(AgentClient client, String name, String pool, int index, int rate, int seconds, int jitterMs, long[][] sendStart, long[][] sendDone) {
            this.client = client;
            this.index = index;
            this.rate = rate;
            this.seconds = seconds;
            this.jitterMs = jitterMs;
            this.sendStart = sendStart;
            this.sendDone = sendDone;
            this.registration = new AgentMessages.Registration(name, Map.of("pool", pool), 1, 1L << 30,
                    EnvironmentInfo.current().benchdeckVersion(), AgentMessages.PROTOCOL);
        }

        void register() throws Exception {
            agentId = client.register(registration).agentId();
            clock = client.clockOffset();
        }

        void startHeartbeats() {
            Thread.ofPlatform().daemon().name("hb-" + index).start(() -> {
                while (!stopping) {
                    try {
                        AgentMessages.HeartbeatReply reply = client.heartbeat(agentId,
                                new AgentMessages.Heartbeat(clock.offsetMicros(), clock.roundTripMicros(), currentRun));
                        if (reply.assignment() != null) {
                            assignments.add(reply.assignment());
                            Thread.ofPlatform().daemon().name("shard-" + index).start(this::runShard);
                        }
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            });
        }

        void stop() {
            stopping = true;
        }

        private void runShard() {
            try {
                AgentMessages.Assignment a = assignments.take();
                long runId = a.runId();
                currentRun = runId;
                long startLocal = a.startAtMillis() - clock.offsetMicros() / 1000;
                Thread.sleep(Math.max(0, startLocal - System.currentTimeMillis()));
                startMicros = AgentMessages.nowMicros();
                long runStart = System.nanoTime();
                long startMillis = System.currentTimeMillis();
                StepRecorder recorder = new StepRecorder(runStart);
                SplittableRandom random = new SplittableRandom(index * 7919L + runId);
                // each agent's interval timer fires a little apart from the others' (engines, clocks, schedulers)
                long jitterNanos = jitterMs == 0 ? 0 : random.nextLong(TimeUnit.MILLISECONDS.toNanos(jitterMs));
                for (int k = 1; k <= seconds && !stopping; k++) {
                    long tick = runStart + TimeUnit.SECONDS.toNanos(k) + jitterNanos;
                    long wait = tick - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    record(recorder, random, runStart + TimeUnit.SECONDS.toNanos(k - 1));
                    IntervalSnapshot snapshot = recorder.interval(System.nanoTime(), runStart, 1.0, 0, "1", IntervalSnapshot.Phase.MEASURE,
                            0, Map.of(), null);
                    AgentMessages.ShardIntervals batch = new AgentMessages.ShardIntervals(
                            List.of(AgentMessages.ShardInterval.of(snapshot, recorder.lastIntervalHistograms())));
                    int slot = k - 1;
                    sender.execute(() -> {
                        sendStart[slot][index] = AgentMessages.nowMicros();
                        try {
                            client.intervals(agentId, runId, batch);
                            bytesSent.addAndGet(JSON.writeValueAsBytes(batch).length);
                            intervalsSent.incrementAndGet();
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                        sendDone[slot][index] = AgentMessages.nowMicros();
                    });
                }
                recorder.close();
                StepResult step = recorder.result(0, "1", seconds, false, null);
                RunResult result = new RunResult("simulated", RunStatus.COMPLETED, null, startMillis, System.currentTimeMillis(),
                        EnvironmentInfo.current(), List.of(step), ResultMerger.merge("overall", List.of(step)), List.of(), List.of(), List.of());
                CompletableFuture<Void> ended = new CompletableFuture<>();
                sender.execute(() -> {
                    try {
                        client.step(agentId, runId, step);
                        client.end(agentId, runId, new AgentMessages.ShardEnd(result, null));
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    ended.complete(null);
                });
                ended.get(30, TimeUnit.SECONDS);
                endMicros = AgentMessages.nowMicros();
            } catch (Exception e) {
                failures.incrementAndGet();
                log("agent " + index + ": " + e);
            } finally {
                currentRun = null;
            }
        }

        /**
         * One second of an open model at {@code rate}: arrivals spread over the second, schedule lag of a few µs and
         * a log-normal latency around 0.4 ms with a tail, like a small static file over loopback.
         */
        private void record(StepRecorder recorder, SplittableRandom random, long secondStart) {
            long spacing = TimeUnit.SECONDS.toNanos(1) / rate;
            for (int r = 0; r < rate; r++) {
                long intended = secondStart + r * spacing;
                long lag = 2_000 + (long) (random.nextDouble() * random.nextDouble() * 200_000);
                double z = random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5; // roughly normal
                long latency = (long) (400_000 * Math.exp(0.9 * z)) + (random.nextInt(1000) == 0 ? 20_000_000 : 0);
                recorder.started();
                recorder.record(intended, new Outcome.Success(new Timings(intended + lag, intended + lag + latency / 2,
                        intended + lag + latency, Timings.NONE), Outcome.NO_EVENTS, null, null), true, true);
            }
        }
    }
}
