package dev.benchdeck.engine.testkit;

import dev.benchdeck.engine.driver.Drivers;
import dev.benchdeck.engine.plan.Plan;
import dev.benchdeck.engine.plan.PlanReader;
import java.util.List;

/** Plans for tests, written as YAML with the fake driver. */
public final class Plans {

    private Plans() {
    }

    public static PlanReader reader() {
        return new PlanReader(Drivers.of(new FakeDriver.Factory()));
    }

    /** A fake-driver plan with the given {@code load:} section (YAML, indented by two spaces) and extra top-level YAML. */
    public static Plan withLoad(String load, String extra) {
        String yaml = "name: test\ntarget: {url: 'fake://x'}\nworkload: {driver: fake}\nload:\n" + load + "\n" + extra;
        return reader().read(yaml, List.of());
    }
}
