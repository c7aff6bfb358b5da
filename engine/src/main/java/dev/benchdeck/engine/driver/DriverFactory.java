package dev.benchdeck.engine.driver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.engine.plan.ConfigNode;
import dev.benchdeck.engine.telemetry.TelemetrySource;
import java.util.Optional;

/**
 * A kind of workload (http, jdbc…), found with {@link java.util.ServiceLoader}. It reads and checks
 * its part of a plan; problems are reported on the nodes, all of them, with their paths. For the kinds of
 * target it talks to, it may offer a connection check and a telemetry source.
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
     * second while a run executes; empty when this driver has no telemetry for the kind.
     *
     * <p>{@code target}, here and in {@link #check}, is a stored target's settings with its secrets (never logged,
     * never answered): the plan's {@code target} section as this driver reads it, with the secrets a run puts in
     * ({@code password}, {@code api_key}…), plus what the target gives every workload on it ({@code headers}, an
     * llm target's default {@code model}) and the secrets only the server uses ({@code admin_token}).
     */
    default Optional<TelemetrySource> telemetry(String targetKind, JsonNode target) {
        return Optional.empty();
    }

    /**
     * The connection check of a target of this kind ({@code http}, {@code postgres}…), which a user runs before a
     * benchmark; {@code target} as for {@link #telemetry}. Empty when this driver has no check for the kind.
     */
    default Optional<TargetCheck> check(String targetKind, JsonNode target) {
        return Optional.empty();
    }
}
