package dev.benchdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.demotarget.DemoTarget;
import dev.benchdeck.engine.result.ResultJson;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a real process: what it prints reaches the end, however it exits. */
@Timeout(120)
class CliProcessTest {

    @TempDir
    Path dir;

    @Test
    void schemaPrintsTheWholeSchema() throws Exception {
        String schema;
        try (InputStream in = SchemaCommand.class.getResourceAsStream(SchemaCommand.RESOURCE)) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(schema.length()).as("longer than the 16 KiB that used to come out").isGreaterThan(16_384);

        CliProcess run = CliProcess.of(dir, "schema");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo(schema);
        assertThat(ResultJson.mapper().readTree(run.out()).get("title").asText()).isEqualTo("Benchdeck plan");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void helpAndValidateAreWholeToo() throws Exception {
        CliProcess help = CliProcess.of(dir, "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Exit codes:").contains("130").endsWith(System.lineSeparator());

        CliProcess validate = CliProcess.of(dir, "validate", Path.of("..", "examples", "03-closed-sweep.yaml").toString());
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(validate.out()).endsWith("valid (3 steps, about 19s)" + System.lineSeparator());
    }

    @Test
    void aRunPrintsItsWholeSummaryAndWritesItsResult() throws Exception {
        try (DemoTarget target = DemoTarget.start(0)) {
            Path plan = dir.resolve("plan.yaml");
            Files.writeString(plan, "name: process\ntarget: {url: '" + target.baseUrl() + "'}\nworkload: {path: /hello}\n"
                    + "load: {users: 2, duration: 1s}\nthresholds: ['p99 < 5s']\n");
            Path json = dir.resolve("result.json");
            CliProcess run = CliProcess.of(dir, "run", plan.toString(), "--out", json.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("process: completed").contains("PASS p99 < 5s").endsWith(System.lineSeparator());
            assertThat(ResultJson.read(Files.readString(json)).status().name()).isEqualTo("COMPLETED");
            assertThat(run.err()).doesNotContain("SLF4J");
        }
    }
}
