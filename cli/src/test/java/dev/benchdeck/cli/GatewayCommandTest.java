package dev.benchdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchdeck.gateway.GatewayServer;
import dev.benchdeck.gateway.config.GatewayConfig;
import dev.benchdeck.gateway.config.ProviderDefinition;
import dev.benchdeck.mockllm.MockLlmConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benchdeck gateway}, and an ordinary run of the llm driver (api gateway) through a gateway. */
class GatewayCommandTest {

    @TempDir
    Path dir;

    @Test
    void theGeneratedAdminTokenIsKeptUnderHomeAsTheShellHasIt() {
        assertThat(GatewayCommand.defaultAdminTokenFile(java.util.Map.of("HOME", "/tmp/try")))
                .isEqualTo(Path.of("/tmp/try", ".benchdeck", "gateway-admin-token"));
        assertThat(GatewayCommand.defaultAdminTokenFile(java.util.Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".benchdeck", "gateway-admin-token"));
    }

    @Test
    void anOrdinaryLlmRunMeasuresTtftAndItlThroughTheGateway() throws Exception {
        MockLlmConfig timing = MockLlmConfig.defaults().toBuilder().ttft(60, 0).itl(10, 0).outputTokens(8, 0).build();
        try (GatewayServer gateway = GatewayServer.start(GatewayConfig.builder().port(0).adminToken("cli-test-token-0123456789")
                .provider(ProviderDefinition.fake("fake", timing, List.of("fake-1"))).build())) {
            Path plan = dir.resolve("gateway.yaml");
            Files.writeString(plan, """
                    name: through the gateway
                    target: {url: %s}
                    workload: {driver: llm, api: gateway, gateway_provider: fake, model: fake-1, prompt: "hello ${seq}"}
                    load: {model: closed, users: 4, warmup: 0s, duration: 2s}
                    """.formatted(gateway.baseUri()));
            Path json = dir.resolve("result.json");

            CliRun run = CliRun.of("run", plan.toString(), "--quiet", "--out", json.toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.PASSED);
            JsonNode result = new ObjectMapper().readTree(json.toFile());
            assertThat(result.at("/overall/errors").asLong()).isZero();
            assertThat(result.at("/overall/requests").asLong()).isPositive();
            // every prompt differs (${seq}): each request is a cache miss, TTFT is the fake provider's 60 ms plus the gateway
            assertThat(result.at("/overall/latencies/ttft/summary/p50").asDouble()).isBetween(55.0, 400.0);
            assertThat(result.at("/overall/latencies/itl/summary/p50").asDouble()).isBetween(5.0, 100.0);
            assertThat(result.at("/overall/latencies/output_tokens/summary/min").asDouble()).isEqualTo(8.0);
        }
    }

    @Test
    void badOptionsExitWithCodeTwo() {
        CliRun badRedis = CliRun.of("gateway", "--port", "0", "--redis", "http://nope", "--admin-token-file", dir.resolve("t").toString());
        assertThat(badRedis.exitCode()).as(badRedis.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(badRedis.err()).contains("redis_url").contains("redis://");

        CliRun badProvider = CliRun.of("gateway", "--port", "0", "--provider", "name=x,type=azure",
                "--admin-token-file", dir.resolve("t").toString());
        assertThat(badProvider.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(badProvider.err()).contains("provider.type");
    }

    @Test
    void aBadConfigFileListsEveryProblem() throws Exception {
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, """
                port: 99999
                providers:
                  - {name: a, type: openai, base_url: "ftp://x"}
                settings: {queue_type: kafka}
                """);

        CliRun run = CliRun.of("gateway", "--config", config.toString(), "--admin-token-file", dir.resolve("t").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("port:").contains("providers[0].base_url:");
    }

    @Test
    void generatesTheAdminTokenOnFirstStartPrintsItOnceAndKeepsIt() throws Exception {
        Path tokenFile = dir.resolve("admin-token");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String first = startAndRead(port, tokenFile);
        assertThat(first).contains("admin token (shown once");
        String token = Files.readString(tokenFile).strip();
        assertThat(first).contains(token);
        assertThat(Files.getPosixFilePermissions(tokenFile).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");

        String second = startAndRead(port, tokenFile);
        assertThat(second).contains("admin token: from " + tokenFile).doesNotContain(token);
    }

    /** Starts {@code benchdeck gateway} in a child JVM, checks the token works, stops it by PID; returns its output. */
    private String startAndRead(int port, Path tokenFile) throws Exception {
        String classpath = System.getProperty("java.class.path");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                BenchdeckCommand.class.getName(), "gateway", "--port", Integer.toString(port), "--admin-token-file", tokenFile.toString())
                .redirectErrorStream(true);
        builder.environment().remove("BENCHDECK_GATEWAY_ADMIN_TOKEN");
        Process process = builder.start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.append(line).append('\n');
                if (line.startsWith("admin token")) {
                    break;
                }
            }
            String token = Files.readString(tokenFile).strip();
            HttpClient http = HttpClient.newHttpClient();
            URI stats = URI.create("http://127.0.0.1:" + port + "/admin/execution-stats");
            assertThat(http.send(HttpRequest.newBuilder(stats).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(http.send(HttpRequest.newBuilder(stats).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        return out.toString();
    }
}
