package dev.benchdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.demotarget.DemoTarget;
import dev.benchdeck.engine.result.ResultJson;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(60)
class RunCommandTest {

    static DemoTarget target;
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

    private Path plan(String yaml) throws IOException {
        Path file = dir.resolve("plan.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private String quick(String path, String extra) {
        return "name: quick\ntarget: {url: '" + target.baseUrl() + "'}\nworkload: {driver: http, path: " + path + "}\n"
                + "load: {users: 2, duration: 1s}\n" + extra;
    }

    /**
     * The HTTP examples; the database ones run in {@link PostgresExamplesTest}, the LLM ones in {@link LlmExamplesTest},
     * the ingestion ones in {@link IngestExamplesTest}, the journeys in {@link JourneyExamplesTest}.
     */
    static Stream<Path> examples() throws IOException {
        return Files.list(Path.of("..", "examples")).filter(p -> p.toString().endsWith(".yaml"))
                .filter(p -> !PostgresExamplesTest.isDatabasePlan(p) && !LlmExamplesTest.isLlmPlan(p)
                        && !IngestExamplesTest.isIngestPlan(p) && !JourneyExamplesTest.isJourneyPlan(p)).sorted();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleRunsAndPasses(Path example) {
        // the examples' own durations, shortened; their targets, pointed at the in-process demo target
        CliRun run = CliRun.of("run", example.toString(), "--quiet", "--set", "target.url=" + target.baseUrl(),
                "--set", "load.duration=1s", "--set", "load.warmup=0s", "--set", "load.ramp=0s");
        // thresholds in the examples are about latency on the machine at hand: a loaded test machine may miss them
        assertThat(run.exitCode()).as(run.toString()).isIn(ExitCode.PASSED, ExitCode.THRESHOLDS_FAILED);
        assertThat(run.out()).contains(": completed").contains("step").doesNotContain("not measured");
    }

    @Test
    void passingRunExitsZeroAndWritesEveryOutput() throws IOException {
        Path json = dir.resolve("out/result.json");
        Path junit = dir.resolve("junit.xml");
        CliRun run = CliRun.of("run", plan(quick("/hello", "thresholds: ['error_rate < 1%', 'p99 < 2s']")).toString(),
                "--out", json.toString(), "--csv", dir.resolve("csv").toString(), "--junit", junit.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.PASSED);
        assertThat(run.err()).contains("step 1/1 users=2").contains("req/s").contains("p99");
        assertThat(run.out()).contains("PASS error_rate < 1%").containsPattern("PASS p99 < 2s +overall +actual [0-9.]+ ms");
        JsonNode result = ResultJson.mapper().readTree(json.toFile());
        assertThat(result.at("/steps/0/partial").asBoolean()).isFalse();
        assertThat(result.at("/verdicts/0/unit").asText()).isEqualTo("%");
        assertThat(result.get("status").asText()).isEqualTo("completed");
        assertThat(result.at("/overall/requests").asLong()).isPositive();
        assertThat(result.at("/steps/0/latencies/latency/histogram").asText()).isNotEmpty();
        assertThat(Files.readAllLines(dir.resolve("csv/steps.csv"))).hasSize(3).first().asString().startsWith("step,label");
        assertThat(Files.readString(junit)).contains("<testcase classname=\"benchdeck.thresholds\" name=\"p99 &lt; 2s (overall)\">");
    }

    @Test
    void failedThresholdExitsOne() throws IOException {
        CliRun run = CliRun.of("run", plan(quick("/status/503", "thresholds: ['error_rate < 1%']")).toString(), "--quiet");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.THRESHOLDS_FAILED);
        assertThat(run.out()).contains("FAIL error_rate < 1%").contains("http_5xx");
    }

    @Test
    void planWithTwoMistakesReportsBothAndExitsTwo() throws IOException {
        CliRun run = CliRun.of("run", plan("""
                name: two mistakes
                target: {url: 'http://127.0.0.1:1'}
                workload: {driver: http}
                load: {model: open, rate: -5, duraton: 5s}
                """).toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("(2 problems)").contains("load.rate: must be > 0").contains("load.duraton: unknown field");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void malformedYamlIsOneClearLine() throws IOException {
        CliRun run = CliRun.of("validate", plan("name: [oops\n").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err().lines()).hasSize(2);
        assertThat(run.err()).contains("not valid YAML or JSON: line");
    }

    @Test
    void missingFileAndBadOptionsExitTwo() {
        CliRun missing = CliRun.of("validate", dir.resolve("nope.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(missing.err()).contains("no such file");
        CliRun badOption = CliRun.of("run", "plan.yaml", "--frobnicate");
        assertThat(badOption.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(badOption.err()).startsWith("error: Unknown option");
    }

    @Test
    void unreachableTargetExitsThreeWithOneLine() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CliRun run = CliRun.of("run", plan(quick("/hello", "").replace(target.baseUrl(), "http://127.0.0.1:" + closedPort)).toString(), "--quiet");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.RUN_FAILED);
        assertThat(run.err()).contains("error: cannot connect to http://127.0.0.1:" + closedPort);
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void validateSaysHowLongARunWillTake() throws IOException {
        CliRun run = CliRun.of("validate", Path.of("..", "examples", "03-closed-sweep.yaml").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("valid (3 steps, about 19s)");
    }

    @Test
    void demoTargetReusesADemoTargetAlreadyListeningOnItsPort() throws IOException {
        // as after `benchdeck demo-target &` in the quick start
        CliRun run = CliRun.of("run", plan(quick("/hello", "")).toString(), "--quiet", "--demo-target",
                "--demo-port", String.valueOf(target.port()));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.PASSED);
        assertThat(run.err()).contains("using the demo target already running on 127.0.0.1:" + target.port());
        assertThat(run.out()).contains("quick: completed");
    }

    @Test
    void demoTargetSaysWhatToDoWhenItsPortIsTakenByAnotherProgram() throws IOException {
        try (ServerSocket other = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("run", plan(quick("/hello", "")).toString(), "--quiet", "--demo-target",
                    "--demo-port", String.valueOf(other.getLocalPort()));
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.RUN_FAILED);
            assertThat(run.err().lines()).singleElement().asString()
                    .isEqualTo("error: 127.0.0.1:" + other.getLocalPort() + " is in use by a program that is not a Benchdeck demo "
                            + "target: stop it, or serve the demo endpoints elsewhere with --demo-port and --set target.url=...");
        }
    }

    @Test
    void aStepCutShortByTheDeadlineIsMarkedPartial() throws IOException {
        Path json = dir.resolve("partial.json");
        CliRun run = CliRun.of("run", plan("name: cut\ntarget: {url: '" + target.baseUrl() + "'}\nworkload: {path: /hello}\n"
                + "load: {users: 1, duration: 5s}\ndeadline: 1s\n").toString(), "--quiet", "--out", json.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.RUN_FAILED);
        assertThat(run.out()).containsPattern("(?m)^1\\* +users=1 ").contains("* partial:");
        JsonNode result = ResultJson.mapper().readTree(json.toFile());
        assertThat(result.at("/steps/0/partial").asBoolean()).isTrue();
        assertThat(result.at("/overall/partial").asBoolean()).isTrue();
    }

    @Test
    void schemaCommandPrintsTheJsonSchema() throws IOException {
        CliRun run = CliRun.of("schema");
        assertThat(run.exitCode()).isZero();
        assertThat(ResultJson.mapper().readTree(run.out()).get("title").asText()).isEqualTo("Benchdeck plan");
    }
}
