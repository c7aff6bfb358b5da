package dev.benchdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.benchdeck.demotarget.DemoTarget;
import dev.benchdeck.engine.result.ResultJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --label/--upload} against a local receiver that answers as the server's {@code POST /runs/import} does. */
@Timeout(60)
class RunUploadTest {

    record Received(String path, String authorization, String contentType, JsonNode body) {
    }

    static DemoTarget target;
    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    @TempDir
    Path dir;

    @BeforeAll
    static void startTarget() throws IOException {
        target = DemoTarget.start(0);
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private String startReceiver(int status, String answer) throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), ResultJson.mapper().readTree(body)));
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status < 400 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        receiver.start();
        return "http://127.0.0.1:" + receiver.getAddress().getPort();
    }

    private Path plan() throws IOException {
        return plan("");
    }

    private Path plan(String extra) throws IOException {
        Path file = dir.resolve("plan.yaml");
        Files.writeString(file, "name: upload me\ntarget: {url: '" + target.baseUrl() + "'}\n"
                + "workload: {driver: http, path: /hello}\nload: {users: 1, duration: 1s}\n" + extra);
        return file;
    }

    @Test
    void aJavaPlanIsUploadedAsItsYamlTwin() throws IOException {
        String url = startReceiver(200, "{\"id\": 42, \"state\": \"completed\"}");
        Path file = Files.writeString(dir.resolve("Upload.java"), """
                import dev.benchdeck.driver.http.plan.*;
                class Upload {
                    static PlanBuilder plan() {
                        return Benchdeck.plan("upload java").target("%s")
                                .journey(j -> j.step("hello", s -> s.get("/hello")))
                                .load(Benchdeck.closed(1).duration(Benchdeck.seconds(1)));
                    }
                }
                """.formatted(target.baseUrl()));
        CliRun run = CliRun.of("run", file.toString(), "-q", "--no-auto-labels", "--set", "load.users=2", "--upload", url);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        String yaml = received.get(0).body().path("plan_yaml").asText();
        assertThat(yaml).startsWith("# the YAML twin of Upload.java\n").endsWith("# run with: --set load.users=2\n");
        JsonNode twin = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(yaml);
        assertThat(twin.path("name").asText()).isEqualTo("upload java");
        assertThat(twin.at("/workload/journey/0/path").asText()).isEqualTo("/hello");
        assertThat(twin.at("/load/users").asInt()).isEqualTo(1);
    }

    @Test
    void aPassedRunIsUploadedWithItsLabelsPlanAndScenario() throws IOException {
        String url = startReceiver(200, "{\"id\": 41, \"state\": \"completed\"}");
        Path out = dir.resolve("result.json");
        CliRun run = CliRun.of("run", plan().toString(), "-q", "--no-auto-labels", "--label", "environment=ci",
                "--label", "branch=main", "--set", "load.users=2", "--out", out.toString(), "--upload", url, "--upload-scenario", "7");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("uploaded as run 41: " + url + "/runs/41");
        assertThat(received).hasSize(1);
        Received upload = received.get(0);
        assertThat(upload.path()).isEqualTo("/api/v1/runs/import");
        assertThat(upload.contentType()).isEqualTo("application/json");
        assertThat(upload.body().path("scenario_id").asLong()).isEqualTo(7);
        assertThat(upload.body().path("plan_yaml").asText()).contains("name: upload me").endsWith("# run with: --set load.users=2\n");
        JsonNode result = upload.body().path("result");
        assertThat(result.path("status").asText()).isEqualTo("completed");
        assertThat(result.path("labels").path("environment").asText()).isEqualTo("ci");
        assertThat(result.path("labels").path("branch").asText()).isEqualTo("main");
        assertThat(result.path("steps").get(0).path("latencies").path("latency").path("histogram").asText()).isNotEmpty();
        // the result file carries the same labels
        assertThat(ResultJson.read(Files.readString(out)).labels()).containsEntry("environment", "ci");
    }

    @Test
    void aRefusedUploadOfAPassedRunExitsFiveWithTheServersProblems() throws IOException {
        String url = startReceiver(400, "{\"title\": \"invalid labels\", \"status\": 400, \"detail\": \"1 problem\","
                + " \"errors\": [{\"path\": \"labels.os\", \"message\": \"must be 1-200 characters, got 0\"}]}");
        CliRun run = CliRun.of("run", plan().toString(), "-q", "--no-auto-labels", "--upload", url, "--upload-scenario", "nightly");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.UPLOAD_FAILED);
        assertThat(run.err()).contains("HTTP 400").contains("labels.os: must be 1-200 characters, got 0");
        assertThat(received.get(0).body().path("scenario").asText()).isEqualTo("nightly");
        assertThat(received.get(0).authorization()).isNull();
    }

    @Test
    void withoutATokenA401SaysHowToGetOne() throws IOException {
        String url = startReceiver(401, "{\"title\": \"Unauthorized\", \"status\": 401}");
        CliRun run = CliRun.of("run", plan().toString(), "-q", "--upload", url);
        assertThat(run.exitCode()).isEqualTo(ExitCode.UPLOAD_FAILED);
        assertThat(run.err()).contains("set BENCHDECK_TOKEN").contains("tokens create");
    }

    @Test
    void anUnreachableServerIsOneLineAndTheRunsOwnFailureCodeStays() throws IOException {
        String url = startReceiver(200, "{}");
        receiver.stop(0);
        receiver = null;
        CliRun run = CliRun.of("run", plan("thresholds: ['p99 < 0.001ms']\n").toString(), "-q", "--upload", url);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.THRESHOLDS_FAILED);
        assertThat(run.err()).contains("error: cannot reach " + url + "/api/v1/runs/import");
    }

    @Test
    void badUploadOptionsAndLabelsExitTwoBeforeAnyLoad() throws IOException {
        CliRun run = CliRun.of("run", plan().toString(), "--upload", "ftp://x", "--label", "commit=nothex", "--label", "oops");
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("--upload must be the server's http:// or https:// address")
                .contains("labels.commit: must be a commit id").contains("--label[1] 'oops': must be KEY=VALUE")
                .doesNotContain("requests");
        CliRun secret = CliRun.of("run", plan().toString(), "--upload", "http://ci:hunter2@127.0.0.1:1");
        assertThat(secret.err()).contains("must not carry a user name or password").doesNotContain("hunter2");
        assertThat(CliRun.of("run", plan().toString(), "--upload-scenario", "3").err()).contains("--upload-scenario needs --upload URL");
    }
}
