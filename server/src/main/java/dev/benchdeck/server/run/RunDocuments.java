package dev.benchdeck.server.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.server.result.ResultRepository;
import dev.benchdeck.server.system.Json;
import dev.benchdeck.server.system.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * A stored run as one JSON document in the shape of the CLI's {@code --out} file (what {@code GET /runs/{id}/result}
 * downloads and reports read); a run still going has the steps and intervals so far and its server state in
 * {@code status}.
 */
@Component
public class RunDocuments {

    private final RunRepository runs;
    private final ResultRepository results;

    RunDocuments(RunRepository runs, ResultRepository results) {
        this.runs = runs;
        this.results = results;
    }

    RunDetail detail(long id) {
        return runs.findDetail(id, results.stepsArray(id)).orElseThrow(() -> new NotFoundException("run", id));
    }

    /** The result file of run {@code id}; 404 when there is no such run. */
    public ObjectNode resultDocument(long id) {
        RunDetail run = detail(id);
        RunSummary s = run.summary();
        ObjectNode result = Json.mapper().createObjectNode();
        result.put("plan", s.scenarioName());
        result.put("status", s.status().value());
        result.put("failure", run.failure());
        result.put("started_at_millis", s.startedAt() == null ? null : s.startedAt().toEpochMilli());
        result.put("ended_at_millis", s.endedAt() == null ? null : s.endedAt().toEpochMilli());
        result.set("environment", Json.read(run.environment()));
        result.set("setup", run.setup() == null ? Json.mapper().createArrayNode() : Json.read(run.setup()));
        result.set("steps", Json.read(run.steps()));
        result.set("overall", Json.read(run.overall()));
        result.set("labels", Json.mapper().valueToTree(s.labels()));
        result.set("verdicts", run.verdicts() == null ? Json.mapper().createArrayNode() : Json.read(run.verdicts()));
        result.set("intervals", Json.read(ResultRepository.array(results.intervals(id))));
        return result;
    }

    /** The plan the run ran, as stored with it. */
    public String planYaml(long id) {
        return runs.planYaml(id).orElseThrow(() -> new NotFoundException("run", id));
    }
}
