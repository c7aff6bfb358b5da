package dev.benchdeck.engine.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.plan.Plan;
import dev.benchdeck.engine.record.RunListener;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.RunStatus;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.engine.testkit.FakeClock;
import dev.benchdeck.engine.testkit.Plans;
import dev.benchdeck.engine.time.EngineClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The closed model run as callback chains on an async driver: the same figures as with a thread per user. */
@Timeout(30)
class ChainedClosedModelTest {

    private static final long MS = 1_000_000L;

    private static RunResult run(EngineClock clock, Plan plan, AsyncFakeDriver driver) {
        return new RunEngine(clock).run(plan, driver, new RunListener() { }, new RunControl());
    }

    @Test
    void countsOnlyTheMeasuredWindow() {
        FakeClock clock = FakeClock.stepped();
        AsyncFakeDriver driver = AsyncFakeDriver.taking(clock, 10 * MS);
        RunResult result = run(clock, Plans.withLoad("  users: 1\n  warmup: 1s\n  duration: 2s", ""), driver);

        StepResult step = result.steps().get(0);
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(step.requests()).isEqualTo(200);
        assertThat(step.throughput()).isEqualTo(100.0);
        assertThat(step.latency().summary().p50()).isCloseTo(10.0, within(0.01));
        assertThat(driver.sessionsClosed()).isEqualTo(driver.sessionsOpened()).isEqualTo(1);
    }

    @Test
    void stepsOfASweepRunInTurn() {
        FakeClock clock = FakeClock.stepped();
        AsyncFakeDriver driver = AsyncFakeDriver.taking(clock, 10 * MS);
        RunResult result = run(clock, Plans.withLoad("  duration: 1s\n  steps: [{users: 1}, {users: 1, duration: 3s}]", ""), driver);

        assertThat(result.steps()).extracting(StepResult::requests).containsExactly(100L, 300L);
        assertThat(driver.sessionsClosed()).isEqualTo(driver.sessionsOpened()).isEqualTo(2);
    }

    @Test
    void endsOnTheRequestCount() {
        FakeClock clock = FakeClock.stepped();
        AsyncFakeDriver driver = AsyncFakeDriver.taking(clock, 10 * MS);
        StepResult step = run(clock, Plans.withLoad("  users: 1\n  requests: 50", ""), driver).steps().get(0);

        assertThat(step.requests()).isEqualTo(50);
        assertThat(step.measuredSeconds()).isCloseTo(0.49, within(0.001));
    }

    @Test
    void aRunPastItsDeadlineStops() {
        FakeClock clock = FakeClock.stepped();
        AsyncFakeDriver driver = AsyncFakeDriver.taking(clock, 10 * MS);
        RunResult result = run(clock, Plans.withLoad("  steps: [{users: 1, duration: 2s}, {users: 1, duration: 10s}]",
                "deadline: 5s"), driver);

        assertThat(result.status()).isEqualTo(RunStatus.TIMED_OUT);
        assertThat(result.steps().get(1).measuredSeconds()).isCloseTo(3.0, within(0.05));
    }

    @Test
    void manyUsersOnOneIoThreadEndTogether() {
        AsyncFakeDriver driver = new AsyncFakeDriver((request, c) -> Outcome.success(Timings.of(c.nanoTime(), c.nanoTime())));
        RunResult result = run(EngineClock.system(), Plans.withLoad("  users: 50\n  ramp: 200ms\n  duration: 500ms", ""), driver);

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.steps().get(0).requests()).isPositive();
        assertThat(result.steps().get(0).errors()).isZero();
        assertThat(driver.sessionsClosed()).isEqualTo(50);
    }

    @Test
    void cancellationStopsWithinASecondAndDoesNotCountAbortedRequests() throws Exception {
        AsyncFakeDriver driver = new AsyncFakeDriver((request, c) -> {
            long send = c.nanoTime();
            Thread.sleep(5);
            return Outcome.success(Timings.of(send, c.nanoTime()));
        });
        RunControl control = new RunControl();
        Thread canceller = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            control.cancel();
        });
        long start = System.nanoTime();
        RunResult result = new RunEngine(EngineClock.system()).run(Plans.withLoad("  users: 4\n  duration: 60s", ""),
                driver, new RunListener() { }, control);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        canceller.join();

        assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(tookMs).isLessThan(1500);
        assertThat(result.steps().get(0).requests()).isPositive();
        assertThat(result.steps().get(0).errors()).isZero();
    }
}
