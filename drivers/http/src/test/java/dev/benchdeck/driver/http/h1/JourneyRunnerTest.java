package dev.benchdeck.driver.http.h1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.driver.http.HttpPlans;
import dev.benchdeck.driver.http.HttpSpec;
import dev.benchdeck.driver.http.Journey;
import dev.benchdeck.engine.driver.JourneyTrace;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.RequestContext;
import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.time.EngineClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Journeys run against a scripted exchanger on a manual clock: no network, no sleeping. */
class JourneyRunnerTest {

    /** A clock that moves only when told (or when a user sleeps until a later instant). */
    static final class ManualClock implements EngineClock {
        long now = 1_000_000_000L;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public long currentTimeMillis() {
            return now / 1_000_000;
        }

        @Override
        public void sleepUntil(long deadline) {
            now = Math.max(now, deadline);
        }
    }

    /** A canned answer: status, headers, body, and how long it takes on the manual clock. */
    record Answer(int status, List<String> headers, String body, long nanos) {
        static Answer of(int status, String body, String... headers) {
            return new Answer(status, List.of(headers), body, 10_000_000L);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final List<String> sent = new ArrayList<>();

    /** A runner whose requests are answered by {@code answers}, chosen by the request line's path. */
    private JourneyRunner runner(String workloadYaml, Function<String, Answer> answers) {
        HttpPlans.Parsed parsed = HttpPlans.parse("url: http://127.0.0.1:1/", workloadYaml);
        assertThat(parsed.problems()).isEmpty();
        Journey journey = ((HttpSpec) parsed.spec()).workload().journey();
        JourneyRunner.Exchanger exchanger = (bytes, length, method, expected, timeout, capture) -> {
            String request = new String(bytes, 0, length, StandardCharsets.UTF_8);
            sent.add(request);
            String path = request.substring(request.indexOf(' ') + 1, request.indexOf(" HTTP/1.1"));
            Answer a = answers.apply(path);
            long start = clock.now;
            clock.now += a.nanos();
            capture.clear();
            capture.status(a.status());
            for (String h : a.headers()) {
                capture.header(h.substring(0, h.indexOf(':')), h.substring(h.indexOf(':') + 1).trim());
            }
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            capture.body(body, 0, body.length);
            Timings t = Timings.of(start, clock.now);
            return expected.accepts(a.status()) ? Outcome.success(t) : Outcome.failure("http_4xx", "HTTP " + a.status(), t);
        };
        return new JourneyRunner(journey, "127.0.0.1:1", clock, exchanger, new SplittableRandom(42));
    }

    private static RequestContext request(long seq) {
        return new RequestContext(seq, 0, 1_000_000_000L);
    }

    private static Map<String, String> outcomes(Outcome o) {
        return o.journey().steps().stream().collect(Collectors.toMap(JourneyTrace.StepSample::name,
                JourneyTrace.StepSample::outcome, (a, b) -> b));
    }

    private static final String LOGIN = """
            journey:
              - name: login
                method: POST
                path: /login
                body: '{"user":"ann"}'
                extract:
                  - {name: token, jsonpath: $.auth.token}
                  - {name: first_id, jsonpath: "$.items[0].id"}
                  - {name: csrf, regex: 'csrf=([a-z0-9]+)'}
                  - {name: trace, header: X-Trace}
                  - {name: sid, cookie: session}
              - name: profile
                path: /profile/${first_id}
                headers: {Authorization: 'Bearer ${token}', X-Csrf: '${csrf}', X-Trace: '${trace}', X-Sid: '${sid}'}
            """;

    private static Answer loginAnswer(String path) {
        return path.startsWith("/login")
                ? Answer.of(200, "{\"auth\":{\"token\":\"t-1\"},\"items\":[{\"id\":7}],\"note\":\"csrf=ab12\"}",
                        "X-Trace: tr-9", "Set-Cookie: session=s-3; Path=/; HttpOnly")
                : Answer.of(200, "{}");
    }

    @Test
    void everyExtractionKindFeedsLaterSteps() throws Exception {
        Outcome o = runner(LOGIN, JourneyRunnerTest::loginAnswer).iteration(request(0));

        assertThat(o).isInstanceOf(Outcome.Success.class);
        assertThat(outcomes(o)).containsEntry("login", "ok").containsEntry("profile", "ok");
        String profile = sent.get(1);
        assertThat(profile).startsWith("GET /profile/7 HTTP/1.1\r\n")
                .contains("Authorization: Bearer t-1\r\n", "X-Csrf: ab12\r\n", "X-Trace: tr-9\r\n", "X-Sid: s-3\r\n");
    }

    @Test
    void cookiesGoBackOnLaterStepsAndIterationsOfTheSameUserButNotToANewUser() throws Exception {
        JourneyRunner runner = runner(LOGIN, JourneyRunnerTest::loginAnswer);
        runner.iteration(request(0));
        assertThat(sent.get(0)).doesNotContain("Cookie:");
        assertThat(sent.get(1)).contains("Cookie: session=s-3\r\n");

        runner.iteration(request(1));
        assertThat(sent.get(2)).contains("Cookie: session=s-3\r\n");

        runner.iteration(new RequestContext(2, 0, 1_000_000_000L, true));
        assertThat(sent.get(4)).doesNotContain("Cookie:");
    }

    @Test
    void aCookieSetWithMaxAgeZeroIsForgotten() throws Exception {
        JourneyRunner runner = runner("""
                journey:
                  - {name: in, path: /in}
                  - {name: out, path: /out}
                  - {name: after, path: /after}
                """, path -> path.equals("/in") ? Answer.of(200, "", "Set-Cookie: s=1")
                : path.equals("/out") ? Answer.of(200, "", "Set-Cookie: s=; Max-Age=0") : Answer.of(200, ""));
        runner.iteration(request(0));
        assertThat(sent.get(1)).contains("Cookie: s=1\r\n");
        assertThat(sent.get(2)).doesNotContain("Cookie:");
    }

    @Test
    void nothingMatchedTakesTheDefaultOrFailsTheIterationAsExtract() throws Exception {
        String yaml = """
                journey:
                  - name: search
                    path: /search
                    extract:
                      - {name: next, jsonpath: $.next, default: none}
                      - {name: hint, regex: 'hint=(\\w+)', default: no-hint}
                      - {name: h, header: X-Missing, default: '-'}
                      - {name: c, cookie: missing, default: '-'}
                  - {name: page, path: '/page/${next}/${hint}'}
                """;
        Outcome ok = runner(yaml, path -> Answer.of(200, "{}")).iteration(request(0));
        assertThat(ok).isInstanceOf(Outcome.Success.class);
        assertThat(sent.get(1)).startsWith("GET /page/none/no-hint HTTP/1.1");

        for (String source : List.of("jsonpath: $.next", "regex: 'next=(\\w+)'", "header: X-Next", "cookie: next")) {
            sent.clear();
            Outcome failed = runner("""
                    journey:
                      - name: search
                        path: /search
                        extract: [{name: next, %s}]
                      - {name: page, path: '/page/${next}'}
                    """.formatted(source), path -> Answer.of(200, "{\"other\":1}")).iteration(request(0));
            assertThat(failed).isInstanceOf(Outcome.Failure.class);
            assertThat(((Outcome.Failure) failed).errorClass()).isEqualTo("extract");
            assertThat(((Outcome.Failure) failed).message()).contains("search", "next");
            assertThat(outcomes(failed)).containsOnlyKeys("search").containsEntry("search", "extract");
            assertThat(sent).hasSize(1);
        }
    }

    @Test
    void everyCheckKindPassesAndFailsAndAFailureIsItsOwnOutcome() throws Exception {
        String yaml = """
                journey:
                  - name: item
                    path: /item
                    checks:
                      - {name: status, status: 200}
                      - {name: id equals, jsonpath: $.id, equals: '7'}
                      - {name: name exists, jsonpath: $.name, exists: true}
                      - {name: body, body_contains: widget}
                      - {name: header, header: ETag}
                      - {name: fast, response_time_below: 50ms}
                  - {name: next, path: /next}
                """;
        Outcome pass = runner(yaml, path -> Answer.of(200, "{\"id\":7,\"name\":\"widget\"}", "ETag: x")).iteration(request(0));
        assertThat(pass.journey().checks()).hasSize(6).allMatch(JourneyTrace.CheckSample::passed);
        assertThat(outcomes(pass)).containsEntry("item", "ok");

        Outcome fail = runner(yaml, path -> new Answer(200, List.of(), "{\"id\":8}", 60_000_000L)).iteration(request(0));
        assertThat(fail.journey().checks()).hasSize(6);
        assertThat(fail.journey().checks().stream().filter(c -> !c.passed()).map(JourneyTrace.CheckSample::name))
                .containsExactlyInAnyOrder("id equals", "name exists", "body", "header", "fast");
        // a failed check is counted, not an error: the iteration goes on and succeeds
        assertThat(fail).isInstanceOf(Outcome.Success.class);
        assertThat(outcomes(fail)).containsEntry("item", "check_failed").containsEntry("next", "ok");

        Outcome wrongStatus = runner("""
                journey:
                  - {name: item, path: /item, expect_status: [200, 404], checks: [{status: 200}]}
                """, path -> Answer.of(404, "")).iteration(request(0));
        assertThat(wrongStatus.journey().checks()).singleElement()
                .satisfies(c -> assertThat(c.name()).isEqualTo("item: status [200]"))
                .satisfies(c -> assertThat(c.passed()).isFalse());
    }

    @Test
    void anUnexpectedStatusEndsTheIterationWithItsErrorClass() throws Exception {
        Outcome o = runner("""
                journey:
                  - {name: a, path: /a}
                  - {name: b, path: /b}
                """, path -> Answer.of(403, "no")).iteration(request(0));
        assertThat(o).isInstanceOf(Outcome.Failure.class);
        assertThat(outcomes(o)).containsOnlyKeys("a").containsEntry("a", "http_4xx");
    }

    private static Map<String, Long> countSteps(JourneyRunner runner, int iterations) throws InterruptedException {
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < iterations; i++) {
            for (JourneyTrace.StepSample s : runner.iteration(request(i)).journey().steps()) {
                counts.merge(s.name(), 1L, Long::sum);
            }
        }
        return counts;
    }

    @Test
    void weightedBranchesFollowTheirWeightsWithinTwoPercent() throws Exception {
        JourneyRunner runner = runner("""
                journey:
                  - branches:
                      - {weight: 60, steps: [{name: browse, path: /browse}]}
                      - {weight: 30, steps: [{name: search, path: /search}]}
                      - {weight: 10, steps: [{name: buy, path: /buy}]}
                """, path -> new Answer(200, List.of(), "", 0));
        Map<String, Long> counts = countSteps(runner, 10_000);
        assertThat(counts.get("browse") / 10_000.0).isBetween(0.58, 0.62);
        assertThat(counts.get("search") / 10_000.0).isBetween(0.28, 0.32);
        assertThat(counts.get("buy") / 10_000.0).isBetween(0.08, 0.12);
    }

    @Test
    void repeatWhileAndIfRunTheirBodiesAsOftenAsTheyShould() throws Exception {
        // /flip answers more=yes for odd iterations; /page counts down a cursor from 3 to the end
        int[] iteration = {0};
        int[] cursor = {0};
        JourneyRunner runner = runner("""
                journey:
                  - name: flip
                    path: /flip
                    extract: [{name: more, jsonpath: $.more}]
                  - if: {var: more, equals: 'yes'}
                    then: [{name: extra, path: /extra}]
                    else: [{name: plain, path: /plain}]
                  - repeat: 3
                    steps: [{name: thrice, path: /thrice}]
                  - name: first
                    path: /page
                    extract: [{name: cursor, jsonpath: $.cursor, default: end}]
                  - while: {var: cursor, not_equals: end}
                    max: 10
                    steps:
                      - name: page
                        path: /page
                        extract: [{name: cursor, jsonpath: $.cursor, default: end}]
                """, path -> switch (path) {
            case "/flip" -> new Answer(200, List.of(), "{\"more\":\"" + (iteration[0]++ % 2 == 1 ? "yes" : "no") + "\"}", 0);
            case "/page" -> new Answer(200, List.of(), cursor[0] > 0 ? "{\"cursor\":" + cursor[0]-- + "}" : "{}", 0);
            default -> new Answer(200, List.of(), "", 0);
        });
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < 2_000; i++) {
            cursor[0] = 3;
            for (JourneyTrace.StepSample s : runner.iteration(request(i)).journey().steps()) {
                counts.merge(s.name(), 1L, Long::sum);
            }
        }
        assertThat(counts.get("extra")).isEqualTo(1_000);
        assertThat(counts.get("plain")).isEqualTo(1_000);
        assertThat(counts.get("thrice")).isEqualTo(6_000);
        // first reads cursor 3, the loop reads 2, 1 and then the end
        assertThat(counts.get("page")).isEqualTo(6_000);
    }

    @Test
    void aWhileStopsAtItsMaximum() throws Exception {
        JourneyRunner runner = runner("""
                journey:
                  - {name: start, path: /s, extract: [{name: go, jsonpath: $.go}]}
                  - while: {var: go, exists: true}
                    max: 4
                    steps: [{name: loop, path: /l}]
                """, path -> new Answer(200, List.of(), "{\"go\":1}", 0));
        assertThat(countSteps(runner, 10)).containsEntry("loop", 40L);
    }

    @Test
    void aGroupIsTimedFromEnteringItToLeavingItPausesIncluded() throws Exception {
        Outcome o = runner("""
                journey:
                  - {name: home, path: /home}
                  - group: checkout
                    steps:
                      - {name: cart, path: /cart}
                      - think: 200ms
                      - {name: pay, path: /pay}
                  - think: 1s
                """, path -> new Answer(200, List.of(), "", path.equals("/pay") ? 30_000_000L : 10_000_000L))
                .iteration(request(0));
        assertThat(o.journey().groups()).singleElement().satisfies(g -> {
            assertThat(g.name()).isEqualTo("checkout");
            assertThat(g.nanos()).isEqualTo(10_000_000L + 200_000_000L + 30_000_000L);
            assertThat(g.startNanos()).isEqualTo(10_000_000L);
        });
        // each step's send, from the iteration's start (the waterfall on the run page)
        assertThat(o.journey().steps()).extracting(JourneyTrace.StepSample::startNanos)
                .containsExactly(0L, 10_000_000L, 220_000_000L);
        // the whole iteration: every step and every pause
        assertThat(o.timings().serviceNanos()).isEqualTo(10_000_000L + 240_000_000L + 1_000_000_000L);
    }

    @Test
    void thinkTimesDrawFromTheirDistributions() throws Exception {
        JourneyRunner uniform = runner("journey: [{think: {uniform: [100ms, 300ms]}}]", path -> null);
        JourneyRunner exponential = runner("journey: [{think: {exponential: 200ms}}]", path -> null);
        double sumUniform = 0, sumExponential = 0;
        long minUniform = Long.MAX_VALUE, maxUniform = 0;
        for (int i = 0; i < 10_000; i++) {
            long u = uniform.iteration(request(i)).timings().serviceNanos();
            minUniform = Math.min(minUniform, u);
            maxUniform = Math.max(maxUniform, u);
            sumUniform += u;
            sumExponential += exponential.iteration(request(i)).timings().serviceNanos();
        }
        assertThat(minUniform).isGreaterThanOrEqualTo(100_000_000L);
        assertThat(maxUniform).isLessThanOrEqualTo(300_000_000L);
        assertThat(sumUniform / 10_000 / 1e6).isBetween(196.0, 204.0);
        assertThat(sumExponential / 10_000 / 1e6).isBetween(192.0, 208.0);
    }

    @Test
    void feedersHandOutRowsCircularRandomOrUniqueUntilTheUserStops(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("users.csv"), "name\nann\nbob\ncid\n");
        Path jsonl = Files.writeString(dir.resolve("codes.jsonl"), "{\"code\":\"x1\"}\n{\"code\":\"x2\"}\n");
        String journey = "journey: [{name: hi, path: '/hi/${name}'}]\n";

        JourneyRunner circular = runner("feeders: [{file: '" + csv + "', strategy: circular}]\n" + journey, p -> Answer.of(200, ""));
        for (int i = 0; i < 6; i++) {
            circular.iteration(request(i));
        }
        assertThat(sent).extracting(s -> s.substring(0, s.indexOf(" HTTP")))
                .containsExactly("GET /hi/ann", "GET /hi/bob", "GET /hi/cid", "GET /hi/ann", "GET /hi/bob", "GET /hi/cid");

        sent.clear();
        JourneyRunner random = runner("feeders: [{file: '" + jsonl + "', strategy: random}]\njourney: [{name: c, path: '/c/${code}'}]\n",
                p -> Answer.of(200, ""));
        for (int i = 0; i < 1000; i++) {
            random.iteration(request(i));
        }
        long x1 = sent.stream().filter(s -> s.startsWith("GET /c/x1 ")).count();
        assertThat(x1).isBetween(430L, 570L);

        sent.clear();
        JourneyRunner unique = runner("feeders: [{file: '" + csv + "', strategy: unique}]\n" + journey, p -> Answer.of(200, ""));
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            outcomes.add(unique.iteration(request(i)));
        }
        assertThat(sent).hasSize(3);
        assertThat(outcomes.subList(0, 3)).allMatch(o -> !o.journey().userStopped());
        assertThat(outcomes.get(3).journey().userStopped()).isTrue();
        assertThat(outcomes.get(3).journey().stopReason()).contains("users.csv", "unique", "3");
    }
}
