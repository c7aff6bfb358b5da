package dev.benchdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.engine.result.ResultJson;
import dev.benchdeck.report.ReportRun;
import dev.benchdeck.report.TestRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benchdeck compare}: the table, the report files, and its exit codes 0, 1 and 2. */
class CompareCommandTest {

    @TempDir
    static Path dir;
    static Path base;
    static Path same;
    static Path slower;

    @BeforeAll
    static void results() throws IOException {
        base = write("base.json", TestRuns.noisyRun("base", 1, 40, 500, 20));
        same = write("same.json", TestRuns.noisyRun("same", 3, 40, 500, 20));
        slower = write("slower.json", TestRuns.noisyRun("slower", 5, 40, 500, 30));
    }

    @Test
    void aSignificantRegressionFailsOnlyWhenAskedTo() throws IOException {
        Path md = dir.resolve("out/compare.md");
        Path html = dir.resolve("out/compare.html");
        Path csv = dir.resolve("out/compare.csv");
        CliRun failing = CliRun.of("compare", base.toString(), slower.toString(), "--fail-on-regression", "--md", md.toString(),
                "--html", html.toString(), "--csv", csv.toString());
        assertThat(failing.exitCode()).as(failing.toString()).isEqualTo(ExitCode.REGRESSION);
        assertThat(failing.out()).contains("step 1 users=4:").containsPattern("latency p99 +[0-9.]+ms +[0-9.]+ms +\\+[0-9.]+% +< 0.001 REGRESSION")
                .contains("REGRESSION step 1 users=4 latency p99 in slower.json");
        assertThat(Files.readString(md)).contains("significant regression");
        assertThat(Files.readString(html)).contains("<svg ");
        assertThat(Files.readString(csv)).startsWith("step,label,metric,");

        CliRun reported = CliRun.of("compare", base.toString(), slower.toString());
        assertThat(reported.exitCode()).as(reported.toString()).isEqualTo(ExitCode.PASSED);
    }

    @Test
    void noiseOfTheSameSizeIsNoRegression() {
        CliRun run = CliRun.of("compare", base.toString(), same.toString(), "--fail-on-regression");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.PASSED);
        assertThat(run.out()).contains("no significant regression").doesNotContain("REGRESSION");
    }

    @Test
    void badInputExitsTwoWithAClearMessage() throws IOException {
        CliRun missing = CliRun.of("compare", base.toString(), dir.resolve("nope.json").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(missing.err()).contains("error: " + dir.resolve("nope.json") + ": no such file");

        Path plan = Files.writeString(dir.resolve("plan.json"), "{\"name\": \"not a result\"}");
        CliRun notResult = CliRun.of("compare", base.toString(), plan.toString());
        assertThat(notResult.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(notResult.err()).contains("plan.json: not a Benchdeck result");

        ReportRun other = ReportRun.of("rate", TestRuns.run("open", List.of(TestRuns.step(0, "rate=100/s", 10, 0, 1, 2, 3)), List.of()));
        Path rate = write("rate.json", other);
        CliRun incomparable = CliRun.of("compare", base.toString(), rate.toString(), "--fail-on-regression");
        assertThat(incomparable.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(incomparable.err()).contains("no common steps").contains("Comparable are runs of the same driver");

        assertThat(CliRun.of("compare", base.toString()).exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        CliRun confidence = CliRun.of("compare", base.toString(), same.toString(), "--confidence", "99");
        assertThat(confidence.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(confidence.err()).contains("confidence: must be between 0 and 1");
    }

    @Test
    void thePlansGivenAreDiffed() throws IOException {
        Path a = Files.writeString(dir.resolve("a.yaml"), "name: x\nload:\n  users: 4\n");
        Path b = Files.writeString(dir.resolve("b.yaml"), "name: x\nload:\n  users: 8\n");
        CliRun run = CliRun.of("compare", base.toString(), same.toString(), "--plan", a.toString(), "--plan", b.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.PASSED);
        assertThat(run.out()).contains("-  users: 4\n+  users: 8\n");
        assertThat(CliRun.of("compare", base.toString(), same.toString(), "--plan", a.toString()).err())
                .contains("--plan: give one plan per result (2), not 1");
    }

    static Path write(String name, ReportRun run) throws IOException {
        Path file = dir.resolve(name);
        ResultJson.write(run.result(), file);
        return file;
    }
}
