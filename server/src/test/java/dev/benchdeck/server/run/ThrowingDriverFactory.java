package dev.benchdeck.server.run;

import dev.benchdeck.engine.driver.DriverFactory;
import dev.benchdeck.engine.driver.DriverSpec;
import dev.benchdeck.engine.plan.ConfigNode;

/** A test driver ({@code workload.driver: test-error}) whose opening throws an {@link Error}, as a stack overflow would. */
public final class ThrowingDriverFactory implements DriverFactory {

    public static final String NAME = "test-error";
    static final String MESSAGE = "thrown on purpose by the test-error driver";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DriverSpec parse(ConfigNode target, ConfigNode workload) {
        return clock -> {
            throw new StackOverflowError(MESSAGE);
        };
    }
}
