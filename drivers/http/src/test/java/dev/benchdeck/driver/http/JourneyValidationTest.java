package dev.benchdeck.driver.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchdeck.engine.driver.Drivers;
import dev.benchdeck.engine.plan.InvalidPlanException;
import dev.benchdeck.engine.plan.PlanReader;
import dev.benchdeck.engine.plan.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A journey's mistakes are all reported with their paths before any load is sent. */
class JourneyValidationTest {

    private static List<Problem> problems(String workloadYaml) {
        return HttpPlans.parse("url: http://127.0.0.1:1/", workloadYaml).problems();
    }

    @Test
    void aGoodJourneyHasNoProblem() {
        assertThat(problems("""
                journey:
                  - {name: login, method: POST, path: /login, extract: [{name: token, jsonpath: "$.a['b c'][-1].*"}]}
                  - group: shop
                    steps:
                      - {name: cart, path: '/cart?t=${token}', checks: [{status: [200, 201]}, {response_time_below: 1s}]}
                      - think: {uniform: [1s, 2s]}
                """)).isEmpty();
    }

    @Test
    void aJsonPathThatDoesNotParseIsReportedWhereItIs() {
        List<Problem> found = problems("""
                journey:
                  - name: a
                    path: /a
                    extract: [{name: x, jsonpath: "$..x"}]
                    checks: [{jsonpath: "$.items[?(@.id)]", exists: true}, {jsonpath: token, equals: 'y'}]
                """);
        assertThat(found).extracting(Problem::path).containsExactly(
                "workload.journey[0].checks[0].jsonpath", "workload.journey[0].checks[1].jsonpath",
                "workload.journey[0].extract[0].jsonpath");
        assertThat(found.get(0).message()).contains("$.items[?(@.id)]", "not supported");
        assertThat(found.get(1).message()).contains("starts with $");
        assertThat(found.get(2).message()).contains("recursive descent");
    }

    @Test
    void aVariableUsedBeforeItIsExtractedIsReported() {
        List<Problem> found = problems("""
                journey:
                  - {name: early, path: '/x/${token}'}
                  - {name: login, path: /login, extract: [{name: token, jsonpath: $.t}]}
                  - while: {var: more, exists: true}
                    steps: [{name: loop, path: /loop, extract: [{name: cursor, jsonpath: $.c}]}]
                  - {name: after, path: '/y/${cursor}', headers: {A: '${token}'}}
                  - if: {var: nobody_sets_this, equals: 'x'}
                    then: [{name: t, path: /t}]
                """);
        assertThat(found).extracting(Problem::path).containsExactlyInAnyOrder(
                "workload.journey[0].path", "workload.journey[2].while.var", "workload.journey[3].path",
                "workload.journey[4].if.var");
        assertThat(found).filteredOn(p -> p.path().equals("workload.journey[0].path")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("${token}", "before it is extracted"));
    }

    @Test
    void aVariableSetOnEveryBranchIsDefinedAfterThem() {
        assertThat(problems("""
                journey:
                  - branches:
                      - {weight: 50, steps: [{name: a, path: /a, extract: [{name: v, header: X-V}]}]}
                      - {weight: 50, steps: [{name: b, path: /b, extract: [{name: v, header: X-V, default: 'none'}]}]}
                  - {name: c, path: '/c/${v}'}
                """)).isEmpty();
        assertThat(problems("""
                journey:
                  - branches:
                      - {weight: 50, steps: [{name: a, path: /a, extract: [{name: v, header: X-V}]}]}
                      - {weight: 50, steps: [{name: b, path: /b}]}
                  - {name: c, path: '/c/${v}'}
                """)).extracting(Problem::path).containsExactly("workload.journey[1].path");
    }

    @Test
    void weightsMustAddUpToAHundred() {
        List<Problem> found = problems("""
                journey:
                  - branches:
                      - {weight: 60, steps: [{name: a, path: /a}]}
                      - {weight: 30, steps: [{name: b, path: /b}]}
                """);
        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("workload.journey[0].branches");
            assertThat(p.message()).contains("add up to 100", "90");
        });
    }

    @Test
    void otherMistakesAreReportedTogether() {
        List<Problem> found = problems("""
                method: POST
                journey:
                  - {path: /no-name, extract: [{name: 1x, regex: '('}], checks: [{status: 200, body_contains: x}]}
                  - think: {uniform: [2s, 1s]}
                  - repeat: 0
                    steps: []
                  - {name: z, path: /z, surprise: 1}
                """);
        assertThat(found).extracting(Problem::path).contains("workload.method", "workload.journey[0].name",
                "workload.journey[0].extract[0].name", "workload.journey[0].extract[0].regex", "workload.journey[0].checks[0]",
                "workload.journey[1].think.uniform", "workload.journey[2].repeat", "workload.journey[3].surprise");
    }

    @Test
    void thresholdsOnUnknownStepsOrGroupsAreReportedBeforeAnyLoad() {
        PlanReader reader = new PlanReader(Drivers.of(new HttpDriverFactory()));
        String plan = """
                name: j
                target: {url: 'http://127.0.0.1:1/'}
                workload:
                  journey:
                    - {name: login, path: /login}
                    - group: checkout
                      steps: [{name: pay, path: /pay}]
                load: {users: 1, duration: 1s}
                thresholds:
                  - step[login].p99 < 300ms
                  - group[checkout].p95 < 1s
                  - checks > 99%
                  - step[logn].p99 < 300ms
                  - group[chekout].p95 < 1s
                  - step[login].throughput < 3
                """;
        assertThatThrownBy(() -> reader.read(plan, List.of()))
                .isInstanceOfSatisfying(InvalidPlanException.class, e -> {
                    assertThat(e.problems()).extracting(Problem::path)
                            .containsExactly("thresholds[3]", "thresholds[4]", "thresholds[5]");
                    assertThat(e.problems().get(0).message()).contains("logn", "login, pay");
                    assertThat(e.problems().get(1).message()).contains("chekout", "checkout");
                });
        assertThatThrownBy(() -> reader.read("""
                name: single
                target: {url: 'http://127.0.0.1:1/'}
                workload: {path: /}
                load: {users: 1, duration: 1s}
                thresholds: ['checks > 99%']
                """, List.of())).isInstanceOfSatisfying(InvalidPlanException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("journey")));
    }
}
