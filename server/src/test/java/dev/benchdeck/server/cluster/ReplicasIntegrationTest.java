package dev.benchdeck.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.benchdeck.cli.agent.AgentClient;
import dev.benchdeck.cli.agent.LoadAgent;
import dev.benchdeck.embeddedpg.EmbeddedPostgres;
import dev.benchdeck.server.headless.HeadlessCommands;
import dev.benchdeck.server.live.LiveMessageCollector;
import dev.benchdeck.server.system.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two server replicas, each a process of its own, on one PostgreSQL: a run is coordinated by the replica whose
 * scheduler picked it and watched live through the other; agents may call either (the other hands their calls on); a
 * replica restarting spares the run its peer executes; killing the coordinating replica (SIGKILL) leaves the run to the
 * survivor, which marks it {@code interrupted} with what was stored.
 */
class ReplicasIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String SECRET_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private static Path home;
    private static EmbeddedPostgres postgres;
    private static HttpServer target;
    private static Replica first;
    private static Replica second;
    private static String token;
    private static long targetId;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        home = Files.createTempDirectory("benchdeck-replicas-");
        postgres = EmbeddedPostgres.start(home.resolve("postgres"), 0, true);
        target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        target.createContext("/hello", exchange -> {
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        target.start();
        first = Replica.start("first");
        first.awaitReady();
        // the first replica has made the schema: the admin and a token as docs/deploy.md makes them
        Map<String, String> env = new HashMap<>(databaseEnv());
        env.put("HOME", home.toString());
        assertThat(headless(env, "correct horse battery staple\n", "users", "add", "alice", "--role", "admin")).startsWith("created admin alice");
        token = headless(env, "", "tokens", "create", "--user", "alice", "--scopes", "read,run,admin", "--expires", "1d").strip();
        second = Replica.start("second");
        second.awaitReady();
        JsonNode created = first.post("/api/v1/targets", Json.write(Map.of("name", "replicas' target", "kind", "http",
                "url", "http://127.0.0.1:" + target.getAddress().getPort())));
        assertThat(created.path("id").isNumber()).as(created.toString()).isTrue();
        targetId = created.get("id").asLong();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (Replica replica : new Replica[] {first, second}) {
            if (replica != null) {
                replica.kill();
            }
        }
        if (target != null) {
            target.stop(0);
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aRunCoordinatedByOneReplicaIsWatchedLiveThroughTheOtherWhileItsAgentsCallEither() throws Exception {
        // one agent talks to each replica: whichever coordinates the run, one agent's calls must be handed on to it
        List<Thread> serving = new ArrayList<>();
        for (Replica replica : List.of(first, second)) {
            LoadAgent agent = new LoadAgent(new AgentClient(replica.base, token), "via-" + replica.name, Map.of("pool", "replicas"),
                    new PrintStream(new ByteArrayOutputStream()));
            agent.register();
            serving.add(Thread.ofPlatform().daemon().start(() -> {
                try {
                    agent.serve(true);
                } catch (InterruptedException ignored) {
                    // the test is over
                }
            }));
        }
        long run = trigger(first, """
                workload: {driver: http, path: /hello}
                load:
                  model: closed
                  steps:
                    - {users: 2, duration: 5s}
                agents: {count: 2, labels: {pool: replicas}}
                """);
        Replica coordinator = coordinatorOf(run);
        Replica watcher = coordinator == first ? second : first;
        BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        WebSocket socket = watcher.subscribe(run, messages);
        List<JsonNode> intervals = new ArrayList<>();
        String status = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!status.equals("completed") && System.nanoTime() < deadline) {
            JsonNode message = messages.poll(1, TimeUnit.SECONDS);
            if (message == null) {
                continue;
            }
            switch (message.get("type").asText()) {
                case "interval" -> intervals.add(message.get("interval"));
                case "status" -> status = message.get("status").asText();
                default -> { }
            }
        }
        socket.abort();
        // the watcher pushed the coordinator's merged seconds as they came: both agents' users in one interval
        assertThat(status).as("the run's end, seen through the replica not coordinating it").isEqualTo("completed");
        assertThat(intervals).hasSizeGreaterThanOrEqualTo(3).anyMatch(i -> i.get("users").asInt() == 2);
        JsonNode shards = watcher.get("/api/v1/runs/" + run + "/shards");
        assertThat(shards).hasSize(2).allSatisfy(s -> assertThat(s.get("status").asText()).isEqualTo("finished"));
        JsonNode result = watcher.get("/api/v1/runs/" + run + "/result");
        long requests = 0;
        for (JsonNode shard : shards) {
            requests += shard.get("overall").get("requests").asLong();
        }
        assertThat(result.get("overall").get("requests").asLong()).isPositive().isEqualTo(requests);
        for (Thread thread : serving) {
            thread.join(10_000);
        }
    }

    @Test
    void killingTheCoordinatingReplicaLeavesItsRunInterruptedWithWhatItStored() throws Exception {
        long run = trigger(first, """
                workload: {driver: http, path: /hello}
                load:
                  model: closed
                  steps:
                    - {users: 1, duration: 120s, think_time: 5ms}
                """);
        Replica coordinator = coordinatorOf(run);
        Replica survivor = coordinator == first ? second : first;
        // the survivor restarts meanwhile: on start-up it recovers what a dead process left, but spares a live peer's run
        survivor.restart();
        awaitRun(survivor, run, r -> r.get("status").asText().equals("running"), Duration.ofSeconds(10));
        BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        WebSocket socket = survivor.subscribe(run, messages);
        int intervalsSeen = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (intervalsSeen < 2 && System.nanoTime() < deadline) {
            JsonNode message = messages.poll(1, TimeUnit.SECONDS);
            if (message != null && message.get("type").asText().equals("interval")) {
                intervalsSeen++;
            }
        }
        assertThat(intervalsSeen).as("live intervals through the restarted replica").isEqualTo(2);
        assertThat(survivor.get("/api/v1/runs/" + run).get("status").asText()).isEqualTo("running");

        coordinator.kill();
        JsonNode interrupted = awaitRun(survivor, run, r -> r.get("status").asText().equals("interrupted"), Duration.ofSeconds(60));
        assertThat(interrupted.get("failure").asText()).contains("stopped answering");
        assertThat(survivor.get("/api/v1/runs/" + run + "/intervals").size()).isGreaterThanOrEqualTo(2);
        // subscribers of the survivor heard the end too
        boolean heard = false;
        for (JsonNode message = messages.poll(5, TimeUnit.SECONDS); message != null && !heard; message = messages.poll(5, TimeUnit.SECONDS)) {
            heard = message.get("type").asText().equals("status") && message.get("status").asText().equals("interrupted");
        }
        assertThat(heard).as("the interrupted status pushed to the survivor's subscribers").isTrue();
        socket.abort();
        // the killed replica comes back for the other test (JUnit's order of the two is not fixed)
        coordinator.restart();
    }

    private static long trigger(Replica through, String plan) {
        JsonNode scenario = through.post("/api/v1/scenarios", Json.write(Map.of("name", "on replicas " + System.nanoTime(),
                "target_id", targetId, "plan_yaml", plan)));
        assertThat(scenario.path("id").isNumber()).as(scenario.toString()).isTrue();
        JsonNode run = through.post("/api/v1/scenarios/" + scenario.get("id").asLong() + "/runs", null);
        assertThat(run.path("id").isNumber()).as(run.toString()).isTrue();
        return run.get("id").asLong();
    }

    /** The replica whose scheduler picked the run ({@code picked_by} ends with its process id). */
    private static Replica coordinatorOf(long run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
             PreparedStatement query = db.prepareStatement(
                     "select picked_by from scheduled_tasks where task_name = 'benchdeck-run' and task_instance = ? and picked")) {
            query.setString(1, String.valueOf(run));
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = query.executeQuery()) {
                    if (rs.next()) {
                        String pickedBy = rs.getString(1);
                        for (Replica replica : List.of(first, second)) {
                            if (pickedBy.endsWith("#" + replica.process.pid())) {
                                return replica;
                            }
                        }
                        throw new AssertionError("run " + run + " picked by " + pickedBy + ", neither replica");
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("run " + run + " was not picked by any replica");
    }

    private static JsonNode awaitRun(Replica replica, long run, Predicate<JsonNode> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last;
        do {
            last = replica.get("/api/v1/runs/" + run);
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("run " + run + " did not get there in " + timeout + "; last: " + last);
    }

    private static Map<String, String> databaseEnv() {
        return Map.of("BENCHDECK_DATABASE_URL", postgres.jdbcUrl(), "BENCHDECK_DATABASE_USER", postgres.user(),
                "BENCHDECK_DATABASE_PASSWORD", postgres.password(), "BENCHDECK_SECRET_KEY", SECRET_KEY);
    }

    private static String headless(Map<String, String> env, String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = HeadlessCommands.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A server replica in a JVM of its own: the test's class path, the shared database, no demo services. */
    private static final class Replica {
        final String name;
        final URI base;
        final Path log;
        Process process;

        private Replica(String name, int port, Path log) {
            this.name = name;
            this.base = URI.create("http://127.0.0.1:" + port);
            this.log = log;
        }

        static Replica start(String name) throws IOException {
            Replica replica = new Replica(name, freePort(), home.resolve(name + ".log"));
            replica.launch();
            return replica;
        }

        private void launch() throws IOException {
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    "dev.benchdeck.server.BenchdeckServer", "--server.port=" + base.getPort(),
                    // heartbeats each second: a dead replica's run is taken up after four missed ones, not two minutes
                    "--benchdeck.runs.heartbeat=1s", "--logging.level.dev.benchdeck=info")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = builder.environment();
            env.putAll(databaseEnv());
            env.put("HOME", home.resolve(name).toString());
            env.put("BENCHDECK_DEMO", "false");
            for (String demo : List.of("MOCK_LLM", "DEMO_TARGET", "DEMO_GATEWAY", "DEMO_INGESTOR")) {
                env.put("BENCHDECK_" + demo + "_PORT", "-1");
            }
            process = builder.start();
        }

        void awaitReady() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("replica " + name + " exited " + process.exitValue() + ": " + Files.readString(log));
                }
                try {
                    HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(base.resolve("/actuator/health/readiness")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(250);
            }
            throw new AssertionError("replica " + name + " did not become ready: " + Files.readString(log));
        }

        /** Stops the replica gracefully and starts it again on the same port. */
        void restart() throws Exception {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("replica " + name + " stopped").isTrue();
            launch();
            awaitReady();
        }

        void kill() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }

        JsonNode get(String path) {
            return send(HttpRequest.newBuilder(base.resolve(path)).GET());
        }

        JsonNode post(String path, String body) {
            return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
        }

        private JsonNode send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> response = HTTP.send(request.header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofString());
                return Json.read(response.body().isEmpty() ? "{}" : response.body());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        WebSocket subscribe(long run, BlockingQueue<JsonNode> messages) throws Exception {
            WebSocket socket = HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .buildAsync(URI.create("ws://127.0.0.1:" + base.getPort() + "/api/v1/live"), new LiveMessageCollector(messages))
                    .get(10, TimeUnit.SECONDS);
            socket.sendText("{\"subscribe\": " + run + "}", true).get(5, TimeUnit.SECONDS);
            return socket;
        }
    }
}
