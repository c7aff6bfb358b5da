package dev.benchdeck.driver.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.driver.http.check.HttpCheck;
import dev.benchdeck.engine.driver.DriverFactory;
import dev.benchdeck.engine.driver.DriverSpec;
import dev.benchdeck.engine.driver.TargetCheck;
import dev.benchdeck.engine.plan.ConfigNode;
import java.util.Optional;

/**
 * The {@code http} driver, found by ServiceLoader. It reads the plan's {@code target} (url,
 * http_version, connect_timeout, insecure, connections) and {@code workload} (method, path,
 * headers, body or body_file, expect_status, data_file), reporting every problem with its path.
 */
public final class HttpDriverFactory implements DriverFactory {

    public static final String NAME = "http";
    /** The kind of target this driver checks: any HTTP service, reached at its {@code url}. */
    public static final String HTTP_KIND = "http";

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
        WorkloadReader reader = new WorkloadReader(workload, checkedTarget);
        HttpWorkload checkedWorkload = reader.read();
        return new HttpSpec(checkedTarget, checkedWorkload, reader.outline());
    }

    /** An http target's check: one GET of its {@code url} with its {@code headers} (see {@link HttpCheck}). */
    @Override
    public Optional<TargetCheck> check(String targetKind, JsonNode target) {
        return HTTP_KIND.equals(targetKind) ? Optional.of(() -> HttpCheck.run(target)) : Optional.empty();
    }
}
