package dev.benchdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.embeddedpg.EmbeddedPostgres;
import dev.benchdeck.engine.result.ResultJson;
import dev.benchdeck.ingestor.IngestorConfig;
import dev.benchdeck.ingestor.IngestorServer;
import dev.benchdeck.ingestor.store.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
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

/** The ingestion examples run headless against the ingestor on an embedded PostgreSQL, with smaller bursts. */
@Timeout(180)
class IngestExamplesTest {

    static EmbeddedPostgres postgres;
    static IngestorServer ingestor;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start(Files.createTempDirectory("benchdeck-cli-ingest-pg"), 0, true);
        ingestor = IngestorServer.start(IngestorConfig.builder(
                new DatabaseSettings(postgres.jdbcUrl(), postgres.user(), postgres.password())).port(0).build());
    }

    @AfterAll
    static void stop() {
        ingestor.close();
        postgres.close();
    }

    static boolean isIngestPlan(Path plan) {
        try {
            return Files.readString(plan).contains("driver: ingest");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Path> examples() throws IOException {
        return Files.list(Path.of("..", "examples")).filter(p -> p.toString().endsWith(".yaml"))
                .filter(IngestExamplesTest::isIngestPlan).sorted();
    }

    @Test
    void ingestExamplesExist() throws IOException {
        assertThat(examples().map(p -> p.getFileName().toString())).contains("09-ingest-burst.yaml");
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyIngestExampleRunsWithNothingLostOrDuplicated(Path example) throws IOException {
        Path json = dir.resolve("result.json");
        CliRun run = CliRun.of("run", example.toString(), "--quiet", "--out", json.toString(),
                "--set", "target.http.url=" + ingestor.baseUri() + "/messages",
                "--set", "target.sink.url=" + postgres.jdbcUrl(), "--set", "target.sink.user=" + postgres.user(),
                "--set", "target.sink.password_env=null", "--set", "target.sink.password=" + postgres.password(),
                "--set", "load.steps[0].requests=100", "--set", "load.steps[1].requests=300");

        // the latency threshold is about the machine at hand: a loaded test machine may miss it, never lost or duplicated
        assertThat(run.exitCode()).as(run.toString()).isIn(ExitCode.PASSED, ExitCode.THRESHOLDS_FAILED);
        assertThat(run.out()).contains(": completed").contains("PASS lost = 0").contains("PASS duplicated = 0")
                .containsPattern("  1    e2e p50 [0-9.]+ms .* drain [0-9.]+ms \\| sent 100  delivered 100  lost 0  duplicated 0")
                .containsPattern("  all  e2e p50 .* sent 400  delivered 400  lost 0  duplicated 0");
        JsonNode result = ResultJson.mapper().readTree(json.toFile());
        assertThat(result.at("/steps/0/counts/delivered").asLong()).isEqualTo(100);
        assertThat(result.at("/steps/1/counts/delivered").asLong()).isEqualTo(300);
        assertThat(result.at("/overall/latencies/e2e/summary/count").asLong()).isEqualTo(400);
    }
}
