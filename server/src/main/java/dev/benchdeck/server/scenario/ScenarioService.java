package dev.benchdeck.server.scenario;

import dev.benchdeck.engine.plan.InvalidPlanException;
import dev.benchdeck.server.audit.AuditLog;
import dev.benchdeck.server.system.NotFoundException;
import dev.benchdeck.server.target.Target;
import dev.benchdeck.server.target.TargetService;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Scenarios with their plans checked on every write and their estimated length worked out on read. */
@Service
public class ScenarioService {

    private final ScenarioRepository scenarios;
    private final TargetService targets;
    private final PlanAssembler assembler;
    private final AuditLog audit;

    ScenarioService(ScenarioRepository scenarios, TargetService targets, PlanAssembler assembler, AuditLog audit) {
        this.scenarios = scenarios;
        this.targets = targets;
        this.assembler = assembler;
        this.audit = audit;
    }

    public Scenario get(long id) {
        return withEstimate(scenarios.find(id).orElseThrow(() -> new NotFoundException("scenario", id)));
    }

    List<Scenario> list() {
        return scenarios.findAll().stream().map(this::withEstimate).toList();
    }

    public Scenario create(String name, String description, long targetId, String planYaml) {
        Target target = targets.get(targetId);
        assembler.assemble(name.strip(), planYaml, target);
        Scenario created = get(scenarios.insert(name.strip(), description == null ? "" : description, targetId, planYaml));
        audit.record("scenario_created", "scenario", created.id(), Map.of("name", created.name(), "target_id", targetId));
        return created;
    }

    void delete(long id) {
        Scenario scenario = scenarios.find(id).orElseThrow(() -> new NotFoundException("scenario", id));
        if (!scenarios.delete(id)) {
            throw new NotFoundException("scenario", id);
        }
        audit.record("scenario_deleted", "scenario", id, Map.of("name", scenario.name()));
    }

    Scenario update(long id, ScenarioRequest request) {
        Target target = targets.get(request.targetId());
        assembler.assemble(request.name().strip(), request.planYaml(), target);
        if (!scenarios.update(id, request.name().strip(), request.description() == null ? "" : request.description(),
                request.targetId(), request.planYaml())) {
            throw new NotFoundException("scenario", id);
        }
        audit.record("scenario_updated", "scenario", id, Map.of("name", request.name().strip(), "target_id", request.targetId()));
        return get(id);
    }

    /** The full plan this scenario runs now (its target as it is now). */
    public PlanAssembler.AssembledPlan plan(Scenario scenario) {
        return assembler.assemble(scenario.name(), scenario.planYaml(), targets.get(scenario.targetId()));
    }

    private Scenario withEstimate(Scenario scenario) {
        try {
            return scenario.withEstimate(plan(scenario).estimatedSeconds());
        } catch (InvalidPlanException | NotFoundException e) {
            return scenario;
        }
    }
}
