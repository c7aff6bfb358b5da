package dev.benchdeck.driver.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.driver.jdbc.check.ConnectionCheck;
import dev.benchdeck.driver.jdbc.config.JdbcTarget;
import dev.benchdeck.driver.jdbc.config.JdbcWorkload;
import dev.benchdeck.driver.jdbc.config.TargetReader;
import dev.benchdeck.driver.jdbc.config.WorkloadReader;
import dev.benchdeck.driver.jdbc.credentials.CredentialException;
import dev.benchdeck.driver.jdbc.telemetry.PostgresTelemetry;
import dev.benchdeck.engine.driver.DriverFactory;
import dev.benchdeck.engine.driver.DriverSpec;
import dev.benchdeck.engine.driver.TargetCheck;
import dev.benchdeck.engine.plan.ConfigNode;
import dev.benchdeck.engine.plan.Problems;
import dev.benchdeck.engine.telemetry.TelemetrySource;
import java.util.Optional;

/**
 * The {@code jdbc} driver, found by ServiceLoader: PostgreSQL-compatible databases. It reads the
 * plan's {@code target} (host, port, database, user, sslmode, password source, pool) and
 * {@code workload} (table, rows, setup, operations), reporting every problem with its path.
 */
public final class JdbcDriverFactory implements DriverFactory {

    public static final String NAME = "jdbc";
    /** The kind of target this driver talks to: PostgreSQL, Lakebase or any PostgreSQL-compatible database. */
    public static final String POSTGRES_KIND = "postgres";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DriverSpec parse(ConfigNode target, ConfigNode workload) {
        if (target.isMissing()) {
            target.problem("is required");
        }
        JdbcTarget checkedTarget = TargetReader.read(target);
        JdbcWorkload checkedWorkload = new WorkloadReader(workload).read();
        return new JdbcSpec(checkedTarget, checkedWorkload);
    }

    /**
     * A {@code postgres} target's {@code pg_stat_database} and {@code pg_stat_activity} figures; empty when
     * its settings cannot be read (the run reports those problems itself).
     */
    @Override
    public Optional<TelemetrySource> telemetry(String targetKind, JsonNode target) {
        if (!POSTGRES_KIND.equals(targetKind)) {
            return Optional.empty();
        }
        Problems problems = new Problems();
        JdbcTarget settings = TargetReader.read(new ConfigNode(target, "target", problems));
        if (!problems.isEmpty() || settings == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PostgresTelemetry(settings));
        } catch (CredentialException e) {
            return Optional.empty();
        }
    }

    /**
     * A {@code postgres} target's {@link ConnectionCheck}: a login as the benchmark will, the server version, the round
     * trip and the privilege to create the benchmark table.
     */
    @Override
    public Optional<TargetCheck> check(String targetKind, JsonNode target) {
        return POSTGRES_KIND.equals(targetKind) ? Optional.of(() -> ConnectionCheck.run(target)) : Optional.empty();
    }
}
