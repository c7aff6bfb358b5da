package dev.benchdeck.driver.http.plan;

import static dev.benchdeck.driver.http.plan.Benchdeck.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.benchdeck.engine.driver.Drivers;
import dev.benchdeck.engine.plan.InvalidPlanException;
import dev.benchdeck.engine.plan.LoadSpec;
import dev.benchdeck.engine.plan.Plan;
import dev.benchdeck.engine.plan.PlanReader;
import dev.benchdeck.engine.plan.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder writes what the YAML reader reads: equal plans, and the same problems at the same paths. */
class PlanBuilderTest {

    @TempDir
    Path dir;

    private static Plan yaml(String text) {
        PlanReader reader = new PlanReader(Drivers.discover());
        Plan plan = reader.read(text, List.of());
        reader.driverSpec(plan);
        return plan;
    }

    private static List<Problem> yamlProblems(String text) {
        try {
            yaml(text);
        } catch (InvalidPlanException e) {
            return e.problems();
        }
        throw new AssertionError("the YAML plan is valid");
    }

    private static List<Problem> builderProblems(PlanBuilder builder) {
        try {
            builder.build();
        } catch (InvalidPlanException e) {
            return e.problems();
        }
        throw new AssertionError("the built plan is valid");
    }

    private static PlanBuilder shortPlan(java.util.function.Consumer<Steps> journey) {
        return Benchdeck.plan("p").target("http://127.0.0.1:1").journey(journey).load(closed(1));
    }

    private static String shortYaml(String journey) {
        return "name: p\ntarget: {url: 'http://127.0.0.1:1'}\nworkload:\n  driver: http\n  journey:\n" + journey
                + "load: {model: closed, users: 1}\n";
    }

    @Test
    void everyConstructGivesThePlanOfItsYamlTwin() throws IOException {
        Path users = Files.writeString(dir.resolve("users.csv"), "user,role\nada,admin\n");
        String file = users.toString().replace('\\', '/');
        PlanBuilder built = Benchdeck.plan("every construct")
                .description("all of it")
                .target("http://127.0.0.1:1/api?v=1").httpVersion("1.1").connectTimeout(millis(500)).insecure(true)
                .connections(4)
                .feeder(file, FeederStrategy.RANDOM)
                .feeder(file)
                .journey(j -> j
                        .step("login", s -> s.post("/login").headers(Map.of("Content-Type", "application/json"))
                                .body("{\"u\": \"${user}\"}").expectStatus(200, 201)
                                .extract("token", jsonPath("$.token"))
                                .extract("csrf", regex("csrf=(\\w+)", 1).orDefault("none"))
                                .extract("trace", header("X-Trace").orDefault(""))
                                .extract("sid", cookie("session"))
                                .extract("word", regex("\\w+"))
                                .check(status(200, 201))
                                .check("no error", jsonPathAbsent("$.error"))
                                .check(bodyContains("ok"))
                                .check(jsonPathEquals("$.ok", "true")))
                        .think(millis(250))
                        .think(constant(Duration.ofNanos(1_500_000)))
                        .think(uniform(millis(10), seconds(2)))
                        .think(exponential(Duration.ofMinutes(1)))
                        .repeatWhile(variable("next").exists(), page -> page
                                .step("page", s -> s.get("/page").extract("next", jsonPath("$.next").orDefault("")))
                                .repeatWhile(variable("next").notEqualTo(""), 3, inner -> inner.step("more", s -> s.head("/more"))))
                        .ifThenElse(variable("role").equalTo("admin"),
                                admin -> admin.step("admin", s -> s.put("/admin").check(headerPresent("ETag"))),
                                other -> other.step("other", s -> s.delete("/x").check(responseTimeBelow(millis(200)))))
                        .ifThen(variable("token").absent(), none -> none.step("anon", s -> s.patch("/anon")))
                        .branches(b -> b.branch(60, x -> x.step("a", s -> s.method("OPTIONS").path("/a")))
                                .branch("b", 40, x -> x.group("g", g -> g.repeat(3, r -> r.step("b", s -> s.get("/b")))))))
                .load(open(rate(10).ramp(seconds(1)).duration(seconds(5)), rate(20.5).requests(100).warmup(millis(1500)))
                        .arrival(Load.Arrival.GAMMA).burstiness(0.5).maxInFlight(50).warmup(seconds(1)))
                .timeout(seconds(3)).deadline(Duration.ofMinutes(2)).seed(42).maxErrorRate(0.5)
                .thresholds("p99 < 2s", "step[login].p99 < 300ms")
                .thresholds("group[g].p95 < 1s");
        Plan fromYaml = yaml("""
                name: every construct
                description: all of it
                target: {url: 'http://127.0.0.1:1/api?v=1', http_version: '1.1', connect_timeout: 500ms, insecure: true, connections: 4}
                workload:
                  driver: http
                  feeders:
                    - {file: '%1$s', strategy: random}
                    - {file: '%1$s'}
                  journey:
                    - name: login
                      method: POST
                      path: /login
                      headers: {Content-Type: application/json}
                      body: '{"u": "${user}"}'
                      expect_status: [200, 201]
                      extract:
                        - {name: token, jsonpath: $.token}
                        - {name: csrf, regex: 'csrf=(\\w+)', group: 1, default: none}
                        - {name: trace, header: X-Trace, default: ''}
                        - {name: sid, cookie: session}
                        - {name: word, regex: '\\w+'}
                      checks:
                        - {status: [200, 201]}
                        - {name: no error, jsonpath: $.error, exists: false}
                        - {body_contains: ok}
                        - {jsonpath: $.ok, equals: 'true'}
                    - think: 250ms
                    - think: 1500us
                    - think: {uniform: [10ms, 2s]}
                    - think: {exponential: 1m}
                    - while: {var: next, exists: true}
                      steps:
                        - {name: page, path: /page, extract: [{name: next, jsonpath: $.next, default: ''}]}
                        - while: {var: next, not_equals: ''}
                          max: 3
                          steps: [{name: more, method: HEAD, path: /more}]
                    - if: {var: role, equals: admin}
                      then: [{name: admin, method: PUT, path: /admin, checks: [{header: ETag}]}]
                      else: [{name: other, method: DELETE, path: /x, checks: [{response_time_below: 200ms}]}]
                    - if: {var: token, exists: false}
                      then: [{name: anon, method: PATCH, path: /anon}]
                    - branches:
                        - {weight: 60, steps: [{name: a, method: OPTIONS, path: /a}]}
                        - name: b
                          weight: 40
                          steps:
                            - group: g
                              steps: [{repeat: 3, steps: [{name: b, path: /b}]}]
                load:
                  model: open
                  steps:
                    - {rate: 10, ramp: 1s, duration: 5s}
                    - {rate: 20.5, requests: 100, warmup: 1500ms}
                  arrival: gamma
                  burstiness: 0.5
                  max_in_flight: 50
                  warmup: 1s
                timeout: 3s
                deadline: 2m
                seed: 42
                max_error_rate: 0.5
                thresholds: ['p99 < 2s', 'step[login].p99 < 300ms', 'group[g].p95 < 1s']
                """.formatted(file));

        Plan fromJava = built.build();

        assertThat(fromJava.source()).isEqualTo(fromYaml.source());
        assertThat(fromJava).isEqualTo(fromYaml);
        assertThat(fromJava.load()).isInstanceOf(LoadSpec.Open.class);
        assertThat(new YAMLMapper().readTree(built.toYaml())).isEqualTo(fromYaml.source());
    }

    @Test
    void theTreeIsACopyAndTheValuesAreImmutable() {
        PlanBuilder builder = shortPlan(j -> j.step("a", s -> s.get("/a")));
        builder.tree().put("name", "changed");
        assertThat(builder.tree().get("name").asText()).isEqualTo("p");
        Load base = closed(2);
        base.duration(seconds(1));
        assertThat(base.node().has("duration")).isFalse();
        Extraction path = jsonPath("$.a");
        path.orDefault("x");
        assertThat(path.node("v").has("default")).isFalse();
    }

    @Test
    void weightsThatDoNotAddUpAreReportedAsForYaml() {
        List<Problem> java = builderProblems(shortPlan(j -> j.branches(b -> b
                .branch(60, x -> x.step("a", s -> s.get("/a")))
                .branch(30, x -> x.step("b", s -> s.get("/b"))))));
        List<Problem> yaml = yamlProblems(shortYaml("""
                    - branches:
                        - {weight: 60, steps: [{name: a, path: /a}]}
                        - {weight: 30, steps: [{name: b, path: /b}]}
                """));
        assertThat(java).isEqualTo(yaml).containsExactly(
                new Problem("workload.journey[0].branches", "weights must add up to 100 (they add up to 90)"));
    }

    @Test
    void aJsonPathThatDoesNotParseIsReportedWithItsPathAsForYaml() {
        List<Problem> java = builderProblems(shortPlan(j -> j
                .step("a", s -> s.get("/a").extract("x", jsonPath("$..x")).check(jsonPathEquals("token", "y")))));
        List<Problem> yaml = yamlProblems(shortYaml("""
                    - {name: a, path: /a, extract: [{name: x, jsonpath: $..x}], checks: [{jsonpath: token, equals: y}]}
                """));
        assertThat(java).isEqualTo(yaml);
        assertThat(java).extracting(Problem::path)
                .containsExactly("workload.journey[0].checks[0].jsonpath", "workload.journey[0].extract[0].jsonpath");
        assertThat(java.get(1).message()).contains("recursive descent");
    }

    @Test
    void everyOtherMistakeIsTheReadersWithItsPath() {
        List<Problem> java = builderProblems(Benchdeck.plan("p").target("ftp://nowhere")
                .journey(j -> j.step("a", s -> s.method("FETCH").path("/a/${token}").expectStatus(99))
                        .think(millis(-5))
                        .think(uniform(seconds(2), seconds(1)))
                        .repeat(0, r -> r.step("b", s -> s.get("/b")))
                        .ifThen(variable("nobody").exists(), t -> t.step("c", s -> s.get("/c"))))
                .load(closed(0))
                .thresholds("step[nope].p99 < 1s"));
        assertThat(java).extracting(Problem::toString).contains(
                "target.url: must be an http:// or https:// URL (was 'ftp://nowhere')",
                "workload.journey[0].expect_status: must be an HTTP status (100-599)",
                "workload.journey[1].think: must not be negative",
                "workload.journey[2].think.uniform: the minimum is greater than the maximum",
                "workload.journey[3].repeat: must be ≥ 1",
                "workload.journey[4].if.var: no step extracts and no feeder feeds a variable 'nobody'",
                "load.users: must be ≥ 1");
        assertThat(java).extracting(Problem::path).contains("workload.journey[0].method", "workload.journey[0].path",
                "thresholds[0]");
    }

    @Test
    void aPlanWithoutAWorkloadOrLoadSaysSo() {
        assertThat(builderProblems(Benchdeck.plan("empty").target("http://127.0.0.1:1"))).extracting(Problem::toString)
                .containsExactly("workload: is required", "load: is required");
    }

    @Test
    void nullsAndDurationsFinerThanAMicrosecondAreRefusedAtOnce() {
        assertThatThrownBy(() -> Benchdeck.plan(null)).isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThatThrownBy(() -> shortPlan(j -> j.step("a", s -> s.header("X", null))))
                .isInstanceOf(NullPointerException.class).hasMessage("header value");
        assertThatThrownBy(() -> constant(Duration.ofNanos(1500)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("microsecond");
    }
}
