package dev.benchdeck.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchdeck.engine.testkit.Plans;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanReaderTest {

    private static List<String> problems(String yaml) {
        try {
            Plans.reader().read(yaml, List.of());
        } catch (InvalidPlanException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("expected the plan to be invalid");
    }

    @Test
    void readsAClosedSweepWithDefaultsAppliedToEachStep() {
        Plan plan = Plans.withLoad("""
                  warmup: 2s
                  duration: 30s
                  steps:
                    - users: 20
                    - users: 40
                      duration: 1m
                """, "timeout: 250ms\nthresholds: ['p99 < 250ms', 'error_rate < 1%', 'throughput > 1000/s per step']");
        LoadSpec.Closed load = (LoadSpec.Closed) plan.load();
        assertThat(load.steps()).extracting(ClosedStep::users).containsExactly(20, 40);
        assertThat(load.steps()).extracting(ClosedStep::warmup).containsOnly(Duration.ofSeconds(2));
        assertThat(load.steps()).extracting(ClosedStep::duration).containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1));
        assertThat(plan.timeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(plan.estimatedDuration()).contains(Duration.ofSeconds(2 + 30 + 2 + 60));
        assertThat(plan.thresholds()).extracting(Threshold::metric).containsExactly("latency.p99", "error_rate", "throughput");
        assertThat(plan.thresholds().get(1).value()).isEqualTo(0.01);
        assertThat(plan.thresholds().get(2).perStep()).isTrue();
    }

    @Test
    void readsAnOpenModelWithRequestCounts() {
        Plan plan = Plans.withLoad("""
                  model: open
                  arrival: poisson
                  max_in_flight: 50
                  steps:
                    - {rate: 100, requests: 500}
                    - {rate: 200, ramp: 5s, duration: 10s}
                """, "");
        LoadSpec.Open load = (LoadSpec.Open) plan.load();
        assertThat(load.arrival()).isEqualTo(LoadSpec.Arrival.POISSON);
        assertThat(load.maxInFlight()).isEqualTo(50);
        assertThat(load.steps().get(0).measuredDuration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(plan.estimatedDuration()).contains(Duration.ofSeconds(5 + 5 + 10));
    }

    @Test
    void reportsEveryProblemAtOnceWithItsPath() {
        assertThat(problems("""
                name: two mistakes
                target: {url: 'fake://x'}
                workload: {driver: fake}
                load:
                  model: open
                  steps:
                    - rate: 100
                    - rate: -5
                    - {rate: 10, duraton: 5s}
                timeout: soon
                """)).containsExactlyInAnyOrder(
                "load.steps[1].rate: must be > 0",
                "load.steps[2].duraton: unknown field (known: duration, ramp, rate, requests, warmup)",
                "timeout: 'soon' is not a duration (e.g. 250ms, 10s, 2m, 1h30m)");
    }

    @Test
    void reportsMissingSectionsAndUnknownDrivers() {
        assertThat(problems("name: x\nworkload: {driver: nosuch}\n")).containsExactlyInAnyOrder(
                "target: is required",
                "workload.driver: unknown driver 'nosuch' (available: fake)",
                "load: is required");
    }

    @Test
    void reportsMalformedYamlWithItsLine() {
        assertThat(problems("name: x\nload: [unclosed\n")).singleElement().asString()
                .isEqualTo("not valid YAML or JSON: line 2, column 16: while parsing a flow sequence; expected ',' or ']', but got <stream end>");
    }

    @Test
    void readsJsonToo() {
        Plan plan = Plans.reader().read("""
                {"name": "json", "target": {"url": "fake://x"}, "workload": {"driver": "fake"},
                 "load": {"users": 3, "duration": 1.5}}""", List.of());
        assertThat(((ClosedStep) plan.load().steps().get(0)).users()).isEqualTo(3);
        assertThat(plan.load().steps().get(0).duration()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void checksTheModelSpecificFields() {
        assertThat(problems("""
                name: x
                target: {url: 'fake://x'}
                workload: {driver: fake}
                load: {model: closed, rate: 5, max_in_flight: 3, users: 0, think_time: -1s}
                """)).containsExactlyInAnyOrder(
                "load.max_in_flight: only applies to the open model (model: open)",
                "load.users: must be ≥ 1",
                "load.think_time: must not be negative");
    }

    @Test
    void maxErrorRateIsAShareOrAPercentage() {
        assertThat(Plans.withLoad("  users: 1", "max_error_rate: 25%").maxErrorRate()).isEqualTo(0.25);
        assertThat(Plans.withLoad("  users: 1", "max_error_rate: 0.1").maxErrorRate()).isEqualTo(0.1);
        assertThat(Plans.withLoad("  users: 1", "").maxErrorRate()).isNull();
        assertThat(problems("name: x\ntarget: {url: 'fake://x'}\nworkload: {driver: fake}\nload: {users: 1}\nmax_error_rate: lots\n"))
                .containsExactly("max_error_rate: must be a share above 0 and at most 1, or a percentage such as '50%'");
    }

    @Test
    void gammaArrivalsTakeABurstiness() {
        Plan plan = Plans.withLoad("  model: open\n  arrival: gamma\n  burstiness: 0.5\n  rate: 10", "");
        LoadSpec.Open load = (LoadSpec.Open) plan.load();
        assertThat(load.arrival()).isEqualTo(LoadSpec.Arrival.GAMMA);
        assertThat(load.burstiness()).isEqualTo(0.5);
        assertThat(problems("""
                name: x
                target: {url: 'fake://x'}
                workload: {driver: fake}
                load: {model: open, arrival: poisson, burstiness: 0, rate: 5}
                """)).containsExactlyInAnyOrder(
                "load.burstiness: must be > 0 and ≤ 100 (1 = Poisson, below 1 burstier)",
                "load.burstiness: only applies to arrival: gamma");
    }

    @Test
    void rejectsThresholdsThatDoNotParse() {
        assertThat(problems("""
                name: x
                target: {url: 'fake://x'}
                workload: {driver: fake}
                load: {users: 1}
                thresholds: ['p99 < 250', 'latency_p42 < 3ms', 'fast please', 'error_rate < 1/s']
                """)).containsExactlyInAnyOrder(
                "thresholds[0]: 'p99 < 250': a latency needs a unit: us, ms or s",
                "thresholds[1]: unknown metric 'latency_p42' in 'latency_p42 < 3ms' (use p50…p99.9, min, max, mean, optionally prefixed like ttfb.p99; error_rate, throughput, requests, errors, dropped; lost, duplicated, delivered for ingestion; checks, step[name].p99, group[name].p95 for journeys)",
                "thresholds[2]: 'fast please' is not a threshold; write e.g. 'p99 < 250ms', 'error_rate < 1%', 'throughput > 100/s' (add 'per step' to check each step)",
                "thresholds[3]: 'error_rate < 1/s': a rate takes % or no unit");
    }

    @Test
    void readsEqualityAndDriverCountThresholds() {
        Plan plan = Plans.reader().read("""
                name: x
                target: {url: 'fake://x'}
                workload: {driver: fake}
                load: {users: 1}
                thresholds: ['lost = 0', 'e2e.p99 < 200ms', 'duplicated <= 0 per step']
                """, List.of());
        assertThat(plan.thresholds()).extracting(Threshold::metric, Threshold::comparison, Threshold::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lost", Threshold.Comparison.EQ, 0.0),
                        org.assertj.core.groups.Tuple.tuple("e2e.p99", Threshold.Comparison.LT, 200.0),
                        org.assertj.core.groups.Tuple.tuple("duplicated", Threshold.Comparison.LE, 0.0));
    }

    @Test
    void appliesOverridesBeforeReading() {
        Plan plan = Plans.reader().read("""
                name: x
                target: {url: 'fake://x'}
                workload: {driver: fake}
                load:
                  steps: [{users: 1}, {users: 2}]
                """, List.of("load.steps[1].users=64", "load.duration=3s", "name=renamed"));
        assertThat(plan.name()).isEqualTo("renamed");
        assertThat(((ClosedStep) plan.load().steps().get(1)).users()).isEqualTo(64);
        assertThat(plan.load().steps().get(0).duration()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void reportsBadOverrides() {
        assertThatThrownBy(() -> Plans.reader().read("name: x\nload: {users: 1}\n", List.of("load.steps[3].users=1", "novalue")))
                .isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("load.steps[3].users: no element [3] in steps")
                .hasMessageContaining("--set novalue: must be key=value");
    }

    @Test
    void parsesDurationsAsPeopleWriteThem() {
        assertThat(DurationText.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(DurationText.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationText.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(DurationText.parse("2")).isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> DurationText.parse("10 parsecs")).isInstanceOf(IllegalArgumentException.class);
        assertThat(DurationText.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    }
}
