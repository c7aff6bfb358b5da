package dev.benchdeck.server.history;

import dev.benchdeck.server.run.RunLabels;
import dev.benchdeck.server.run.RunRepository;
import dev.benchdeck.server.run.RunSummary;
import dev.benchdeck.server.scenario.Scenario;
import dev.benchdeck.server.scenario.ScenarioService;
import dev.benchdeck.server.security.Actor;
import dev.benchdeck.server.security.CurrentActor;
import dev.benchdeck.server.system.BadRequestException;
import dev.benchdeck.server.system.FieldProblem;
import dev.benchdeck.server.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class HistoryController {

    private static final int MAX_LIMIT = 1000;

    private final ScenarioService scenarios;
    private final RunRepository runs;
    private final HistoryService history;
    private final AlertRepository alerts;
    private final DetectionSettingsRepository settings;

    HistoryController(ScenarioService scenarios, RunRepository runs, HistoryService history, AlertRepository alerts,
                      DetectionSettingsRepository settings) {
        this.scenarios = scenarios;
        this.runs = runs;
        this.history = history;
        this.alerts = alerts;
        this.settings = settings;
    }

    @GetMapping("/scenarios/{id}/history")
    @Operation(summary = "Each metric per step over the scenario's completed runs (the newest `limit`, oldest first), with baselines and alerts")
    ScenarioHistory getScenarioHistory(
            @PathVariable long id,
            @Parameter(description = "metrics to return (repeatable, e.g. latency.p99); all the steps measured when none")
            @RequestParam(required = false) @Nullable List<String> metric,
            @Parameter(description = "only this step (its index)") @RequestParam(required = false) @Nullable String step,
            @Parameter(description = "only runs of this branch") @RequestParam(required = false) @Nullable String branch,
            @Parameter(description = "only runs with this label, key:value (repeatable)") @RequestParam(required = false) @Nullable List<String> label,
            @Parameter(schema = @Schema(type = "integer", defaultValue = "200", minimum = "1", maximum = "1000"))
            @RequestParam(required = false) @Nullable String limit) {
        Scenario scenario = scenarios.get(id);
        List<FieldProblem> problems = new ArrayList<>();
        List<String> metrics = metric == null ? List.of() : metric.stream().flatMap(m -> java.util.Arrays.stream(m.split(",")))
                .map(String::strip).filter(m -> !m.isEmpty()).toList();
        for (int i = 0; i < metrics.size(); i++) {
            if (HistoryMetric.byName(metrics.get(i)).isEmpty()) {
                problems.add(new FieldProblem("metric[" + i + "]", "unknown metric '" + metrics.get(i) + "'; one of " + HistoryMetric.names()));
            }
        }
        Integer stepIndex = whole(step, "step", 0, 10_000, problems);
        Integer rows = whole(limit, "limit", 1, MAX_LIMIT, problems);
        Map<String, String> labels = new java.util.LinkedHashMap<>(RunLabels.filters(label, "label", problems));
        if (branch != null && !branch.isBlank()) {
            labels.put(RunLabels.BRANCH, branch.strip());
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException("invalid history query", problems);
        }
        return history.history(scenario, metrics, stepIndex, labels, rows == null ? 200 : rows);
    }

    @GetMapping("/scenarios/{id}/detection")
    @Operation(summary = "The regression tests this scenario's runs are checked with (the defaults until changed)")
    DetectionSettings getDetectionSettings(@PathVariable long id) {
        scenarios.get(id);
        return settings.get(id);
    }

    @PutMapping("/scenarios/{id}/detection")
    @Operation(summary = "Sets the scenario's regression tests; fields left out take their defaults. The scenario's creator's (or an admin's) change")
    DetectionSettings updateDetectionSettings(@PathVariable long id, @RequestBody DetectionSettings request) {
        Scenario scenario = scenarios.get(id);
        CurrentActor.requireMayChange(scenario.createdById(), "scenario");
        List<FieldProblem> problems = request.problems();
        if (!problems.isEmpty()) {
            throw new BadRequestException("invalid detection settings", problems);
        }
        settings.put(id, request, CurrentActor.username());
        return settings.get(id);
    }

    @GetMapping("/runs/{id}/alerts")
    List<Alert> listRunAlerts(@PathVariable long id) {
        runs.find(id).orElseThrow(() -> new NotFoundException("run", id));
        return alerts.forRun(id);
    }

    @GetMapping("/scenarios/{id}/alerts")
    @Operation(summary = "The scenario's alerts, newest first")
    List<Alert> listScenarioAlerts(@PathVariable long id,
                                   @Parameter(schema = @Schema(allowableValues = {"open", "acknowledged", "false_positive"}))
                                   @RequestParam(required = false) @Nullable String status,
                                   @RequestParam(required = false) @Nullable String limit) {
        scenarios.get(id);
        return list(id, status, limit);
    }

    @GetMapping("/alerts")
    @Operation(summary = "Alerts of every scenario, newest first; the open ones unless status says otherwise (the overview's list)")
    List<Alert> listAlerts(@Parameter(schema = @Schema(allowableValues = {"open", "acknowledged", "false_positive", "any"}, defaultValue = "open"))
                           @RequestParam(required = false) @Nullable String status,
                           @RequestParam(required = false) @Nullable String limit) {
        return list(null, status == null || status.isBlank() ? "open" : status, limit);
    }

    private List<Alert> list(@Nullable Long scenarioId, @Nullable String status, @Nullable String limit) {
        List<FieldProblem> problems = new ArrayList<>();
        String wanted = status == null || status.isBlank() || status.equals("any") ? null : status.strip();
        if (wanted != null && !List.of("open", "acknowledged", "false_positive").contains(wanted)) {
            problems.add(new FieldProblem("status", "must be open, acknowledged, false_positive or any"));
        }
        Integer rows = whole(limit, "limit", 1, MAX_LIMIT, problems);
        if (!problems.isEmpty()) {
            throw new BadRequestException("invalid alerts query", problems);
        }
        return alerts.list(scenarioId, wanted, rows == null ? 100 : rows);
    }

    /** Why an alert is acknowledged or a false positive (required for a false positive). */
    record AlertTriage(@Size(max = 1000) @Nullable String reason) {
    }

    @PostMapping("/alerts/{id}/acknowledge")
    @Operation(summary = "Marks the alert seen (a real regression); its value stays in later baselines")
    Alert acknowledgeAlert(@PathVariable long id, @Valid @RequestBody(required = false) @Nullable AlertTriage triage) {
        return triage(id, "acknowledged", triage == null ? null : triage.reason());
    }

    @PostMapping("/alerts/{id}/false-positive")
    @Operation(summary = "Marks the alert a false positive (reason required); its value then stays out of later baselines")
    Alert markAlertFalsePositive(@PathVariable long id, @Valid @RequestBody(required = false) @Nullable AlertTriage triage) {
        String reason = triage == null || triage.reason() == null ? "" : triage.reason().strip();
        Alert alert = findAlert(id);
        if (reason.isEmpty()) {
            throw new BadRequestException("a false positive needs a reason", List.of(new FieldProblem("reason", "must say why it is a false positive")));
        }
        return triage(alert.id(), "false_positive", reason);
    }

    private Alert triage(long id, String status, @Nullable String reason) {
        Alert alert = findAlert(id);
        Actor actor = CurrentActor.require();
        RunSummary run = runs.find(alert.runId()).orElseThrow(() -> new NotFoundException("alert", id));
        Long scenarioOwner = run.scenarioId() == null ? null : scenarios.get(run.scenarioId()).createdById();
        if (!actor.mayChange(run.createdById()) && !actor.mayChange(scenarioOwner)) {
            // neither the run's nor the scenario's: refused with the usual reason (viewer, or not the creator)
            CurrentActor.requireMayChange(run.createdById(), "run's alert");
        }
        alerts.setStatus(id, status, actor.username(), actor.userId(), reason == null || reason.isBlank() ? null : reason.strip());
        return findAlert(id);
    }

    private Alert findAlert(long id) {
        return alerts.find(id).orElseThrow(() -> new NotFoundException("alert", id));
    }

    private static @Nullable Integer whole(@Nullable String text, String path, int min, int max, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new FieldProblem(path, "must be a whole number " + min + ".." + max));
        return null;
    }
}
