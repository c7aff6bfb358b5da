package dev.benchdeck.server.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.result.ResultJson;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.server.audit.AuditLog;
import dev.benchdeck.server.result.ResultRepository;
import dev.benchdeck.server.scenario.Scenario;
import dev.benchdeck.server.scenario.ScenarioService;
import dev.benchdeck.server.security.CurrentActor;
import dev.benchdeck.server.system.BadRequestException;
import dev.benchdeck.server.system.FieldProblem;
import dev.benchdeck.server.system.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a result that ran elsewhere (the CLI's {@code --upload}) as a run of a scenario, source {@code cli-upload}:
 * the scenario given by id, else the oldest one named as the result's plan, else a new history-only scenario of
 * that name. Its steps, intervals and error samples are stored as a run's are; a completed one is then checked
 * for regressions like any other. All or nothing: a bad result stores nothing.
 */
@Service
class RunImport {

    private final ScenarioService scenarios;
    private final RunRepository runs;
    private final ResultRepository results;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    RunImport(ScenarioService scenarios, RunRepository runs, ResultRepository results, TransactionTemplate transaction,
              ApplicationEventPublisher events, AuditLog audit) {
        this.scenarios = scenarios;
        this.runs = runs;
        this.results = results;
        this.transaction = transaction;
        this.events = events;
        this.audit = audit;
    }

    RunSummary importRun(RunUpload upload) {
        RunResult result = parse(upload.result());
        Map<String, String> labels = new LinkedHashMap<>(RunLabels.require(result.labels(), "result.labels"));
        labels.putAll(RunLabels.require(upload.labels(), "labels"));
        labels = RunLabels.require(labels, "labels");
        Map<String, String> allLabels = labels;
        RunState state = RunState.of(result.status());
        long id = transaction.execute(status -> {
            Scenario scenario = scenario(upload, result);
            String plan = upload.planYaml() != null ? upload.planYaml() : scenario.planYaml();
            long runId = runs.insertImported(scenario, plan, CurrentActor.username(), allLabels, result);
            for (StepResult step : result.steps()) {
                results.insertStep(runId, step.index(), Json.write(step));
            }
            int seq = 0;
            for (StepResult step : result.steps()) {
                results.insertErrors(runId, seq, step.errorSamples());
                seq += step.errorSamples().size();
            }
            int interval = 0;
            for (IntervalSnapshot snapshot : result.intervals()) {
                results.insertInterval(runId, interval++, Json.write(snapshot));
            }
            runs.finishImported(runId, state, result);
            audit.record("run_imported", "run", runId, Map.of("scenario_id", scenario.id(), "scenario", scenario.name(),
                    "status", state.value()));
            return runId;
        });
        if (state == RunState.COMPLETED) {
            events.publishEvent(new RunCompleted(id));
        }
        return runs.find(id).orElseThrow();
    }

    private Scenario scenario(RunUpload upload, RunResult result) {
        if (upload.scenarioId() != null) {
            Scenario scenario = scenarios.get(upload.scenarioId());
            CurrentActor.requireMayChange(scenario.createdById(), "scenario");
            return scenario;
        }
        String name = upload.scenario() != null && !upload.scenario().isBlank() ? upload.scenario().strip() : result.plan();
        List<Scenario> named = scenarios.named(name);
        return named.isEmpty()
                ? scenarios.createHistoryOnly(name, upload.planYaml() == null ? "# uploaded results of '" + name + "'\n" : upload.planYaml())
                : named.getFirst();
    }

    /** The upload's body, read by the engine's mapper (the one the CLI's result file is written with). */
    static RunUpload readUpload(String body) {
        return dev.benchdeck.server.system.JsonBody.read(body, RunUpload.class, "the upload");
    }

    private static RunResult parse(@Nullable JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new BadRequestException("no result", List.of(new FieldProblem("result", "must be the CLI's result (benchdeck run --out)")));
        }
        RunResult result;
        try {
            result = ResultJson.mapper().treeToValue(node, RunResult.class);
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            throw new BadRequestException("the result does not read", List.of(new FieldProblem(dev.benchdeck.server.system.JsonBody.path("result", e), dev.benchdeck.server.system.JsonBody.readable(e))));
        } catch (Exception e) {
            throw new BadRequestException("the result does not read", List.of(new FieldProblem("result", "must be the CLI's result (benchdeck run --out)")));
        }
        List<FieldProblem> problems = new java.util.ArrayList<>();
        if (result.plan() == null || result.plan().isBlank() || result.plan().length() > 200) {
            problems.add(new FieldProblem("result.plan", "must be the plan's name, 1-200 characters"));
        }
        if (result.status() == null) {
            problems.add(new FieldProblem("result.status", "must be completed, failed, cancelled or timed_out"));
        }
        if (result.startedAtMillis() <= 0 || result.endedAtMillis() < result.startedAtMillis()) {
            problems.add(new FieldProblem("result.started_at_millis", "must be a time before ended_at_millis"));
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException("the result is incomplete", problems);
        }
        return result;
    }

    /** The body of an upload. */
    record RunUpload(@io.swagger.v3.oas.annotations.media.Schema(type = "object",
                             description = "the CLI's result file (benchdeck run --out), as RunResult") @Nullable JsonNode result,
                     @io.swagger.v3.oas.annotations.media.Schema(description = "the plan as run (kept with the run)") @Nullable String planYaml,
                     @io.swagger.v3.oas.annotations.media.Schema(description = "labels added to (and over) the result's own")
                     @Nullable Map<String, String> labels,
                     @io.swagger.v3.oas.annotations.media.Schema(description = "the scenario to store it in; else matched by name")
                     @Nullable Long scenarioId,
                     @io.swagger.v3.oas.annotations.media.Schema(description = "the scenario's name; the result's plan name when not given")
                     @Nullable String scenario) {
    }
}
