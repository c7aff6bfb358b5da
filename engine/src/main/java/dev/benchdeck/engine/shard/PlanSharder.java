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
        plan.put("seed", shardSeed(seed, shard.index()));
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

    /**
     * Shard 0 keeps the plan's seed; others get it mixed with their index (SplitMix64's finaliser). Adding a multiple
     * of the golden gamma instead would give SplittableRandom the same sequence shifted by i draws.
     */
    static long shardSeed(long seed, int index) {
        if (index == 0) {
            return seed;
        }
        long z = seed ^ (index * 0xD1B54A32D192ED03L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
