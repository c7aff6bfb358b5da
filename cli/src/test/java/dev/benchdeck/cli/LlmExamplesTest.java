package dev.benchdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.engine.result.ResultJson;
import dev.benchdeck.mockllm.MockLlmConfig;
import dev.benchdeck.mockllm.MockLlmServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The LLM examples run against the mock LLM server, and their results carry the stream metrics. */
class LlmExamplesTest {

    private static MockLlmServer mock;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        mock = MockLlmServer.start(MockLlmConfig.defaults().toBuilder().ttft(50, 0).itl(5, 0).outputTokens(12, 0).build());
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    static boolean isLlmPlan(Path plan) {
        try {
            return Files.readString(plan).contains("driver: llm");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Path> examples() throws IOException {
        return Files.list(Path.of("..", "examples")).filter(p -> p.toString().endsWith(".yaml"))
                .filter(LlmExamplesTest::isLlmPlan).sorted();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyLlmExampleRunsAgainstTheMock(Path example) throws IOException {
        Path json = dir.resolve(example.getFileName() + ".json");
        CliRun run = CliRun.of("run", example.toString(), "--quiet", "--set", "target.url=" + mock.baseUri(),
                "--set", "load.duration=1s", "--set", "load.warmup=0s", "--out", json.toString());
        assertThat(run.exitCode()).as(run.toString()).isIn(ExitCode.PASSED, ExitCode.THRESHOLDS_FAILED);
        JsonNode result = ResultJson.mapper().readTree(json.toFile());
        assertThat(result.at("/overall/errors").asLong()).as(run.toString()).isZero();
        assertThat(result.at("/overall/latencies/ttft/summary/p50").asDouble()).isBetween(50.0, 500.0);
        assertThat(result.at("/overall/latencies/itl/summary/count").asLong()).isPositive();
        assertThat(result.at("/overall/stream/output_tokens").asLong()).isPositive();
        // the mock answers 12 tokens each time: the per-request distribution says so, and the stream table shows it
        assertThat(result.at("/overall/latencies/output_tokens/summary/min").asDouble()).isEqualTo(12.0);
        assertThat(result.at("/overall/latencies/output_tokens/summary/max").asDouble()).isBetween(12.0, 12.02);
        assertThat(result.get("intervals")).filteredOn(i -> i.get("completed").asLong() > 0)
                .allSatisfy(i -> assertThat(i.get("output_tokens").asLong()).isPositive());
        assertThat(run.out()).contains("streams (ms; output tokens per request):").contains("ttft p50").contains("usage")
                .contains("tok min").contains("tok max").containsPattern("usage +12 +12 +12 +12");
    }

    @Test
    void theMockLlmCommandRejectsBadOptionsWithExitCodeTwo() {
        CliRun run = CliRun.of("mock-llm", "--ttft", "soon", "--bogus", "1");
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("--ttft: 'soon' is not a number").contains("unknown option --bogus");
    }
}
