package dev.benchdeck.server.target;

import dev.benchdeck.driver.http.gateway.GatewayAdmin;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;

/** A connection check of a gateway target: its {@code /health}, then its admin API with the stored admin token. */
final class GatewayCheck {

    private GatewayCheck() {
    }

    /**
     * {@code ok} when the health answered 200 and the admin API took the token; {@code health} is the gateway's
     * own status ({@code ok}, {@code degraded}); error classes {@code connect}, {@code http}, {@code auth}.
     */
    @Schema(name = "GatewayCheckReport")
    record Report(boolean ok, String health, Boolean admin, Double millis, String errorClass, String message) {
    }

    static Report run(Target target, TargetSecrets secrets) {
        GatewayAdmin admin = new GatewayAdmin(target.url(), secrets.adminToken());
        long start = System.nanoTime();
        try {
            GatewayAdmin.Answer health = admin.health();
            if (health.status() != 200) {
                return new Report(false, null, null, millis(start), "http", "GET /health answered " + health.status());
            }
            String status = health.body().path("status").asText("unknown");
            if (secrets.adminToken() == null) {
                return new Report(false, status, false, millis(start), "auth", "no admin token stored: set credentials.admin_token");
            }
            GatewayAdmin.Answer stats = admin.executionStats();
            if (stats.status() == 401) {
                return new Report(false, status, false, millis(start), "auth", "the gateway refused the stored admin token (401)");
            }
            if (!stats.ok()) {
                return new Report(false, status, false, millis(start), "http", "GET /admin/execution-stats answered " + stats.status());
            }
            return new Report(true, status, true, millis(start), null, "health " + status + ", admin API reachable");
        } catch (IOException e) {
            return new Report(false, null, null, null, "connect", "cannot reach the gateway at " + target.url() + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private static double millis(long start) {
        return Math.round((System.nanoTime() - start) / 1_000.0) / 1_000.0;
    }
}
