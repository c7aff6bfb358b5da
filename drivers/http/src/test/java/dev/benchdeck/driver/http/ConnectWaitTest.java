package dev.benchdeck.driver.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.benchdeck.engine.driver.Drivers;
import dev.benchdeck.engine.load.RunControl;
import dev.benchdeck.engine.load.RunEngine;
import dev.benchdeck.engine.plan.Plan;
import dev.benchdeck.engine.plan.PlanReader;
import dev.benchdeck.engine.record.LatencySummary;
import dev.benchdeck.engine.record.RunListener;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.RunStatus;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.engine.time.EngineClock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pins {@code connect_wait} against {@code service_time}: with more users than pooled connections a
 * request first waits for a connection, and only then is it sent and its service time and TTFB start.
 */
@Timeout(30)
class ConnectWaitTest {

    private static final int DELAY_MS = 20;
    private ScriptedServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = ScriptedServer.start();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    private StepResult run(String target) {
        PlanReader reader = new PlanReader(Drivers.of(new HttpDriverFactory()));
        Plan plan = reader.read("name: pool\ntarget: " + target + "\nworkload: {path: /delay/" + DELAY_MS + "}\n"
                + "load: {users: 4, warmup: 200ms, duration: 1500ms}\n", List.of());
        RunResult result = new RunEngine(EngineClock.system()).run(plan, reader.driverSpec(plan), new RunListener() { },
                new RunControl());
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        return result.steps().get(0);
    }

    @Test
    void aPoolOfOneUnderFourUsersWaitsForItsConnectionOutsideServiceTime() {
        StepResult step = run("{url: '" + server.url() + "', connections: 1}");

        assertThat(step.errors()).isZero();
        LatencySummary wait = step.latencies().get(StepResult.CONNECT_WAIT).summary();
        LatencySummary service = step.latencies().get(StepResult.SERVICE_TIME).summary();
        LatencySummary ttfb = step.latencies().get(StepResult.TTFB).summary();
        LatencySummary latency = step.latency().summary();
        assertThat(wait.count()).isEqualTo(step.requests());
        // four users take turns on one connection: each waits for about three others' answers
        assertThat(wait.p50()).isGreaterThan(DELAY_MS);
        // service time and TTFB are the server's delay (plus loopback), not the wait
        assertThat(service.p50()).isGreaterThanOrEqualTo(DELAY_MS).isLessThan(wait.p50());
        assertThat(ttfb.p50()).isGreaterThanOrEqualTo(DELAY_MS).isLessThanOrEqualTo(service.p50() + 0.1);
        // closed model: latency = wait + service for every request, so their means add up (to histogram precision)
        assertThat(latency.mean()).isCloseTo(wait.mean() + service.mean(), within(latency.mean() * 0.01 + 0.05));
        assertThat(server.connectionsUsed()).isEqualTo(1);
    }

    @Test
    void withoutAPoolThereIsNoWait() {
        StepResult step = run("{url: '" + server.url() + "'}");

        assertThat(step.errors()).isZero();
        assertThat(step.latencies()).doesNotContainKey(StepResult.CONNECT_WAIT);
        assertThat(step.latencies().get(StepResult.SERVICE_TIME).summary().p50()).isGreaterThanOrEqualTo(DELAY_MS);
    }
}
