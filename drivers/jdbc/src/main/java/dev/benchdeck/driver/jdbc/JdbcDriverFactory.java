package dev.benchdeck.driver.jdbc;

import dev.benchdeck.driver.jdbc.config.JdbcTarget;
import dev.benchdeck.driver.jdbc.config.JdbcWorkload;
import dev.benchdeck.driver.jdbc.config.TargetReader;
import dev.benchdeck.driver.jdbc.config.WorkloadReader;
import dev.benchdeck.engine.driver.DriverFactory;
import dev.benchdeck.engine.driver.DriverSpec;
import dev.benchdeck.engine.plan.ConfigNode;

/**
 * The {@code jdbc} driver, found by ServiceLoader: PostgreSQL-compatible databases. It reads the
 * plan's {@code target} (host, port, database, user, sslmode, password source, pool) and
 * {@code workload} (table, rows, setup, operations), reporting every problem with its path.
 */
public final class JdbcDriverFactory implements DriverFactory {

    public static final String NAME = "jdbc";

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
}
