package dev.benchdeck.driver.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.benchdeck.engine.driver.Drivers;
import dev.benchdeck.engine.load.RunControl;
import dev.benchdeck.engine.load.RunEngine;
import dev.benchdeck.engine.plan.ConfigNode;
import dev.benchdeck.engine.plan.Plan;
import dev.benchdeck.engine.plan.PlanReader;
import dev.benchdeck.engine.plan.Problem;
import dev.benchdeck.engine.plan.Problems;
import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.record.RunListener;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.time.EngineClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Plans for the ingest driver: run through the engine, or parsed alone for their problems. */
final class IngestRuns {

    private static final YAMLMapper YAML = new YAMLMapper();

    private IngestRuns() {
    }

    static RunResult run(String yaml, List<IntervalSnapshot> intervals) {
        PlanReader reader = new PlanReader(Drivers.of(new IngestDriverFactory()));
        Plan plan = reader.read(yaml, List.of());
        RunListener listener = new RunListener() {
            @Override
            public void interval(IntervalSnapshot snapshot) {
                intervals.add(snapshot);
            }
        };
        return new RunEngine(EngineClock.system()).run(plan, reader.driverSpec(plan), listener, new RunControl());
    }

    /** The problems of a target and a workload section. */
    static List<Problem> problems(String targetYaml, String workloadYaml) {
        Problems problems = new Problems();
        new IngestDriverFactory().parse(new ConfigNode(tree(targetYaml), "target", problems),
                new ConfigNode(tree(workloadYaml), "workload", problems));
        return problems.list();
    }

    static IngestSpec spec(String targetYaml, String workloadYaml) {
        Problems problems = new Problems();
        IngestSpec spec = (IngestSpec) new IngestDriverFactory().parse(new ConfigNode(tree(targetYaml), "target", problems),
                new ConfigNode(tree(workloadYaml), "workload", problems));
        if (!problems.list().isEmpty()) {
            throw new AssertionError("unexpected problems: " + problems.list());
        }
        return spec;
    }

    private static JsonNode tree(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
