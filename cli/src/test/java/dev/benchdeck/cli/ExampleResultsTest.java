package dev.benchdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real result files in {@code examples/results/} (the e2e tests open their reports) still make reports. */
class ExampleResultsTest {

    private static final Path BASE = Path.of("..", "examples", "results", "sweep-base.json");
    private static final Path SLOWER = Path.of("..", "examples", "results", "sweep-slower.json");

    @TempDir
    Path dir;

    @Test
    void theExampleResultsReportAndCompare() throws IOException {
        Path html = dir.resolve("report.html");
        CliRun report = CliRun.of("report", BASE.toString(), "--html", html.toString());
        assertThat(report.exitCode()).as(report.toString()).isEqualTo(ExitCode.PASSED);
        assertThat(Files.readString(html)).contains("concurrency sweep").contains("<svg ");

        Path md = dir.resolve("compare.md");
        CliRun compare = CliRun.of("compare", BASE.toString(), SLOWER.toString(), "--md", md.toString(), "--fail-on-regression");
        assertThat(compare.exitCode()).as(compare.toString()).isEqualTo(ExitCode.REGRESSION);
        assertThat(compare.out()).contains("step 3 users=20:").contains("sweep-slower.json");
        assertThat(Files.readString(md)).contains("significant regression");
    }
}
