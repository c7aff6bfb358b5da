package dev.benchdeck.server.target;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.server.system.Json;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.net.http.HttpRequest;
import org.jspecify.annotations.Nullable;

/** A connection check of an ingestor target: its {@code /health}, which says whether its queue and database answer. */
final class IngestorCheck {

    private IngestorCheck() {
    }

    /**
     * {@code ok} when {@code /health} answered 200; {@code health} is the ingestor's status ({@code ok}, {@code down}),
     * {@code queue} its queue's kind; error classes {@code connect}, {@code timeout}, {@code http} (503: what is down).
     */
    @Schema(name = "IngestorCheckReport")
    record Report(boolean ok, @Nullable String health, @Nullable String queue, @Nullable Double millis,
                  @Nullable String errorClass, String message) {
    }

    static Report run(Target target) {
        String url = target.url().replaceAll("/+$", "") + "/health";
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).GET();
        } catch (IllegalArgumentException e) {
            return new Report(false, null, null, null, "invalid", "the URL cannot be sent: " + e.getMessage());
        }
        Report[] judged = new Report[1]; // HttpCheck.send reports failures to connect; the answer is judged here
        HttpCheck.Report sent = HttpCheck.send(url, request, (status, body, millis) -> {
            JsonNode health = readOrNull(body);
            String state = health == null ? null : health.path("status").asText(null);
            String queue = health == null ? null : health.path("queue").path("kind").asText(null);
            judged[0] = status == 200 ? new Report(true, state, queue, millis, null, "health " + state + ", " + queue + " queue")
                    : new Report(false, state, queue, millis, "http", "GET /health answered " + status
                    + (health == null ? "" : ": " + reasons(health)));
            return new HttpCheck.Report(true, status, millis, null, "");
        });
        return judged[0] != null ? judged[0]
                : new Report(false, null, null, null, sent.errorClass(), "cannot reach the ingestor at " + target.url() + ": " + sent.message());
    }

    private static String reasons(JsonNode health) {
        StringBuilder out = new StringBuilder();
        for (String part : new String[] {"queue", "database"}) {
            String reason = health.path(part).path("reason").asText(null);
            if (reason != null) {
                out.append(out.isEmpty() ? "" : "; ").append(part).append(": ").append(reason);
            }
        }
        return out.isEmpty() ? "status " + health.path("status").asText("unknown") : out.toString();
    }

    private static JsonNode readOrNull(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (Exception e) {
            return null;
        }
    }
}
