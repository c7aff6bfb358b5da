package dev.benchdeck.driver.http.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.benchdeck.engine.driver.Drivers;
import dev.benchdeck.engine.plan.InvalidPlanException;
import dev.benchdeck.engine.plan.Plan;
import dev.benchdeck.engine.plan.PlanReader;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A plan for the {@code http} driver, written in Java: started by {@link Benchdeck#plan}, it writes the same tree as the
 * YAML plan it mirrors (each method names its YAML field), and {@link #build()} reads that tree with {@link PlanReader}.
 * So a Java plan is validated like its YAML twin, with every problem and its path ({@code workload.journey[3].branches:
 * weights must add up to 100 (they add up to 90)}), and the resulting {@link Plan}s are equal. The builder itself only
 * refuses {@code null}s; every other mistake is left to the reader, so that the messages are the same.
 */
public final class PlanBuilder {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS) // http_version "1.1" stays a text
            .build();

    private final ObjectNode root = PlanTree.object();

    PlanBuilder(String name) {
        root.put("name", PlanTree.text(name, "name"));
    }

    /** {@code description}: a sentence shown beside the name. */
    public PlanBuilder description(String description) {
        root.put("description", PlanTree.text(description, "description"));
        return this;
    }

    /** {@code target.url}: the base URL every step's path is joined to. */
    public PlanBuilder target(String url) {
        PlanTree.child(root, "target").put("url", PlanTree.text(url, "url"));
        return this;
    }

    /** {@code target.http_version}: "1.1" (the default, and what journeys need) or "2". */
    public PlanBuilder httpVersion(String version) {
        PlanTree.child(root, "target").put("http_version", PlanTree.text(version, "http_version"));
        return this;
    }

    /** {@code target.connect_timeout}. */
    public PlanBuilder connectTimeout(Duration timeout) {
        PlanTree.child(root, "target").put("connect_timeout", PlanTree.duration(timeout));
        return this;
    }

    /** {@code target.insecure}: accept any TLS certificate (for test systems only). */
    public PlanBuilder insecure(boolean insecure) {
        PlanTree.child(root, "target").put("insecure", insecure);
        return this;
    }

    /** {@code target.connections}: a shared pool of this many connections instead of one per user. */
    public PlanBuilder connections(int connections) {
        PlanTree.child(root, "target").put("connections", connections);
        return this;
    }

    /** {@code workload.feeders[]}: a CSV (with a header row) or JSON Lines file whose columns become variables. */
    public PlanBuilder feeder(String file) {
        PlanTree.array(workload(), "feeders").addObject().put("file", PlanTree.text(file, "file"));
        return this;
    }

    /** A feeder with its strategy. */
    public PlanBuilder feeder(String file, FeederStrategy strategy) {
        PlanTree.array(workload(), "feeders").addObject().put("file", PlanTree.text(file, "file"))
                .put("strategy", Objects.requireNonNull(strategy, "strategy").planText());
        return this;
    }

    /** {@code workload.journey}: what each virtual user does, step by step. */
    public PlanBuilder journey(Consumer<Steps> steps) {
        workload().set("journey", Steps.of(steps));
        return this;
    }

    /** {@code load}: {@link Benchdeck#closed} or {@link Benchdeck#open}. */
    public PlanBuilder load(Load load) {
        root.set("load", Objects.requireNonNull(load, "load").node());
        return this;
    }

    /** {@code timeout}: per request (10s by default). */
    public PlanBuilder timeout(Duration timeout) {
        root.put("timeout", PlanTree.duration(timeout));
        return this;
    }

    /** {@code deadline}: the whole run's limit. */
    public PlanBuilder deadline(Duration deadline) {
        root.put("deadline", PlanTree.duration(deadline));
        return this;
    }

    /** {@code seed}: of the random choices (branches, uniform think times…), for repeatable runs. */
    public PlanBuilder seed(long seed) {
        root.set("seed", PlanTree.number(seed));
        return this;
    }

    /** {@code max_error_rate}: stop the run when more than this share of operations fail (above 0, at most 1). */
    public PlanBuilder maxErrorRate(double share) {
        root.set("max_error_rate", PlanTree.number(share));
        return this;
    }

    /** {@code thresholds}, appended: {@code "p99 < 500ms"}, {@code "step[login].p99 < 300ms"}, {@code "checks > 99%"}. */
    public PlanBuilder thresholds(String... thresholds) {
        for (String threshold : thresholds) {
            PlanTree.array(root, "thresholds").add(PlanTree.text(threshold, "threshold"));
        }
        return this;
    }

    /** The plan's tree as its YAML twin parses into; a copy, so that changing it leaves the builder as it was. */
    public ObjectNode tree() {
        return root.deepCopy();
    }

    /** The YAML twin of this plan. */
    public String toYaml() {
        return toYaml(root);
    }

    /** A plan tree as YAML that reads back into the same tree. */
    public static String toYaml(JsonNode plan) {
        try {
            return YAML.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan tree is always writable as YAML", e);
        }
    }

    /**
     * Validates the plan with the drivers on the class path, as {@code benchdeck validate} does.
     *
     * @throws InvalidPlanException listing every problem with its path
     */
    public Plan build() {
        return build(Drivers.discover());
    }

    /** Validates the plan with the given drivers. */
    public Plan build(Drivers drivers) {
        PlanReader reader = new PlanReader(drivers);
        Plan plan = reader.read(tree());
        reader.driverSpec(plan);
        return plan;
    }

    private ObjectNode workload() {
        ObjectNode workload = PlanTree.child(root, "workload");
        if (!workload.has("driver")) {
            workload.put("driver", "http");
        }
        return workload;
    }
}
