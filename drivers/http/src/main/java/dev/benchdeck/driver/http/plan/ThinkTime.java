package dev.benchdeck.driver.http.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * A pause between journey steps: constant, uniform between two bounds, or exponential around a mean. Made by {@link
 * Benchdeck#constant}, {@link Benchdeck#uniform} and {@link Benchdeck#exponential}; written as the YAML {@code think}.
 */
public final class ThinkTime {

    private final JsonNode node;

    private ThinkTime(JsonNode node) {
        this.node = node;
    }

    static ThinkTime constant(Duration time) {
        return new ThinkTime(PlanTree.NODES.textNode(PlanTree.duration(time)));
    }

    static ThinkTime uniform(Duration min, Duration max) {
        ObjectNode think = PlanTree.object();
        think.putArray("uniform").add(PlanTree.duration(min)).add(PlanTree.duration(max));
        return new ThinkTime(think);
    }

    static ThinkTime exponential(Duration mean) {
        ObjectNode think = PlanTree.object();
        think.put("exponential", PlanTree.duration(mean));
        return new ThinkTime(think);
    }

    JsonNode node() {
        return node.deepCopy();
    }
}
