package dev.benchdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.engine.result.ResultJson;
import dev.benchdeck.report.TestRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benchdeck report}: the summary of a result file and every report file it writes. */
class ReportCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryReportOfAResultFile() throws IOException {
        Path result = write("result.json", TestRuns.noisyRun("r", 1, 20, 300, 15).result(), null);
        Path html = dir.resolve("r/report.html");
        Path md = dir.resolve("r/report.md");
        Path junit = dir.resolve("r/report.xml");
        Path csv = dir.resolve("r/csv");
        CliRun run = CliRun.of("report", result.toString(), "--html", html.toString(), "--md", md.toString(), "--junit",
                junit.toString(), "--csv", csv.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.PASSED);
        assertThat(run.out()).contains("checkout: completed").contains("users=4");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<svg ");
        assertThat(Files.readString(md)).startsWith("### Benchdeck: checkout — completed");
        assertThat(Files.readString(junit)).contains("<testcase classname=\"benchdeck.run\" name=\"run completed\"");
        assertThat(Files.readAllLines(csv.resolve("steps.csv"))).hasSize(3); // header, the step, all
        assertThat(Files.readAllLines(csv.resolve("intervals.csv"))).hasSize(21);
    }

    @Test
    void aRunStillGoingIsReportedAsPartial() throws IOException {
        Path result = write("running.json", TestRuns.noisyRun("r", 1, 10, 300, 15).result(), "running");
        Path html = dir.resolve("running.html");
        CliRun run = CliRun.of("report", result.toString(), "--html", html.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.PASSED);
        assertThat(run.out()).contains("partial: the run is still going: these are the figures so far");
        assertThat(Files.readString(html)).contains("Partial.");
    }

    @Test
    void aFileThatIsNotAResultExitsTwo() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"steps\": [}");
        CliRun run = CliRun.of("report", broken.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).startsWith("error: broken.json: not JSON (line 1");
    }

    /** Writes a result, optionally with a server state in place of its status. */
    private Path write(String name, dev.benchdeck.engine.result.RunResult result, String state) throws IOException {
        ObjectNode tree = (ObjectNode) ResultJson.mapper().readTree(ResultJson.write(result));
        if (state != null) {
            tree.put("status", state);
        }
        Path file = dir.resolve(name);
        Files.writeString(file, tree.toString());
        return file;
    }
}
