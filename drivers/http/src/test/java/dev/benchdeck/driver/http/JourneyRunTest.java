package dev.benchdeck.driver.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.engine.driver.Drivers;
import dev.benchdeck.engine.load.RunControl;
import dev.benchdeck.engine.load.RunEngine;
import dev.benchdeck.engine.plan.Plan;
import dev.benchdeck.engine.plan.PlanReader;
import dev.benchdeck.engine.record.RunListener;
import dev.benchdeck.engine.result.JourneyFigures;
import dev.benchdeck.engine.result.ResultJson;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.RunStatus;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.engine.result.ThresholdVerdict;
import dev.benchdeck.engine.time.EngineClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Journeys run by the engine against a local scripted server: figures per step, group and check, in JSON too. */
@Timeout(30)
class JourneyRunTest {

    private ScriptedServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = ScriptedServer.start();
        server.on("/login", (request, socket, out) -> {
            ScriptedServer.respond(out, 200, "{\"token\":\"tok-" + request.connection() + "\"}",
                    "Content-Type: application/json", "Set-Cookie: sid=abc; Path=/");
            return true;
        });
        server.on("/me", (request, socket, out) -> {
            boolean authorised = request.headers().getOrDefault("authorization", "").startsWith("Bearer tok-")
                    && "sid=abc".equals(request.headers().get("cookie"));
            ScriptedServer.respond(out, authorised ? 200 : 401, authorised ? "{\"name\":\"ann\"}" : "no");
            return true;
        });
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    private RunResult run(String load, String journey, String... thresholds) {
        PlanReader reader = new PlanReader(Drivers.of(new HttpDriverFactory()));
        StringBuilder plan = new StringBuilder("name: journey\ntarget: {url: '" + server.url() + "'}\n"
                + "workload:\n  journey:\n" + journey.indent(4) + "load: " + load + "\n");
        if (thresholds.length > 0) {
            plan.append("thresholds:\n");
            for (String t : thresholds) {
                plan.append("  - '").append(t).append("'\n");
            }
        }
        Plan parsed = reader.read(plan.toString(), List.of());
        return new RunEngine(EngineClock.system()).run(parsed, reader.driverSpec(parsed), new RunListener() { }, new RunControl());
    }

    private static final String SHOP = """
            - name: login
              method: POST
              path: /login
              extract: [{name: token, jsonpath: $.token}]
            - group: account
              steps:
                - name: me
                  path: /me
                  headers: {Authorization: 'Bearer ${token}'}
                  checks:
                    - {name: is ann, jsonpath: $.name, equals: ann}
                    - {name: is bob, jsonpath: $.name, equals: bob}
            """;

    @Test
    void aClosedJourneyReportsEachStepGroupAndCheckAndItsThresholds() throws Exception {
        RunResult result = run("{users: 2, duration: 600ms}", SHOP,
                "step[login].p99 < 5s", "group[account].p95 < 5s", "checks > 99%", "checks >= 50%");

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        StepResult step = result.steps().get(0);
        assertThat(step.errors()).isZero();
        JourneyFigures journey = step.journey();
        assertThat(journey.iterations()).isEqualTo(step.requests()).isPositive();
        assertThat(journey.steps()).containsOnlyKeys("login", "me");
        assertThat(journey.steps().get("me").ok()).isZero();
        assertThat(journey.steps().get("me").checkFailed()).isEqualTo(step.requests());
        assertThat(journey.steps().get("login").latency().summary().count()).isEqualTo(step.requests());
        assertThat(journey.groups().get("account").summary().count()).isEqualTo(step.requests());
        assertThat(journey.checks().get("is ann").failed()).isZero();
        assertThat(journey.checks().get("is bob").passed()).isZero();
        assertThat(journey.checksPassed()).isEqualTo(0.5);
        assertThat(result.verdicts()).extracting(ThresholdVerdict::passed).containsExactly(true, true, false, true);
        // JSON carries the figures and reads back the same
        RunResult again = ResultJson.read(ResultJson.write(result));
        assertThat(again.steps().get(0).journey()).isEqualTo(journey);
        assertThat(ResultJson.write(result)).contains("\"check_failed\"", "\"checks_passed\" : 0.5");
        assertThat(result.overall().journey().iterations()).isEqualTo(journey.iterations());
    }

    @Test
    void aUniqueFeederStopsItsUsersWhenItRunsDry(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("people.csv"), "who\na\nb\nc\nd\ne\n");
        PlanReader reader = new PlanReader(Drivers.of(new HttpDriverFactory()));
        Plan plan = reader.read("name: unique\ntarget: {url: '" + server.url() + "'}\nworkload:\n"
                + "  feeders: [{file: '" + csv + "', strategy: unique}]\n"
                + "  journey: [{name: hello, path: '/ok?who=${who}'}]\nload: {users: 2, duration: 1s}\n", List.of());
        RunResult result = new RunEngine(EngineClock.system()).run(plan, reader.driverSpec(plan), new RunListener() { },
                new RunControl());

        StepResult step = result.steps().get(0);
        assertThat(step.requests()).isEqualTo(5);
        assertThat(step.journey().usersStopped()).isEqualTo(2);
        assertThat(step.journey().stopReason()).contains("people.csv", "no rows left");
        assertThat(server.requests()).extracting(ScriptedServer.Request::target)
                .containsExactlyInAnyOrder("/ok?who=a", "/ok?who=b", "/ok?who=c", "/ok?who=d", "/ok?who=e");
    }

    @Test
    void anOpenJourneyIsChargedFromItsIntendedStartWhileTheServerStalls() {
        // one connection: while the first journey's answer stalls, the arrivals behind it wait, and their
        // journey latency (from the intended start) includes the wait although their steps' own times do not
        CountDownLatch first = new CountDownLatch(1);
        AtomicBoolean stalled = new AtomicBoolean();
        server.on("/stall", (request, socket, out) -> {
            if (stalled.compareAndSet(false, true)) {
                Thread.sleep(600);
            }
            ScriptedServer.respond(out, 200, "{}");
            first.countDown();
            return true;
        });
        PlanReader reader = new PlanReader(Drivers.of(new HttpDriverFactory()));
        Plan plan = reader.read("name: open\ntarget: {url: '" + server.url() + "', connections: 1}\nworkload:\n"
                + "  journey: [{name: a, path: /stall}, {name: b, path: /ok}]\n"
                + "load: {model: open, rate: 50, duration: 1s}\n", List.of());
        RunResult result = new RunEngine(EngineClock.system()).run(plan, reader.driverSpec(plan), new RunListener() { },
                new RunControl());

        StepResult step = result.steps().get(0);
        assertThat(step.errors()).isZero();
        assertThat(step.requests()).isBetween(45L, 51L);
        double journeyP50 = step.latency().summary().p50();
        double stepP50 = step.journey().steps().get("b").latency().summary().p50();
        // about 30 arrivals came during the 600 ms stall: half of all journeys waited well over 100 ms
        assertThat(journeyP50).isGreaterThan(100);
        assertThat(stepP50).isLessThan(50);
        assertThat(step.latency().summary().max()).isGreaterThanOrEqualTo(590);
        assertThat(step.journey().steps().get("a").latency().summary().max()).isGreaterThanOrEqualTo(590);
    }
}
