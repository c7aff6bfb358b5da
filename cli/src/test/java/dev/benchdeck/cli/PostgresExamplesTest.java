package dev.benchdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.embeddedpg.EmbeddedPostgres;
import dev.benchdeck.engine.result.ResultJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The database examples run headless against an embedded PostgreSQL, shortened: small table, 1 s steps. */
@Timeout(120)
class PostgresExamplesTest {

    static EmbeddedPostgres postgres;
    static Path home;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        home = Files.createTempDirectory("benchdeck-cli-pg");
        postgres = EmbeddedPostgres.start(home, 0, true);
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    static boolean isDatabasePlan(Path plan) {
        try {
            return Files.readString(plan).contains("driver: jdbc");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Path> examples() throws IOException {
        return Files.list(Path.of("..", "examples")).filter(p -> p.toString().endsWith(".yaml"))
                .filter(PostgresExamplesTest::isDatabasePlan).sorted();
    }

    /** The example pointed at the embedded server, with a small table and short steps. */
    private static List<String> args(Path example, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", example.toString(),
                "--set", "target.host=127.0.0.1", "--set", "target.port=" + postgres.port(),
                "--set", "target.user=" + postgres.user(), "--set", "target.password_env=null",
                "--set", "target.password=" + postgres.password(), "--set", "target.sslmode=disable",
                "--set", "workload.rows=5000", "--set", "workload.batch_size=2000",
                "--set", "load.duration=1s", "--set", "load.warmup=0s"));
        args.addAll(List.of(extra));
        return args;
    }

    @Test
    void databaseExamplesExist() throws IOException {
        assertThat(examples().map(p -> p.getFileName().toString()))
                .contains("06-postgres-select.yaml", "07-postgres-mix.yaml");
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyDatabaseExampleSetsUpRunsAndPasses(Path example) throws IOException {
        Path json = dir.resolve("result.json");
        CliRun run = CliRun.of(args(example, "--out", json.toString()).toArray(String[]::new));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.PASSED);
        assertThat(run.err()).as(run.toString()).contains("setup connect").contains("| pool ").contains(" active, ");
        assertThat(run.out()).contains(": completed").contains("duration").contains("p95").contains("err %")
                .contains("setup connect");
        JsonNode result = ResultJson.mapper().readTree(json.toFile());
        List<String> phases = new ArrayList<>();
        result.get("setup").forEach(p -> phases.add(p.get("phase").asText()));
        assertThat(phases).contains("table", "connect");
        assertThat(result.get("steps").size()).isGreaterThanOrEqualTo(2);
        result.get("steps").forEach(step -> assertThat(step.get("requests").asLong()).isPositive());
    }

    @Test
    void theFirstRunLoadsTheTableWithProgressAndTheSecondReusesIt() throws IOException {
        Path example = Path.of("..", "examples", "06-postgres-select.yaml");
        CliRun first = CliRun.of(args(example, "--set", "workload.table=cli_load_once", "--set", "workload.setup=recreate",
                "--set", "load.duration=300ms").toArray(String[]::new));
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.PASSED);
        assertThat(first.err()).containsPattern("setup load +0/5,000 rows  0%")
                .containsPattern("setup load +5,000 rows in [0-9.]+s \\([0-9,]+ rows/s\\)");
        assertThat(first.out()).containsPattern("setup load +5,000 rows in").contains("setup index").contains("setup vacuum");

        CliRun second = CliRun.of(args(example, "--set", "workload.table=cli_load_once", "--set", "load.duration=300ms",
                "--quiet").toArray(String[]::new));
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.PASSED);
        assertThat(second.out()).contains("reusing table public.cli_load_once: 5,000 rows").doesNotContain("setup load");
    }

    @Test
    void aDatabaseRunLogsNoSlf4jWarnings() throws Exception {
        // the CLI bundles slf4j-simple for the libraries that log through SLF4J (Kafka and Lettuce in the ingest
        // driver, the Databricks SDK for Lakebase): without a backend they start with "SLF4J(W): No SLF4J providers"
        String[] run = args(Path.of("..", "examples", "06-postgres-select.yaml"), "--set", "workload.table=cli_logging",
                "--set", "load.duration=300ms", "--quiet").toArray(String[]::new);
        CliProcess bundled = CliProcess.of(dir, run);
        assertThat(bundled.exitCode()).as(bundled.toString()).isEqualTo(ExitCode.PASSED);
        assertThat(bundled.err()).as(bundled.toString()).doesNotContain("SLF4J");

        // and a database run touches SLF4J not at all: its pool is Benchdeck's own (HikariCP, before issue 16, logged
        // through it), so even without the backend nothing is printed
        CliProcess without = CliProcess.withClasspath(dir, entry -> !entry.contains("slf4j-simple"), run);
        assertThat(without.exitCode()).as(without.toString()).isEqualTo(ExitCode.PASSED);
        assertThat(without.err()).as(without.toString()).doesNotContain("SLF4J");
    }

    @Test
    void aWrongPasswordFailsBeforeAnyLoadWithOneLine() {
        Path example = Path.of("..", "examples", "06-postgres-select.yaml");
        CliRun run = CliRun.of(args(example, "--set", "target.password=wrong-password").toArray(String[]::new));
        assertThat(run.exitCode()).isEqualTo(ExitCode.RUN_FAILED);
        assertThat(run.err()).contains("error: login refused for postgres@127.0.0.1:" + postgres.port() + "/postgres")
                .contains("28P01").doesNotContain("wrong-password");
    }
}
