package dev.benchdeck.server.scenario;

import dev.benchdeck.engine.plan.InvalidPlanException;
import dev.benchdeck.server.security.CurrentActor;
import dev.benchdeck.server.system.FieldProblem;
import dev.benchdeck.server.target.TargetService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
class ScenarioController {

    private final ScenarioService service;
    private final ScenarioRepository scenarios;
    private final TargetService targets;
    private final PlanAssembler assembler;

    ScenarioController(ScenarioService service, ScenarioRepository scenarios, TargetService targets, PlanAssembler assembler) {
        this.service = service;
        this.scenarios = scenarios;
        this.targets = targets;
        this.assembler = assembler;
    }

    @GetMapping("/scenarios")
    List<Scenario> listScenarios(@RequestParam(defaultValue = "false") boolean mine) {
        Long me = CurrentActor.userId();
        return service.list().stream().filter(s -> !mine || (me != null && me.equals(s.createdById()))).toList();
    }

    @GetMapping("/scenarios/{id}")
    Scenario getScenario(@PathVariable long id) {
        return service.get(id);
    }

    @PostMapping("/scenarios")
    ResponseEntity<Scenario> createScenario(@Valid @RequestBody ScenarioRequest request) {
        Scenario created = service.create(request.name(), request.description(), request.targetId(), request.planYaml());
        return ResponseEntity.created(URI.create("/api/v1/scenarios/" + created.id())).body(created);
    }

    @PutMapping("/scenarios/{id}")
    Scenario updateScenario(@PathVariable long id, @Valid @RequestBody ScenarioRequest request) {
        CurrentActor.requireMayChange(service.get(id).createdById(), "scenario");
        return service.update(id, request);
    }

    @DeleteMapping("/scenarios/{id}")
    ResponseEntity<Void> deleteScenario(@PathVariable long id) {
        CurrentActor.requireMayChange(service.get(id).createdById(), "scenario");
        if (!scenarios.delete(id)) {
            throw new dev.benchdeck.server.system.NotFoundException("scenario", id);
        }
        return ResponseEntity.noContent().build();
    }

    /** Checks a plan as a scenario would run it; problems are the answer, not an error. */
    @PostMapping("/plans/validate")
    PlanValidation validatePlan(@Valid @RequestBody PlanValidationRequest request) {
        var target = request.targetId() == null ? null : targets.get(request.targetId());
        try {
            PlanAssembler.AssembledPlan plan = assembler.assemble("plan", request.planYaml(), target);
            return new PlanValidation(true, List.of(), plan.estimatedSeconds());
        } catch (InvalidPlanException e) {
            return new PlanValidation(false, e.problems().stream()
                    .map(p -> new FieldProblem(p.path().isEmpty() ? "plan_yaml" : p.path(), p.message())).toList(), null);
        }
    }

    record PlanValidationRequest(Long targetId, @NotNull @Size(max = 100_000) String planYaml) {
    }

    record PlanValidation(boolean valid, List<FieldProblem> problems, Double estimatedSeconds) {
    }
}
