package dev.benchdeck.driver.http;

import dev.benchdeck.engine.driver.DriverFactory;
import dev.benchdeck.engine.driver.DriverSpec;
import dev.benchdeck.engine.plan.ConfigNode;

/**
 * The {@code http} driver, found by ServiceLoader. It reads the plan's {@code target} (url,
 * http_version, connect_timeout, insecure, connections) and {@code workload} (method, path,
 * headers, body or body_file, expect_status, data_file), reporting every problem with its path.
 */
public final class HttpDriverFactory implements DriverFactory {

    public static final String NAME = "http";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DriverSpec parse(ConfigNode target, ConfigNode workload) {
        if (target.isMissing()) {
            target.problem("is required");
        }
        HttpTarget checkedTarget = TargetReader.read(target);
        HttpWorkload checkedWorkload = new WorkloadReader(workload, checkedTarget).read();
        return new HttpSpec(checkedTarget, checkedWorkload);
    }
}
