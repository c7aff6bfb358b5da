package dev.benchdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.demotarget.DemoTarget;
import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.result.ResultJson;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A figure that was not measured is absent or empty in every output (JSON, CSV, JUnit, console), never 0 or NaN. */
@Timeout(60)
class OutputFormatsTest {

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

    @Test
    void anHttpRunHasNoStreamFiguresInAnyOutput() throws IOException {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, "name: plain http\ntarget: {url: '" + target.baseUrl() + "'}\nworkload: {path: /hello}\n"
                + "load: {users: 2, warmup: 1s, duration: 1s}\nthresholds: ['ttft.p50 < 1s', 'p99 < 5s']\n");
        Path json = dir.resolve("result.json");
        Path csv = dir.resolve("csv");
        Path junit = dir.resolve("junit.xml");
        Path html = dir.resolve("report.html");
        Path md = dir.resolve("summary.md");
        CliRun run = CliRun.of("run", plan.toString(), "--out", json.toString(), "--csv", csv.toString(), "--junit", junit.toString(),
                "--html", html.toString(), "--md", md.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.THRESHOLDS_FAILED); // ttft was not measured

        String text = Files.readString(json);
        // base64 histograms may spell "NaN" by chance: only JSON values count
        assertThat(text.replaceAll("\"HISTF[A-Za-z0-9+/=]*\"", "\"\"")).doesNotContain("NaN");
        JsonNode result = ResultJson.mapper().readTree(text);
        assertThat(result.at("/overall/latencies").has("ttft")).isFalse();
        assertThat(result.at("/overall/latencies").has("output_tokens")).isFalse();
        assertThat(result.at("/overall/stream").isNull()).isTrue();
        assertThat(result.get("intervals")).isNotEmpty().allSatisfy(interval -> {
            assertThat(interval.has("ttft_p50")).isTrue();
            assertThat(interval.get("ttft_p50").isNull()).as(interval.toString()).isTrue();
            assertThat(interval.get("ttft_p99").isNull()).isTrue();
            assertThat(interval.get("output_tokens").isNull()).isTrue();
        });
        JsonNode verdict = result.get("verdicts").get(0);
        assertThat(verdict.get("actual").isNull()).isTrue();
        assertThat(verdict.get("unit").asText()).isEqualTo("ms");
        assertThat(result.get("verdicts").get(1).get("actual").asDouble()).isPositive();

        assertThat(column(csv.resolve("steps.csv"), "ttft_p50_ms")).hasSize(2).allMatch(String::isEmpty);
        assertThat(column(csv.resolve("steps.csv"), "output_tokens_p50")).allMatch(String::isEmpty);
        assertThat(column(csv.resolve("steps.csv"), "latency_p50_ms")).noneMatch(String::isEmpty);
        assertThat(column(csv.resolve("intervals.csv"), "ttft_p50_ms")).isNotEmpty().allMatch(String::isEmpty);
        assertThat(column(csv.resolve("intervals.csv"), "output_tokens")).allMatch(String::isEmpty);
        assertThat(Files.readString(csv.resolve("intervals.csv"))).doesNotContain("NaN");

        assertThat(Files.readString(html)).contains("plain http").contains("<svg ").doesNotContain("NaN").doesNotContain("TTFT");
        assertThat(Files.readString(md)).contains("**1 of 2 thresholds failed.**").contains("| `ttft.p50 < 1s` | overall | not measured |");

        String xml = Files.readString(junit);
        assertThat(xml).contains("<failure message=\"not measured\"/>").doesNotContain("NaN").doesNotContain("actual 0");

        assertThat(run.out()).contains("FAIL ttft.p50 < 1s").contains("actual not measured")
                .containsPattern("PASS p99 < 5s +overall +actual [0-9.]+ ms").doesNotContain("NaN")
                .doesNotContain("streams (ms");
    }

    @Test
    void anIntervalWithoutAnswersHasEmptyLatencyCells() throws IOException {
        IntervalSnapshot stalled = new IntervalSnapshot(1.0, 0, "users=1", IntervalSnapshot.Phase.WARMUP, 1.0, 1.0,
                0, 0, 0, 0, 0, null, null, null, null, 1, 1, Map.of(), null, null, null, null, null, null);
        RunResult result = new RunResult("stalled", RunStatus.CANCELLED, null, 0, 1000, null, List.of(), null, List.of(),
                List.of(stalled), List.of());
        dev.benchdeck.report.CsvExport.writeRun(result, dir);
        List<String> lines = Files.readAllLines(dir.resolve("intervals.csv"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).isEqualTo("1.000,1,users=1,warmup,0,0,0,0,0.000,,,,,1,1,,,,,,");
        assertThat(Files.readAllLines(dir.resolve("steps.csv"))).hasSize(1); // the header alone: nothing was measured

        String json = ResultJson.mapper().writeValueAsString(stalled);
        assertThat(ResultJson.mapper().readTree(json).get("p50").isNull()).isTrue();
        assertThat(new ConsoleProgress(new java.io.PrintWriter(java.io.Writer.nullWriter()), ConsoleProgressTest.plan("18s"))
                .line(stalled)).contains("| p50 - p99 - |");
    }

    /** The cells of one CSV column (no quoted commas in these files). */
    private static List<String> column(Path file, String name) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int index = Arrays.asList(lines.get(0).split(",", -1)).indexOf(name);
        assertThat(index).as(name + " in " + lines.get(0)).isNotNegative();
        return lines.stream().skip(1).map(line -> line.split(",", -1)[index]).toList();
    }
}
