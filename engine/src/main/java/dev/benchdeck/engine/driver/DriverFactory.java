package dev.benchdeck.engine.driver;

import dev.benchdeck.engine.plan.ConfigNode;

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
}
