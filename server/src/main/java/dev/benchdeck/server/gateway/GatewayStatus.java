package dev.benchdeck.server.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.driver.llm.gateway.GatewayAdmin;
import java.io.IOException;

/**
 * A gateway as the dashboard sees it at one moment: {@code connected} when its health answered (then its
 * health document, and its execution stats when the admin API took the token), else {@code disconnected}
 * with the reason.
 *
 * @param status {@code connected} or {@code disconnected}
 * @param health the gateway's {@code /health} (status, redis, providers' circuit states, active streams)
 * @param stats  its {@code /admin/execution-stats}, or null when the admin API refused or failed
 * @param error  why it is disconnected or why there are no stats
 */
record GatewayStatus(long targetId, String status, JsonNode health, JsonNode stats, String error) {

    static final String CONNECTED = "connected";
    static final String DISCONNECTED = "disconnected";

    static GatewayStatus read(long targetId, GatewayAdmin admin) {
        GatewayAdmin.Answer health;
        try {
            health = admin.health();
        } catch (IOException e) {
            return new GatewayStatus(targetId, DISCONNECTED, null, null, "cannot reach the gateway: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        if (!health.ok()) {
            return new GatewayStatus(targetId, DISCONNECTED, null, null, "GET /health answered " + health.status());
        }
        try {
            GatewayAdmin.Answer stats = admin.executionStats();
            if (stats.ok()) {
                return new GatewayStatus(targetId, CONNECTED, health.body(), stats.body(), null);
            }
            return new GatewayStatus(targetId, CONNECTED, health.body(), null, stats.status() == 401
                    ? "the gateway refused the stored admin token" : "GET /admin/execution-stats answered " + stats.status());
        } catch (IOException e) {
            return new GatewayStatus(targetId, CONNECTED, health.body(), null, "execution stats unavailable: " + e.getMessage());
        }
    }
}
