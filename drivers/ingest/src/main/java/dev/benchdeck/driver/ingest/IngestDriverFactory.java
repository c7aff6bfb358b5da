package dev.benchdeck.driver.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.driver.ingest.check.IngestorCheck;
import dev.benchdeck.driver.ingest.config.EntrySettings;
import dev.benchdeck.driver.ingest.config.IngestPlanReader;
import dev.benchdeck.driver.ingest.config.IngestWorkload;
import dev.benchdeck.driver.ingest.config.SinkSettings;
import dev.benchdeck.engine.driver.DriverFactory;
import dev.benchdeck.engine.driver.DriverSpec;
import dev.benchdeck.engine.driver.TargetCheck;
import dev.benchdeck.engine.plan.ConfigNode;
import java.util.Optional;

/**
 * The {@code ingest} driver, found by ServiceLoader: publishes messages into a pipeline ({@code target.http} or
 * {@code target.redis}) and watches its PostgreSQL sink ({@code target.sink}) for them.
 */
public final class IngestDriverFactory implements DriverFactory {

    public static final String NAME = "ingest";
    /** The kind of target this driver loads: Benchdeck's ingestor or one like it (an HTTP entry and a PostgreSQL sink). */
    public static final String INGESTOR_KIND = "ingestor";

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

    /** An ingestor target's check: its {@code /health}, which says whether its queue and database answer (see {@link IngestorCheck}). */
    @Override
    public Optional<TargetCheck> check(String targetKind, JsonNode target) {
        return INGESTOR_KIND.equals(targetKind) ? Optional.of(() -> IngestorCheck.run(target)) : Optional.empty();
    }
}
