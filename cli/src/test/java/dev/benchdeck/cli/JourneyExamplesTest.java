package dev.benchdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.demotarget.DemoTarget;
import dev.benchdeck.engine.plan.Plan;
import dev.benchdeck.engine.result.ResultJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The journey example and its Java twin run against the demo target, and every output shows its steps, groups and checks. */
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

    @Test
    void theJavaExampleGivesThePlanOfItsYamlTwin() {
        Plan yaml = read(Path.of("..", "examples", "10-journey.yaml"));
        Plan java = read(Path.of("..", "examples", "10-journey.java"));
        assertThat(java.source()).isEqualTo(yaml.source());
        assertThat(java).isEqualTo(yaml);
    }

    @Test
    void validatePrintsTheJavaExamplesYamlTwin() throws IOException {
        CliRun run = CliRun.of("validate", Path.of("..", "examples", "10-journey.java").toString(), "--print-yaml",
                "--set", "workload.feeders[0].file=../examples/data/shoppers.csv");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.PASSED);
        Path printed = Files.writeString(dir.resolve("twin.yaml"), run.out());
        assertThat(read(printed)).isEqualTo(read(Path.of("..", "examples", "10-journey.yaml")));
    }

    /** Reads an example as {@code benchdeck run} does, its feeder's file named from cli/. */
    private static Plan read(Path example) {
        PlanOptions options = new PlanOptions();
        options.file = example;
        options.overrides = List.of("workload.feeders[0].file=../examples/data/shoppers.csv");
        StringWriter err = new StringWriter();
        Plan plan = options.read(new PrintWriter(err, true));
        assertThat(plan).as(err.toString()).isNotNull();
        return plan;
    }

    static boolean isJourneyPlan(Path plan) {
        try {
            return Files.readString(plan).contains("\n  journey:");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The YAML journey and its Java twin (docs/journeys.md, Journeys in Java). */
    @ParameterizedTest
    @ValueSource(strings = {"10-journey.yaml", "10-journey.java"})
    void theJourneyExampleRunsAndEveryOutputShowsItsStepsGroupsAndChecks(String example) throws IOException {
        Path json = dir.resolve("result.json");
        Path junit = dir.resolve("junit.xml");
        // the feeder's file is named from the repository's root; the test runs in cli/
        CliRun run = CliRun.of("run", Path.of("..", "examples", example).toString(), "--quiet",
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
