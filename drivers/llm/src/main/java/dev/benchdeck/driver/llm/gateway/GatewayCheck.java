package dev.benchdeck.driver.llm.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** The connection check of a gateway target: its {@code /health}, then its admin API with the {@code admin_token}. */
public final class GatewayCheck {

    private GatewayCheck() {
    }

    /** Checks the gateway at the target's {@code url} (its root) with its {@code admin_token}. */
    public static GatewayCheckReport run(JsonNode target) {
        String url = target.path("url").isTextual() ? target.get("url").asText() : null;
        String token = target.path("admin_token").isTextual() ? target.get("admin_token").asText() : null;
        if (url == null || url.isBlank()) {
            return new GatewayCheckReport(false, null, null, null, "invalid", "the target has no url");
        }
        GatewayAdmin admin = new GatewayAdmin(url, token);
        long start = System.nanoTime();
        try {
            GatewayAdmin.Answer health = admin.health();
            if (health.status() != 200) {
                return new GatewayCheckReport(false, null, null, millis(start), "http", "GET /health answered " + health.status());
            }
            String status = health.body().path("status").asText("unknown");
            if (token == null) {
                return new GatewayCheckReport(false, status, false, millis(start), "auth", "no admin token stored: set credentials.admin_token");
            }
            GatewayAdmin.Answer stats = admin.executionStats();
            if (stats.status() == 401) {
                return new GatewayCheckReport(false, status, false, millis(start), "auth", "the gateway refused the stored admin token (401)");
            }
            if (!stats.ok()) {
                return new GatewayCheckReport(false, status, false, millis(start), "http", "GET /admin/execution-stats answered " + stats.status());
            }
            return new GatewayCheckReport(true, status, true, millis(start), null, "health " + status + ", admin API reachable");
        } catch (IOException e) {
            return new GatewayCheckReport(false, null, null, null, "connect", "cannot reach the gateway at " + url + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private static double millis(long start) {
        return Math.round((System.nanoTime() - start) / 1_000.0) / 1_000.0;
    }
}
