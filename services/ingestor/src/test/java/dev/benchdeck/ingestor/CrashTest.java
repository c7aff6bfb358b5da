package dev.benchdeck.ingestor;

import dev.benchdeck.engine.testkit.RedisProcess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.ingestor.store.DatabaseSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ingestor process killed with SIGKILL while clients publish and workers write: after a restart every message
 * that was answered 202 is stored exactly once.
 */
class CrashTest {

    private static Process launch(DatabaseSettings db, List<String> queue, int port) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), IngestorMain.class.getName(),
                "--database-url", db.jdbcUrl(), "--database-user", db.user(), "--port", Integer.toString(port),
                "--claim-after-ms", "1000"));
        cmd.addAll(queue);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("BENCHDECK_INGESTOR_DATABASE_PASSWORD", db.password());
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith("ingestor listening")) {
                Thread.ofPlatform().daemon().start(() -> {
                    try {
                        while (out.readLine() != null) {
                            // drain
                        }
                    } catch (IOException ignored) {
                        // ended
                    }
                });
                return p;
            }
        }
        throw new IOException("the ingestor did not start: " + seen);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "redis", "kafka"})
    void everyConfirmedMessageSurvivesAKill(String queue) throws Exception {
        DatabaseSettings db = TestDatabase.freshDatabase();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI base = URI.create("http://127.0.0.1:" + port);
        try (RedisProcess redis = queue.equals("redis") ? RedisProcess.startDurable() : null) {
            List<String> queueOptions = switch (queue) {
                case "redis" -> List.of("--redis", redis.url().toString());
                case "kafka" -> List.of("--kafka-bootstrap", TestKafka.shared().bootstrap(), "--kafka-topic", TestKafka.topic("crash"),
                        "--kafka-partitions", "2");
                default -> List.of();
            };
            Process first = launch(db, queueOptions, port);
            Set<String> confirmed = ConcurrentHashMap.newKeySet();
            AtomicBoolean publishing = new AtomicBoolean(true);
            List<Thread> clients = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int client = t;
                clients.add(Thread.ofPlatform().start(() -> {
                    int n = 0;
                    while (publishing.get()) {
                        StringBuilder b = new StringBuilder();
                        List<String> ids = new ArrayList<>();
                        for (int i = 0; i < 50; i++) {
                            String id = "k" + client + "-" + n++;
                            ids.add(id);
                            b.append(Http.message(id, i, "m")).append('\n');
                        }
                        try {
                            if (Http.post(base, "/messages", "application/x-ndjson", b.toString()).status() == 202) {
                                confirmed.addAll(ids);
                            }
                        } catch (IOException | InterruptedException e) {
                            // the process is gone: not confirmed
                        }
                    }
                }));
            }
            Http.await(Duration.ofSeconds(20), () -> confirmed.size() >= 3_000);
            first.destroyForcibly();
            first.waitFor(10, TimeUnit.SECONDS);
            publishing.set(false);
            for (Thread c : clients) {
                c.join();
            }
            long storedAtKill = TestDatabase.queryLong(db, "SELECT count(*) FROM messages");
            Process second = launch(db, queueOptions, port);
            try {
                Http.await(Duration.ofSeconds(30), () -> TestDatabase.queryLong(db, "SELECT count(*) FROM messages") >= confirmed.size());
                Thread.sleep(1500);
                try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("SELECT count(*) FROM messages WHERE id = ANY (?)")) {
                    s.setArray(1, c.createArrayOf("text", confirmed.toArray()));
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        assertThat(rs.getLong(1)).as("confirmed messages stored (of %d; %d stored at the kill)", confirmed.size(), storedAtKill)
                                .isEqualTo(confirmed.size());
                    }
                }
                assertThat(TestDatabase.queryLong(db, "SELECT count(*) - count(DISTINCT id) FROM messages")).isZero();
            } finally {
                second.destroy();
                second.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
