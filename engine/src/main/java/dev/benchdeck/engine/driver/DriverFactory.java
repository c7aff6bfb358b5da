package dev.benchdeck.engine.driver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.engine.plan.ConfigNode;
import dev.benchdeck.engine.telemetry.TelemetrySource;
import java.util.Optional;

/**
 * A kind of workload (http, jdbc…), found with {@link java.util.ServiceLoader}. It reads and checks
 * its part of a plan; problems are reported on the nodes, all of them, with their paths.
 */
public interface DriverFactory {

    /** The name plans use in {@code workload.driver}. */
    String name();

    /**
     * Reads the plan's target and workload sections. Every problem is reported on the nodes;
     * the returned spec is only used when no problem was reported.
     */
    DriverSpec parse(ConfigNode target, ConfigNode workload);

    /**
     * A telemetry source for a target of this kind ({@code gateway}, {@code postgres}…), sampled once a
     * second while a run executes. {@code target} is the target's settings with its secrets (never
     * logged); empty when this driver has no telemetry for the kind.
     */
    default Optional<TelemetrySource> telemetry(String targetKind, JsonNode target) {
        return Optional.empty();
    }
}
