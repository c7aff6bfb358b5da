package dev.benchdeck.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.driver.jdbc.credentials.FakeWorkspace;
import dev.benchdeck.engine.driver.Drivers;
import dev.benchdeck.engine.load.RunControl;
import dev.benchdeck.engine.load.RunEngine;
import dev.benchdeck.engine.plan.Plan;
import dev.benchdeck.engine.plan.PlanReader;
import dev.benchdeck.engine.record.RunListener;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.RunStatus;
import dev.benchdeck.engine.time.EngineClock;
import dev.benchdeck.embeddedpg.EmbeddedPostgres;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A whole run on Lakebase-style credentials: a fake workspace issues a new short-lived password at
 * every credential request and sets it on the role at once (so older passwords stop working). The
 * run goes on across two rotations and more without a single error.
 */
@Timeout(60)
class RotatingCredentialsRunTest {

    private static final String ROLE = "rotating_run_user";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<String> issued = new CopyOnWriteArrayList<>();

    private FakeWorkspace.Answer issue(FakeWorkspace.Received request) {
        if (!request.path().equals("/api/2.0/database/credentials")) {
            return new FakeWorkspace.Answer(404, "{\"error_code\":\"NOT_FOUND\",\"message\":\"no such API\"}");
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.execute("alter role " + ROLE + " password '" + password + "'"); // hex only: safe to quote
        } catch (SQLException e) {
            return new FakeWorkspace.Answer(500, "{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"" + e.getSQLState() + "\"}");
        }
        issued.add(password);
        return FakeWorkspace.token(request, password, Instant.now().plusSeconds(3));
    }

    @Test
    void aRunKeepsGoingAcrossTwoRotations() throws Exception {
        // the role owns nothing: its only grant goes with the table
        TestDatabase.execute("drop table if exists rotating_run", "drop role if exists " + ROLE);
        TestDatabase.execute("create role " + ROLE + " login password 'x" + HexFormat.of().formatHex(new byte[8]) + "'");
        // the table is loaded by the superuser; the rotating role only reads it
        RunResult load = run("name: load\ntarget: " + JdbcPlans.target("") + "\n"
                + "workload: {driver: jdbc, table: rotating_run, rows: 2000, operation: point_select}\n"
                + "load: {steps: [{users: 1, requests: 1}]}\n");
        assertThat(load.status()).as(load.failure()).isEqualTo(RunStatus.COMPLETED);
        TestDatabase.execute("grant select on rotating_run to " + ROLE);

        EmbeddedPostgres pg = TestDatabase.postgres();
        try (FakeWorkspace workspace = new FakeWorkspace(this::issue)) {
            RunResult result = run("name: rotating\n"
                    + "target: {host: 127.0.0.1, port: " + pg.port() + ", database: postgres, user: " + ROLE + ", sslmode: disable,\n"
                    + "  lakebase: {workspace_url: '" + workspace.url() + "', instance: bench-instance, token: dapi-dummy},\n"
                    + "  pool: {size: 3}}\n"
                    + "workload: {driver: jdbc, table: rotating_run, rows: 2000, setup: none, operation: point_select}\n"
                    + "load: {users: 3, duration: 8s, think_time: 5ms}\n");

            assertThat(result.status()).as(result.failure()).isEqualTo(RunStatus.COMPLETED);
            assertThat(result.overall().errors()).as("errors: %s", result.overall().errorsByClass()).isZero();
            assertThat(result.overall().requests()).isGreaterThan(200);
            assertThat(issued).as("passwords issued: the first and at least two rotations").hasSizeGreaterThanOrEqualTo(3);
        }
    }

    private static RunResult run(String yaml) {
        PlanReader reader = new PlanReader(Drivers.of(new JdbcDriverFactory()));
        Plan plan = reader.read(yaml, List.of());
        return new RunEngine(EngineClock.system()).run(plan, reader.driverSpec(plan), new RunListener() { }, new RunControl());
    }
}
