package dev.benchdeck.server.run;

import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.result.ErrorSample;
import dev.benchdeck.server.result.ResultRepository;
import dev.benchdeck.server.security.CurrentActor;
import dev.benchdeck.server.system.Json;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class RunController {

    private final RunOrchestrator orchestrator;
    private final RunRepository runs;
    private final ResultRepository results;
    private final RunImport imports;
    private final RunDocuments documents;

    RunController(RunOrchestrator orchestrator, RunRepository runs, ResultRepository results, RunImport imports, RunDocuments documents) {
        this.imports = imports;
        this.documents = documents;
        this.orchestrator = orchestrator;
        this.runs = runs;
        this.results = results;
    }

    /** The optional body of a new run: its labels (commit, branch, version, environment and free ones). */
    record RunRequest(@io.swagger.v3.oas.annotations.media.Schema(description = "key → value, see RunSummary.labels")
                      @org.jspecify.annotations.Nullable Map<String, String> labels) {
    }

    @PostMapping("/scenarios/{id}/runs")
    ResponseEntity<RunSummary> triggerRun(@PathVariable long id, @RequestBody(required = false) @org.jspecify.annotations.Nullable RunRequest request) {
        Map<String, String> labels = RunLabels.require(request == null ? null : request.labels(), "labels");
        RunSummary run = orchestrator.trigger(id, labels);
        return ResponseEntity.accepted().location(java.net.URI.create("/api/v1/runs/" + run.id())).body(run);
    }

    /**
     * Stores a result that ran elsewhere ({@code benchdeck run --upload}) in a scenario's history: 201 with the run.
     * Scenario: {@code scenario_id}, else the oldest named {@code scenario} (default: the result's plan name), else a
     * new history-only scenario of that name.
     */
    @PostMapping(value = "/runs/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = RunImport.RunUpload.class)))
    ResponseEntity<RunSummary> importRun(@RequestBody String body) {
        RunSummary run = imports.importRun(RunImport.readUpload(body));
        return ResponseEntity.created(java.net.URI.create("/api/v1/runs/" + run.id())).body(run);
    }

    @GetMapping("/runs")
    RunRepository.RunPage listRuns(@ParameterObject @Valid RunQuery query) {
        return runs.list(query.filter(), query.cursor(), query.pageNumber(), query.pageSize());
    }

    @GetMapping("/runs/{id}")
    RunDetail getRun(@PathVariable long id) {
        return documents.detail(id);
    }

    @GetMapping(value = "/runs/{id}/intervals", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = IntervalSnapshot.class,
            description = "one interval snapshot (normally one second), as the live feed sends it"))))
    String runIntervals(@PathVariable long id) {
        orchestrator.find(id);
        return ResultRepository.array(results.intervals(id));
    }

    @GetMapping("/runs/{id}/errors")
    List<ErrorSample> runErrors(@PathVariable long id) {
        orchestrator.find(id);
        return results.errors(id);
    }

    /** The whole result in the shape of the CLI's {@code --out} file. */
    @GetMapping(value = "/runs/{id}/result", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(type = "object",
            description = "the run's result in the shape of the CLI's --out file")))
    ResponseEntity<String> runResult(@PathVariable long id) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"benchdeck-run-" + id + ".json\"")
                .body(Json.write(documents.resultDocument(id)));
    }

    /**
     * Changes a run's labels as a JSON merge patch: each key given is set, a key given as null is removed, the rest stay.
     * Its creator's (or an admin's) change.
     */
    @PatchMapping(value = "/runs/{id}/labels", consumes = MediaType.APPLICATION_JSON_VALUE)
    RunSummary updateRunLabels(@PathVariable long id, @RequestBody Map<String, String> changes) {
        RunSummary run = orchestrator.find(id);
        CurrentActor.requireMayChange(run.createdById(), "run");
        List<dev.benchdeck.server.system.FieldProblem> problems = RunLabels.problems(changes, "labels", true);
        if (!problems.isEmpty()) {
            throw new dev.benchdeck.server.system.BadRequestException("invalid labels", problems);
        }
        Map<String, String> labels = new java.util.LinkedHashMap<>(run.labels());
        changes.forEach((key, value) -> {
            if (value == null) {
                labels.remove(key);
            } else {
                labels.put(key, value);
            }
        });
        RunLabels.require(labels, "labels"); // the result too: at most 32
        runs.updateLabels(id, RunLabels.normalized(labels));
        return orchestrator.find(id);
    }

    @PostMapping("/runs/{id}/cancel")
    ResponseEntity<RunSummary> cancelRun(@PathVariable long id) {
        orchestrator.cancel(id);
        return ResponseEntity.accepted().body(orchestrator.find(id));
    }

    /** 204; a queued or running run is 409 (cancel it first). Its steps, intervals and error samples go with it. */
    @DeleteMapping("/runs/{id}")
    ResponseEntity<Void> deleteRun(@PathVariable long id) {
        CurrentActor.requireMayChange(orchestrator.find(id).createdById(), "run");
        orchestrator.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/runs/{id}/rerun")
    ResponseEntity<RunSummary> rerunRun(@PathVariable long id) {
        RunSummary run = orchestrator.rerun(id);
        return ResponseEntity.accepted().location(java.net.URI.create("/api/v1/runs/" + run.id())).body(run);
    }
}
