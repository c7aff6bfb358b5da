package dev.benchdeck.gateway;

import dev.benchdeck.engine.testkit.RedisProcess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.gateway.admin.AdminToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's topology: three gateway processes behind Debian's nginx with deploy/nginx's config. Streams
 * spread over the three; one instance killed (SIGKILL) mid-run loses only its own streams; new streams
 * go to the other two.
 */
class NginxTopologyTest {

    static final Path NGINX = Path.of("/usr/sbin/nginx");
    static final Path TEMPLATE = Path.of("..", "..", "deploy", "nginx", "gateway.conf.template");
    static final int STREAMS = 30;

    @TempDir
    Path dir;

    final List<Process> processes = new ArrayList<>();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private Process gateway(int port, Path config) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                GatewayMain.class.getName(), "--config", config.toString(), "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(dir.resolve("gateway-" + port + ".log").toFile());
        builder.environment().put(AdminToken.DEFAULT_ENV, TestClient.TOKEN);
        Process process = builder.start();
        processes.add(process);
        awaitLine(dir.resolve("gateway-" + port + ".log"), "listening on", process);
        return process;
    }

    private Process nginx(int port, List<Integer> upstreams) throws IOException, InterruptedException {
        Path prefix = dir.resolve("nginx");
        Files.createDirectories(prefix.resolve("tmp"));
        String servers = upstreams.stream().map(p -> "server 127.0.0.1:" + p + " max_fails=1 fail_timeout=10s;")
                .collect(Collectors.joining("\n        "));
        Files.writeString(prefix.resolve("nginx.conf"), Files.readString(TEMPLATE).replace("@PREFIX@", prefix.toString())
                .replace("@PORT@", Integer.toString(port)).replace("@UPSTREAMS@", servers));
        Process process = new ProcessBuilder(NGINX.toString(), "-p", prefix.toString(), "-e", prefix.resolve("error.log").toString(),
                "-c", prefix.resolve("nginx.conf").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.log").toFile()).start();
        processes.add(process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                return process;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new AssertionError("nginx did not start (alive: " + process.isAlive() + "): " + notYet + "\n"
                            + Files.readString(dir.resolve("nginx.log")) + (Files.exists(prefix.resolve("error.log"))
                            ? Files.readString(prefix.resolve("error.log")) : ""));
                }
                Thread.sleep(50);
            }
        }
    }

    private static void awaitLine(Path log, String text, Process process) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(log) || !Files.readString(log).contains(text)) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError("not started: " + (Files.exists(log) ? Files.readString(log) : "no log"));
            }
            Thread.sleep(50);
        }
    }

    /** One stream through nginx: true when it ended with [DONE], false when it was cut. */
    private CompletableFuture<Boolean> stream(int port, String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/stream"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(TestClient.request(query))).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenApply(response -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                return in.lines().anyMatch(line -> line.equals("data: [DONE]"));
            } catch (IOException | java.io.UncheckedIOException cut) {
                return false;
            }
        }).exceptionally(error -> false);
    }

    private long active(int port) throws Exception {
        return new TestClient(URI.create("http://127.0.0.1:" + port)).admin("/admin/execution-stats").json().path("active_streams").asLong();
    }

    private long requests(int port) throws Exception {
        return new TestClient(URI.create("http://127.0.0.1:" + port)).admin("/admin/execution-stats").json()
                .path("requests").path("received").asLong();
    }

    @Test
    void streamsSpreadAKilledInstanceLosesOnlyItsOwnAndNewStreamsGoToTheOthers() throws Exception {
        assertThat(Files.isExecutable(NGINX)).as("nginx must be installed (apt-get install nginx; .ci/run does)").isTrue();
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, """
                providers:
                  - {name: fake, type: fake, ttft_ms: 100, itl_ms: 60, output_tokens: 50, models: [fake-1]}
                settings: {enable_caching: false, heartbeat_interval_ms: 1000}
                """);
        List<Integer> ports = List.of(RedisProcess.freePort(), RedisProcess.freePort(), RedisProcess.freePort());
        List<Process> gateways = new ArrayList<>();
        for (int port : ports) {
            gateways.add(gateway(port, config));
        }
        int front = RedisProcess.freePort();
        nginx(front, ports);

        List<CompletableFuture<Boolean>> first = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            first.add(stream(front, "first wave " + i));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long[] active = new long[3];
        while (true) {
            for (int i = 0; i < 3; i++) {
                active[i] = active(ports.get(i));
            }
            if (active[0] + active[1] + active[2] == STREAMS || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(20);
        }
        assertThat(active[0] + active[1] + active[2]).isEqualTo(STREAMS);
        for (long a : active) {
            assertThat(a).as("least_conn spreads the streams").isBetween(5L, 15L);
        }

        gateways.get(0).destroyForcibly();
        gateways.get(0).waitFor(5, TimeUnit.SECONDS);

        long done = first.stream().map(CompletableFuture::join).filter(b -> b).count();
        assertThat(STREAMS - done).as("only the killed instance's streams are lost").isEqualTo(active[0]);

        long before = requests(ports.get(1)) + requests(ports.get(2));
        List<CompletableFuture<Boolean>> second = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            second.add(stream(front, "second wave " + i));
        }
        assertThat(second.stream().map(CompletableFuture::join).filter(b -> b).count()).isEqualTo(20);
        assertThat(requests(ports.get(1)) + requests(ports.get(2)) - before).isEqualTo(20);
    }
}
