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
    private final dev.benchdeck.server.target.TargetRepository targetRows;

    ScenarioService(ScenarioRepository scenarios, TargetService targets, PlanAssembler assembler, AuditLog audit,
                    dev.benchdeck.server.target.TargetRepository targetRows) {
        this.targetRows = targetRows;
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

    /** The scenarios named exactly {@code name}, oldest first. */
    public List<Scenario> named(String name) {
        return scenarios.findAll().stream().filter(s -> s.name().equals(name)).toList();
    }

    /**
     * A history-only scenario for uploads whose name matched none: it keeps {@code planYaml} as uploaded, unchecked
     * (nothing runs it), under the one target {@link #UPLOADS_TARGET} that stands for "run elsewhere".
     */
    public Scenario createHistoryOnly(String name, String planYaml) {
        long target = targetRows.findAll().stream().filter(t -> t.name().equals(UPLOADS_TARGET) && t.url().equals(UPLOADS_URL))
                .map(Target::id).findFirst()
                .orElseGet(() -> targetRows.insert(UPLOADS_TARGET, dev.benchdeck.server.target.TargetKinds.HTTP, UPLOADS_URL,
                        Map.of("description", "Runs uploaded by benchdeck run --upload: they ran elsewhere, nothing runs here"), null));
        long id = scenarios.insertHistoryOnly(name, "Uploaded runs of '" + name + "' (benchdeck run --upload); history only.", target, planYaml);
        audit.record("scenario_created", "scenario", id, Map.of("name", name, "history_only", true));
        return get(id);
    }

    /** The target of history-only scenarios. */
    public static final String UPLOADS_TARGET = "Uploaded runs";
    static final String UPLOADS_URL = "http://uploads.invalid/";

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
