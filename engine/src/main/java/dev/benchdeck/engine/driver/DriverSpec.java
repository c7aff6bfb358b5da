package dev.benchdeck.engine.driver;

import dev.benchdeck.engine.time.EngineClock;

/** A driver's validated configuration for one plan; opening it checks the target and yields a {@link Driver}. */
public interface DriverSpec {

    /**
     * Opens the driver: resolves the target and checks it is reachable, so that a wrong URL fails
     * at once with a clear message instead of as a million errors.
     */
    Driver open(EngineClock clock) throws DriverException;

    /** The objectives goodput counts against (token streams); none by default. */
    default dev.benchdeck.engine.stream.ServiceLevels serviceLevels() {
        return dev.benchdeck.engine.stream.ServiceLevels.NONE;
    }

    /** The request steps and groups of a journey workload, or {@code null} when the workload is no journey. */
    default JourneyOutline journey() {
        return null;
    }
}
