package dev.benchdeck.engine.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.benchdeck.engine.driver.DriverFactory;
import dev.benchdeck.engine.driver.DriverSpec;
import dev.benchdeck.engine.driver.Drivers;
import dev.benchdeck.engine.shard.AgentsSpec;
import dev.benchdeck.engine.shard.Shard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads YAML or JSON plans into a {@link Plan}, checking everything in one pass: an invalid plan
 * fails with {@link InvalidPlanException} listing every problem with its path. The CLI, the server
 * and the scheduler all read plans through this class.
 */
public final class PlanReader {

    static final Set<String> PLAN_FIELDS =
            Set.of("name", "description", "target", "workload", "load", "timeout", "deadline", "seed", "thresholds",
                    "max_error_rate", "agents", "on_agent_loss", "shard");
    static final Set<String> LOAD_FIELDS = Set.of("model", "arrival", "burstiness", "max_in_flight", "users", "rate", "ramp",
            "warmup", "duration", "requests", "think_time", "steps");
    static final Set<String> CLOSED_STEP_FIELDS = Set.of("users", "ramp", "warmup", "duration", "requests", "think_time");
    static final Set<String> OPEN_STEP_FIELDS = Set.of("rate", "ramp", "warmup", "duration", "requests");

    static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final int DEFAULT_MAX_IN_FLIGHT = 1000;

    private static final YAMLMapper YAML = new YAMLMapper();

    private final Drivers drivers;

    public PlanReader(Drivers drivers) {
        this.drivers = drivers;
    }

    /** Reads a plan file; a missing or unreadable file is reported as a problem too. */
    public Plan read(Path file, List<String> overrides) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidPlanException(List.of(new Problem("", "no such file: " + file)));
        } catch (IOException e) {
            throw new InvalidPlanException(List.of(new Problem("", "cannot read " + file + ": " + e.getMessage())));
        }
        return read(text, overrides);
    }

    public Plan read(String text, List<String> overrides) {
        JsonNode tree = parseTree(text);
        if (!(tree instanceof ObjectNode root)) {
            throw new InvalidPlanException(List.of(new Problem("", "a plan must be a map with name, target, workload and load")));
        }
        PlanOverrides.apply(root, overrides);
        return read(root);
    }

    /** Reads an already parsed plan (e.g. a JSON request body). */
    public Plan read(JsonNode tree) {
        Problems problems = new Problems();
        Shard shard = readShard(new ConfigNode(tree, "", problems));
        ConfigNode root = new ConfigNode(tree, "", problems, shard);
        if (!root.expectObject(PLAN_FIELDS)) {
            problems.add("", "a plan must be a map with name, target, workload and load");
            problems.throwIfAny();
        }
        String name = root.requiredText("name");
        String description = root.text("description", "");
        ConfigNode target = root.get("target");
        ConfigNode workload = root.get("workload");
        DriverSpec[] spec = new DriverSpec[1];
        String driverName = readDriver(target, workload, spec);
        LoadSpec load = readLoad(root.get("load"));
        Duration timeout = root.duration("timeout", DEFAULT_TIMEOUT);
        if (timeout != null && timeout.isZero()) {
            root.problem("timeout", "must be > 0");
        }
        Duration deadline = root.duration("deadline", null);
        Long seed = root.integer("seed", 1L);
        Double maxErrorRate = maxErrorRate(root);
        List<Threshold> thresholds = new ArrayList<>();
        for (ConfigNode item : root.list("thresholds")) {
            Threshold t = ThresholdParser.parse(item);
            if (t != null) {
                thresholds.add(t);
                checkJourneyRefs(item, t, spec[0]);
            }
        }
        AgentsSpec agents = readAgents(root, load);
        problems.throwIfAny();
        return new Plan(name, description, driverName, target.raw(), workload.raw(), load, timeout, deadline,
                seed, thresholds, tree, maxErrorRate, agents, shard);
    }

    /** {@code shard}, which the server writes into the plan each agent runs (never a user). */
    private static Shard readShard(ConfigNode root) {
        if (!root.has("shard")) {
            return Shard.WHOLE;
        }
        ConfigNode node = root.get("shard");
        if (!node.expectObject(Set.of("index", "count"))) {
            node.problem("must be a map with index and count");
            return Shard.WHOLE;
        }
        Long count = node.integerAtLeast("count", null, 1);
        Long index = node.integerAtLeast("index", null, 0);
        if (count == null || index == null || index >= count || count > AgentsSpec.MAX_AGENTS) {
            node.problem("must name one of 1…" + AgentsSpec.MAX_AGENTS + " shards (index from 0, below count)");
            return Shard.WHOLE;
        }
        return new Shard(index.intValue(), count.intValue());
    }

    /**
     * {@code agents: 3} or {@code agents: {count: 3, labels: {region: eu}}}, and {@code on_agent_loss}; every step must
     * give each agent at least one user and one request, since an agent with none would measure nothing.
     */
    private static AgentsSpec readAgents(ConfigNode root, LoadSpec load) {
        if (!root.has("agents")) {
            if (root.has("on_agent_loss")) {
                root.problem("on_agent_loss", "applies only to a run on agents (give agents too)");
            }
            return null;
        }
        ConfigNode node = root.get("agents");
        Long count;
        java.util.Map<String, String> labels = java.util.Map.of();
        if (node.raw().isObject()) {
            node.expectObject(Set.of("count", "labels"));
            count = node.integerAtLeast("count", null, 1);
            if (count == null && !node.has("count")) {
                node.problem("count", "is required");
            }
            labels = node.textMap("labels");
        } else {
            count = root.integerAtLeast("agents", null, 1);
        }
        if (count == null) {
            return null;
        }
        if (count > AgentsSpec.MAX_AGENTS) {
            root.problem("agents", "must be ≤ " + AgentsSpec.MAX_AGENTS);
            return null;
        }
        String loss = root.choice("on_agent_loss", "continue", List.of("continue", "fail"));
        checkShareable(root.get("load"), load, count);
        return new AgentsSpec(count.intValue(), labels,
                "fail".equals(loss) ? AgentsSpec.OnAgentLoss.FAIL : AgentsSpec.OnAgentLoss.CONTINUE);
    }

    private static void checkShareable(ConfigNode loadNode, LoadSpec load, long agents) {
        if (load == null) {
            return;
        }
        List<? extends StepSpec> steps = load.steps();
        boolean listed = loadNode.has("steps");
        for (int i = 0; i < steps.size(); i++) {
            StepSpec step = steps.get(i);
            ConfigNode at = listed ? loadNode.list("steps").get(i) : loadNode;
            if (step instanceof ClosedStep closed && closed.users() < agents) {
                at.problem("users", "is " + closed.users() + ", fewer than the " + agents + " agents sharing it (each needs at least one)");
            }
            if (step.requests() != null && step.requests() < agents) {
                at.problem("requests", "is " + step.requests() + ", fewer than the " + agents + " agents sharing it (each needs at least one)");
            }
        }
    }

    /** {@code max_error_rate}: a share (0.5) or a percentage ("50%"), above 0 and at most 1. */
    private static Double maxErrorRate(ConfigNode root) {
        if (!root.has("max_error_rate")) {
            return null;
        }
        JsonNode raw = root.get("max_error_rate").raw();
        Double value = null;
        if (raw.isNumber()) {
            value = raw.asDouble();
        } else if (raw.isTextual() && raw.asText().trim().matches("\\d+(\\.\\d+)?\\s*%")) {
            value = Double.parseDouble(raw.asText().trim().replace("%", "").trim()) / 100;
        }
        if (value == null || !(value > 0 && value <= 1)) {
            root.problem("max_error_rate", "must be a share above 0 and at most 1, or a percentage such as '50%'");
            return null;
        }
        return value;
    }

    /** Parses the driver's sections with the driver itself, so its problems are listed with the rest. */
    public DriverSpec driverSpec(Plan plan) {
        Problems problems = new Problems();
        DriverFactory factory = drivers.find(plan.driver()).orElseThrow();
        DriverSpec spec = factory.parse(new ConfigNode(plan.target(), "target", problems),
                new ConfigNode(plan.workload(), "workload", problems));
        problems.throwIfAny();
        return spec;
    }

    /** A threshold on a journey's step, group or checks must name what the journey has. */
    private static void checkJourneyRefs(ConfigNode item, Threshold t, DriverSpec spec) {
        String metric = t.metric();
        boolean step = metric.startsWith("step[");
        boolean group = metric.startsWith("group[");
        if (!step && !group && !metric.equals("checks")) {
            return;
        }
        dev.benchdeck.engine.driver.JourneyOutline outline = spec == null ? null : spec.journey();
        if (outline == null) {
            if (spec != null) {
                item.problem("'" + t.text() + "' only applies to a journey workload (workload.journey)");
            }
            return;
        }
        if (!step && !group) {
            return;
        }
        String ref = metric.substring(metric.indexOf('[') + 1, metric.indexOf("]."));
        java.util.Set<String> known = step ? outline.steps() : outline.groups();
        if (!known.contains(ref)) {
            item.problem("'" + t.text() + "': the journey has no " + (step ? "request step" : "group") + " named '" + ref
                    + "' (" + (known.isEmpty() ? "it has none" : "known: " + String.join(", ", new java.util.TreeSet<>(known))) + ")");
        }
    }

    private String readDriver(ConfigNode target, ConfigNode workload, DriverSpec[] spec) {
        if (target.isMissing()) {
            target.problem("is required");
        }
        if (workload.isMissing()) {
            workload.problem("is required");
            return null;
        }
        String name = workload.text("driver", "http");
        DriverFactory factory = drivers.find(name).orElse(null);
        if (factory == null) {
            workload.problem("driver", "unknown driver '" + name + "' (available: " + String.join(", ", drivers.names()) + ")");
            return name;
        }
        if (!target.isMissing()) {
            spec[0] = factory.parse(target, workload); // may have problems: its journey outline still names what it read
        }
        return name;
    }

    private LoadSpec readLoad(ConfigNode load) {
        if (load.isMissing()) {
            load.problem("is required");
            return null;
        }
        if (!load.expectObject(LOAD_FIELDS)) {
            return null;
        }
        String model = load.choice("model", "closed", List.of("closed", "open"));
        List<ConfigNode> stepNodes = load.list("steps");
        if (stepNodes.isEmpty()) {
            // no steps: the load section itself is the only step
            stepNodes = List.of(load);
        } else {
            for (String field : List.of("users", "rate")) {
                if (load.has(field)) {
                    load.problem(field, "give it in each step when steps are listed");
                }
            }
        }
        StepDefaults defaults = new StepDefaults(
                load.duration("ramp", Duration.ZERO),
                load.duration("warmup", Duration.ZERO),
                load.has("requests") && !load.has("duration") ? null : load.duration("duration", DEFAULT_DURATION),
                load.integerAtLeast("requests", null, 1),
                "open".equals(model) ? null : load.duration("think_time", Duration.ZERO));
        if ("open".equals(model)) {
            if (load.has("think_time")) {
                load.problem("think_time", "only applies to the closed model");
            }
            String arrival = load.choice("arrival", "constant", List.of("constant", "poisson", "gamma"));
            Double burstiness = load.number("burstiness", 1.0);
            if (burstiness != null && !(burstiness > 0 && burstiness <= 100)) {
                load.problem("burstiness", "must be > 0 and ≤ 100 (1 = Poisson, below 1 burstier)");
            }
            if (load.has("burstiness") && !"gamma".equals(arrival)) {
                load.problem("burstiness", "only applies to arrival: gamma");
            }
            Long maxInFlight = load.integerAtLeast("max_in_flight", (long) DEFAULT_MAX_IN_FLIGHT, 1);
            List<OpenStep> steps = new ArrayList<>();
            for (ConfigNode node : stepNodes) {
                steps.add(readOpenStep(node, node == load, defaults));
            }
            return new LoadSpec.Open(LoadSpec.Arrival.valueOf(arrival.toUpperCase(java.util.Locale.ROOT)),
                    maxInFlight == null ? DEFAULT_MAX_IN_FLIGHT : maxInFlight.intValue(), steps,
                    burstiness == null ? 1.0 : burstiness);
        }
        for (String field : List.of("arrival", "max_in_flight", "burstiness")) {
            if (load.has(field)) {
                load.problem(field, "only applies to the open model (model: open)");
            }
        }
        List<ClosedStep> steps = new ArrayList<>();
        for (ConfigNode node : stepNodes) {
            steps.add(readClosedStep(node, node == load, defaults));
        }
        return new LoadSpec.Closed(steps);
    }

    private record StepDefaults(Duration ramp, Duration warmup, Duration duration, Long requests, Duration thinkTime) {
    }

    private ClosedStep readClosedStep(ConfigNode node, boolean isLoadItself, StepDefaults defaults) {
        if (!isLoadItself) {
            node.expectObject(CLOSED_STEP_FIELDS);
        }
        Long users = node.integerAtLeast("users", null, 1);
        if (users == null && !node.has("users")) {
            node.problem("users", "is required for the closed model");
        } else if (users != null && users > 1_000_000) {
            node.problem("users", "must be ≤ 1000000");
        }
        Long requests = isLoadItself ? defaults.requests() : node.integerAtLeast("requests", defaults.requests(), 1);
        Duration duration = isLoadItself ? defaults.duration()
                : node.duration("duration", node.has("requests") ? null : defaults.duration());
        requirePositive(node, duration, requests);
        return new ClosedStep(users == null ? 1 : users.intValue(),
                isLoadItself ? defaults.ramp() : node.duration("ramp", defaults.ramp()),
                isLoadItself ? defaults.warmup() : node.duration("warmup", defaults.warmup()),
                duration, requests,
                isLoadItself ? defaults.thinkTime() : node.duration("think_time", defaults.thinkTime()));
    }

    private OpenStep readOpenStep(ConfigNode node, boolean isLoadItself, StepDefaults defaults) {
        if (!isLoadItself) {
            node.expectObject(OPEN_STEP_FIELDS);
        }
        Double rate = node.number("rate", null);
        if (rate == null && !node.has("rate")) {
            node.problem("rate", "is required for the open model");
        } else if (rate != null && !(rate > 0)) {
            node.problem("rate", "must be > 0");
        } else if (rate != null && rate > 10_000_000) {
            node.problem("rate", "must be ≤ 10000000");
        }
        Long requests = isLoadItself ? defaults.requests() : node.integerAtLeast("requests", defaults.requests(), 1);
        Duration duration = isLoadItself ? defaults.duration()
                : node.duration("duration", node.has("requests") ? null : defaults.duration());
        requirePositive(node, duration, requests);
        return new OpenStep(rate == null || !(rate > 0) ? 1 : rate,
                isLoadItself ? defaults.ramp() : node.duration("ramp", defaults.ramp()),
                isLoadItself ? defaults.warmup() : node.duration("warmup", defaults.warmup()),
                duration, requests);
    }

    private static void requirePositive(ConfigNode node, Duration duration, Long requests) {
        if (duration != null && duration.isZero()) {
            node.problem("duration", "must be > 0");
        }
        if (duration == null && requests == null) {
            node.problem("duration", "give a duration or a request count");
        }
    }

    /** The parser's message without its multi-line excerpt of the source: one line for a terminal. */
    private static String oneLine(String message) {
        return message.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(java.util.stream.Collectors.joining("; "));
    }

    static JsonNode parseTree(String text) {
        try {
            JsonNode tree = YAML.readTree(text);
            return tree == null ? YAML.createObjectNode() : tree;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new InvalidPlanException(List.of(new Problem("", "not valid YAML or JSON: " + where + oneLine(e.getOriginalMessage()))));
        }
    }
}
