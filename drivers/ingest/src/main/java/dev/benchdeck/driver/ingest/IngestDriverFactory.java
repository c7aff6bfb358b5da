package dev.benchdeck.driver.ingest;

import dev.benchdeck.driver.ingest.config.EntrySettings;
import dev.benchdeck.driver.ingest.config.IngestPlanReader;
import dev.benchdeck.driver.ingest.config.IngestWorkload;
import dev.benchdeck.driver.ingest.config.SinkSettings;
import dev.benchdeck.engine.driver.DriverFactory;
import dev.benchdeck.engine.driver.DriverSpec;
import dev.benchdeck.engine.plan.ConfigNode;

/**
 * The {@code ingest} driver, found by ServiceLoader: publishes messages into a pipeline ({@code target.http} or
 * {@code target.redis}) and watches its PostgreSQL sink ({@code target.sink}) for them.
 */
public final class IngestDriverFactory implements DriverFactory {

    public static final String NAME = "ingest";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DriverSpec parse(ConfigNode target, ConfigNode workload) {
        EntrySettings entry = IngestPlanReader.entry(target);
        SinkSettings sink = IngestPlanReader.sink(target);
        IngestWorkload checked = IngestPlanReader.workload(workload);
        return new IngestSpec(entry, sink, checked);
    }
}
