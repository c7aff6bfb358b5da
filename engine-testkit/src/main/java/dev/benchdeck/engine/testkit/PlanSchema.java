package dev.benchdeck.engine.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

/** The engine's plan schema, for drivers' tests that check its sections list exactly the fields they read. */
public final class PlanSchema {

    private PlanSchema() {
    }

    public static JsonNode load() {
        try (InputStream in = PlanSchema.class.getResourceAsStream("/dev/benchdeck/engine/plan/benchdeck-plan.schema.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names under a schema node's {@code properties}, sorted. */
    public static Set<String> properties(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }
}
