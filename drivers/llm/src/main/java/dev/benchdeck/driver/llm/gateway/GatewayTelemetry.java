package dev.benchdeck.driver.llm.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.engine.telemetry.TelemetrySource;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A gateway's execution stats as telemetry: each stage's p50 and p99 over the gateway's recent window
 * ({@code stage.<stage>.p50_ms}), active streams, cache hit ratio, and the rate-limited, failover and
 * completed/failed request counts since the gateway started.
 */
public final class GatewayTelemetry implements TelemetrySource {

    private final GatewayAdmin admin;

    public GatewayTelemetry(GatewayAdmin admin) {
        this.admin = admin;
    }

    @Override
    public Map<String, Double> sample() throws IOException {
        GatewayAdmin.Answer answer = admin.executionStats();
        if (!answer.ok()) {
            throw new IOException("the gateway's execution stats answered " + answer.status());
        }
        return flatten(answer.body());
    }

    /** The metric names and values of one execution-stats document. */
    public static Map<String, Double> flatten(JsonNode stats) {
        Map<String, Double> out = new LinkedHashMap<>();
        JsonNode recent = stats.path("recent").path("stages");
        recent.properties().forEach(e -> {
            out.put("stage." + e.getKey() + ".p50_ms", e.getValue().path("p50_ms").asDouble());
            out.put("stage." + e.getKey() + ".p99_ms", e.getValue().path("p99_ms").asDouble());
        });
        put(out, "active_streams", stats.path("active_streams"));
        put(out, "cache_hit_ratio", stats.path("cache").path("hit_ratio"));
        put(out, "rate_limited", stats.path("rate_limited"));
        put(out, "failovers", stats.path("failovers"));
        put(out, "requests_completed", stats.path("requests").path("completed"));
        put(out, "requests_failed", stats.path("requests").path("failed"));
        put(out, "queue_waiting", stats.path("queue").path("waiting"));
        return out;
    }

    private static void put(Map<String, Double> out, String name, JsonNode value) {
        if (value.isNumber()) {
            out.put(name, value.asDouble());
        }
    }
}
