package dev.benchdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.demotarget.DemoTarget;
import dev.benchdeck.engine.result.ResultJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The journey example runs against the demo target, and every output shows its steps, groups and checks. */
@Timeout(60)
class JourneyExamplesTest {

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

    static boolean isJourneyPlan(Path plan) {
        try {
            return Files.readString(plan).contains("\n  journey:");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theJourneyExampleRunsAndEveryOutputShowsItsStepsGroupsAndChecks() throws IOException {
        Path json = dir.resolve("result.json");
        Path junit = dir.resolve("junit.xml");
        // the feeder's file is named from the repository's root; the test runs in cli/
        CliRun run = CliRun.of("run", Path.of("..", "examples", "10-journey.yaml").toString(), "--quiet",
                "--set", "target.url=" + target.baseUrl(), "--set", "load.duration=1s", "--set", "load.warmup=0s",
                "--set", "workload.feeders[0].file=../examples/data/shoppers.csv",
                "--out", json.toString(), "--csv", dir.resolve("csv").toString(), "--junit", junit.toString());

        assertThat(run.exitCode()).as(run.toString()).isIn(ExitCode.PASSED, ExitCode.THRESHOLDS_FAILED);
        assertThat(run.out()).contains("shop journey: completed", "journey: ", "step    login", "group   checkout",
                "checks: 100.00% passed", "PASS checks > 99%", "PASS error_rate < 1%");
        JsonNode overall = ResultJson.mapper().readTree(json.toFile()).get("overall");
        JsonNode journey = overall.get("journey");
        assertThat(journey.get("iterations").asLong()).isEqualTo(overall.get("requests").asLong()).isPositive();
        assertThat(journey.get("steps").fieldNames()).toIterable()
                .containsExactly("login", "products", "product", "cart", "pay", "thanks");
        assertThat(journey.at("/steps/pay/ok").asLong()).isEqualTo(journey.get("iterations").asLong());
        assertThat(journey.at("/groups/checkout/summary/count").asLong()).isEqualTo(journey.get("iterations").asLong());
        assertThat(journey.at("/checks/order is paid/failed").asLong()).isZero();
        List<String> csv = Files.readAllLines(dir.resolve("csv/journey.csv"));
        assertThat(csv.get(0)).startsWith("step,label,kind,name,requests");
        assertThat(csv).anyMatch(line -> line.startsWith("all,") && line.contains(",group,checkout,"))
                .anyMatch(line -> line.contains(",check,order is paid,"));
        assertThat(Files.readString(junit)).contains("<testcase classname=\"benchdeck.checks\" name=\"order is paid\">");
    }
}
