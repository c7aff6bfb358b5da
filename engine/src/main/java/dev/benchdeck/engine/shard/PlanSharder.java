package dev.benchdeck.engine.shard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the plan one agent runs: the validated plan's source with its load divided ({@link Shard#share}: rates
 * divided, users and request counts divided with the remainder spread over the first shards, the in-flight cap
 * divided and rounded up), its own seed (so that random arrivals of different agents are independent), and the
 * {@code shard} it is, which numbers its requests and picks its data rows.
 */
public final class PlanSharder {

    private PlanSharder() {
    }

    public static ObjectNode shard(JsonNode source, Shard shard) {
        ObjectNode plan = source.deepCopy();
        plan.remove("agents");
        plan.remove("on_agent_loss");
        plan.putObject("shard").put("index", shard.index()).put("count", shard.count());
        long seed = plan.path("seed").canConvertToLong() ? plan.get("seed").asLong() : 1L;
        // a different but reproducible seed per shard: the same seed would give every agent the same random gaps
        plan.put("seed", seed + shard.index() * 0x9E3779B97F4A7C15L);
        if (plan.get("load") instanceof ObjectNode load) {
            divide(load, shard);
            for (JsonNode step : load.path("steps")) {
                if (step instanceof ObjectNode stepNode) {
                    divide(stepNode, shard);
                }
            }
        }
        return plan;
    }

    private static void divide(ObjectNode node, Shard shard) {
        if (node.path("users").canConvertToLong()) {
            node.put("users", shard.share(node.get("users").asLong()));
        }
        if (node.path("requests").canConvertToLong()) {
            node.put("requests", shard.share(node.get("requests").asLong()));
        }
        if (node.path("rate").isNumber()) {
            node.put("rate", shard.share(node.get("rate").asDouble()));
        }
        if (node.path("max_in_flight").canConvertToLong()) {
            long max = node.get("max_in_flight").asLong();
            node.put("max_in_flight", Math.max(1, (max + shard.count() - 1) / shard.count()));
        }
    }
}
