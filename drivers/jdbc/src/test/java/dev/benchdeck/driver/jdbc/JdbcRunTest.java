package dev.benchdeck.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.driver.jdbc.ops.SqlErrorClasses;
import dev.benchdeck.engine.driver.Drivers;
import dev.benchdeck.engine.load.RunControl;
import dev.benchdeck.engine.load.RunEngine;
import dev.benchdeck.engine.plan.Plan;
import dev.benchdeck.engine.plan.PlanReader;
import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.record.RunListener;
import dev.benchdeck.engine.record.SetupProgress;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.RunStatus;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.engine.time.EngineClock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Whole plans through the engine: setup progress, a sweep over user counts, pool gauges, a connection killed mid-run. */
@Timeout(60)
class JdbcRunTest {

    private final List<SetupProgress> setup = new CopyOnWriteArrayList<>();
    private final List<IntervalSnapshot> intervals = new CopyOnWriteArrayList<>();

    private RunResult run(String yaml) {
        PlanReader reader = new PlanReader(Drivers.of(new JdbcDriverFactory()));
        Plan plan = reader.read(yaml, List.of());
        RunListener listener = new RunListener() {
            @Override
            public void setupProgress(SetupProgress progress) {
                setup.add(progress);
            }

            @Override
            public void interval(IntervalSnapshot snapshot) {
                intervals.add(snapshot);
            }
        };
        return new RunEngine(EngineClock.system()).run(plan, reader.driverSpec(plan), listener, new RunControl());
    }

    @Test
    void aSweepLoadsTheTableThenMeasuresEveryUserCountWithPoolGauges() throws Exception {
        TestDatabase.execute("DROP TABLE IF EXISTS run_sweep");
        RunResult result = run("name: sweep\ntarget: " + JdbcPlans.target("") + "\n"
                + "workload: {driver: jdbc, table: run_sweep, rows: 5000, batch_size: 2000, operation: point_select}\n"
                + "load: {duration: 1200ms, steps: [{users: 2}, {users: 4}]}\n");

        assertThat(result.status()).as(result.failure()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.setup()).extracting(SetupProgress::phase).containsExactly("table", "load", "index", "vacuum", "connect");
        SetupProgress load = result.setup().get(1);
        assertThat(load.done()).isEqualTo(5000);
        assertThat(load.total()).isEqualTo(5000);
        assertThat(load.finished()).isTrue();
        assertThat(setup).isNotEmpty();
        assertThat(result.setup().getLast().message()).contains("opening 4 pooled connections");

        assertThat(result.steps()).extracting(StepResult::label).containsExactly("users=2", "users=4");
        for (StepResult step : result.steps()) {
            assertThat(step.requests()).isPositive();
            assertThat(step.errors()).isZero();
        }
        assertThat(intervals).isNotEmpty();
        assertThat(intervals.getLast().gauges()).containsKeys("pool.active", "pool.idle", "pool.waiting", "pool.total");
        assertThat(intervals.getLast().gauges().get("pool.total")).isEqualTo(4.0);
    }

    @Test
    void aConnectionKilledMidRunCountsAsConnectionErrorsAndTheRunGoesOn() throws Exception {
        TestDatabase.execute("DROP TABLE IF EXISTS run_killed");
        Thread killer = Thread.ofVirtual().start(() -> {
            try {
                // kill the users' backends a few times during the step (the setup is over after ~1 s here)
                for (int i = 0; i < 6; i++) {
                    Thread.sleep(400);
                    TestDatabase.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                            + "WHERE application_name = 'benchdeck' AND pid <> pg_backend_pid()");
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        RunResult result = run("name: killed\ntarget: " + JdbcPlans.target("") + "\n"
                + "workload: {driver: jdbc, table: run_killed, rows: 1000, setup: recreate, operation: point_select}\n"
                + "load: {users: 2, duration: 3s}\n");
        killer.join();

        assertThat(result.status()).as(result.failure()).isEqualTo(RunStatus.COMPLETED);
        StepResult step = result.steps().getFirst();
        assertThat(step.errorsByClass().keySet()).containsOnly(SqlErrorClasses.CONNECTION);
        assertThat(step.errors()).isPositive();
        assertThat(step.ok()).isGreaterThan(step.errors() * 10);
    }

    @Test
    void anUnreachableDatabaseFailsTheRunWithOneLine() {
        RunResult result = run("name: unreachable\ntarget: {host: 127.0.0.1, port: 1, database: postgres, user: x,"
                + " sslmode: disable}\nworkload: {driver: jdbc}\nload: {users: 1, duration: 1s}\n");
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.failure()).startsWith("cannot connect to PostgreSQL at 127.0.0.1:1").doesNotContain("\n");
        assertThat(result.steps()).isEmpty();
    }
}
