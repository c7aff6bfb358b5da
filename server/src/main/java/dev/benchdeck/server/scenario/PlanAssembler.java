package dev.benchdeck.server.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.benchdeck.engine.plan.InvalidPlanException;
import dev.benchdeck.engine.plan.Plan;
import dev.benchdeck.engine.plan.PlanReader;
import dev.benchdeck.engine.plan.Problem;
import dev.benchdeck.server.target.SecretEnvironment;
import dev.benchdeck.server.target.Target;
import dev.benchdeck.server.target.TargetSecrets;
import dev.benchdeck.server.target.TargetService;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Turns a scenario's partial plan (no {@code name}, no {@code target}) into a full plan: the
 * scenario's name and its target's URL and options are filled in, and for llm and automation
 * targets what the workload leaves out (default model; automation path and inputs). Credentials are added only at run
 * time, so they never appear in a stored plan.
 */
@Component
public class PlanAssembler {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();
    private static final String PLACEHOLDER_URL = "http://127.0.0.1/";

    private final PlanReader reader;
    private final TargetService targets;
    private final SecretEnvironment secretEnvironment;

    PlanAssembler(PlanReader reader, TargetService targets, SecretEnvironment secretEnvironment) {
        this.reader = reader;
        this.targets = targets;
        this.secretEnvironment = secretEnvironment;
    }

    /** A full plan and its YAML text; throws {@link InvalidPlanException} with every problem. */
    public AssembledPlan assemble(String name, String planYaml, Target target) {
        ObjectNode tree = parse(planYaml);
        for (String field : List.of("name", "target")) {
            if (tree.has(field)) {
                throw new InvalidPlanException(List.of(new Problem(field,
                        "is set by the scenario (its name and its target); leave it out of plan_yaml")));
            }
        }
        ObjectNode full = YAML.createObjectNode();
        full.put("name", name);
        if (target == null) {
            full.putObject("target").put("url", PLACEHOLDER_URL);
        } else {
            full.set("target", targets.planTarget(target));
        }
        full.setAll(tree);
        if (target != null) {
            targets.fillWorkloadDefaults(target, full);
        }
        List<Problem> databaseProblems = concat(DatabasePlanRules.problems(full), secretEnvironment.problems(full.get("target"), "target"));
        Plan plan;
        try {
            plan = reader.read(full);
            reader.driverSpec(plan);
        } catch (InvalidPlanException e) {
            throw databaseProblems.isEmpty() ? e : new InvalidPlanException(concat(e.problems(), databaseProblems));
        }
        if (!databaseProblems.isEmpty()) {
            throw new InvalidPlanException(databaseProblems);
        }
        return new AssembledPlan(plan, toYaml(full));
    }

    /**
     * Reads a stored plan snapshot for execution with the target's secrets put in (headers into the
     * workload, a database password or Lakebase secrets into the target); the snapshot stays without them.
     */
    public Plan forExecution(String planYaml, TargetSecrets secrets) {
        ObjectNode tree = parse(planYaml);
        // a snapshot taken before the rule (or a target edited since) still may not read other variables
        List<Problem> envProblems = secretEnvironment.problems(tree.get("target"), "target");
        if (!envProblems.isEmpty()) {
            throw new InvalidPlanException(envProblems);
        }
        secrets.addTo(tree);
        return reader.read(tree);
    }

    public PlanReader reader() {
        return reader;
    }

    private static ObjectNode parse(String planYaml) {
        JsonNode tree;
        try {
            tree = YAML.readTree(planYaml == null ? "" : planYaml);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
            throw new InvalidPlanException(List.of(new Problem("plan_yaml", "not valid YAML: " + at + dev.benchdeck.server.system.ParserMessages.withoutInput(e.getOriginalMessage()))));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return YAML.createObjectNode();
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new InvalidPlanException(List.of(new Problem("plan_yaml", "must be a map with workload and load")));
        }
        return object;
    }

    private static List<Problem> concat(List<Problem> a, List<Problem> b) {
        List<Problem> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String toYaml(JsonNode tree) {
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid plan with the YAML it was read from. */
    public record AssembledPlan(Plan plan, String yaml) {
        public Double estimatedSeconds() {
            return plan.estimatedDuration().map(d -> d.toMillis() / 1000.0).orElse(null);
        }
    }
}
