package dev.benchdeck.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.record.RunListener;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.RunStatus;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.engine.testkit.FakeClock;
import dev.benchdeck.engine.testkit.Plans;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The open model with async sessions: requests are submitted from the dispatcher and recorded on the driver's thread. */
@Timeout(30)
class AsyncOpenModelTest {

    @Test
    void arrivalsAreSubmittedWithoutAThreadEachAndKeepTheirPace() {
        FakeClock clock = FakeClock.jumping();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        // AsyncFakeDriver's execute() fails the test: every request must be submitted
        AsyncFakeDriver driver = new AsyncFakeDriver((request, c) -> {
            threads.add(Thread.currentThread().getName());
            long now = c.nanoTime();
            return Outcome.success(Timings.of(now, now));
        });
        RunResult result = new RunEngine(clock).run(Plans.withLoad("  model: open\n  rate: 100\n  warmup: 1s\n  duration: 2s", ""),
                driver, new RunListener() { }, new RunControl());

        StepResult step = result.steps().get(0);
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(step.requests()).isEqualTo(200);
        assertThat(step.errors()).isZero();
        assertThat(step.throughput()).isEqualTo(100.0);
        assertThat(step.latencies().get(StepResult.SCHEDULE_LAG).summary().count()).isEqualTo(200);
        assertThat(threads).containsExactly("fake-io");
        assertThat(driver.sessionsClosed()).isEqualTo(driver.sessionsOpened()).isPositive();
    }
}
