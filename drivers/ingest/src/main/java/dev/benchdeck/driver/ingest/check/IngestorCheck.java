package dev.benchdeck.driver.ingest.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * The connection check of an ingestor target: a GET of the ingestor's {@code /health}, beside the
 * {@code /messages} entry its settings name ({@code http.url}), which says whether its queue and database answer.
 */
public final class IngestorCheck {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The entry of Benchdeck's ingestor, under its base URL. */
    static final String MESSAGES_PATH = "/messages";
    private static final ObjectMapper JSON = new ObjectMapper();

    private IngestorCheck() {
    }

    /** Checks the ingestor whose entry is the target's {@code http.url} ({@code <base>/messages}). */
    public static IngestorCheckReport run(JsonNode target) {
        JsonNode entry = target.path("http").path("url");
        String base = base(entry.isTextual() ? entry.asText() : "");
        if (base.isEmpty()) {
            return IngestorCheckReport.unreached("invalid", "the target names no ingestor: http.url is missing");
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(base + "/health")).timeout(TIMEOUT).GET().build();
        } catch (IllegalArgumentException e) {
            return IngestorCheckReport.unreached("invalid", "the URL cannot be sent: " + e.getMessage());
        }
        long start = System.nanoTime();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return judge(response.statusCode(), readOrNull(response.body()), Math.round((System.nanoTime() - start) / 1_000.0) / 1_000.0);
        } catch (HttpConnectTimeoutException e) {
            return unreached(base, "timeout", "no connection within " + TIMEOUT.toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            return unreached(base, "timeout", "no response within " + TIMEOUT.toSeconds() + " s");
        } catch (ConnectException e) {
            return unreached(base, "connect", "connection refused or host unreachable");
        } catch (SSLException e) {
            return unreached(base, "tls", "TLS failed (certificates are verified): " + e.getMessage());
        } catch (IOException e) {
            return unreached(base, "connect", "the request failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return IngestorCheckReport.unreached("cancelled", "the check was interrupted");
        }
    }

    /** The ingestor's base URL: its entry without {@code /messages} and trailing slashes. */
    static String base(String entryUrl) {
        String base = entryUrl.strip();
        if (base.endsWith(MESSAGES_PATH)) {
            base = base.substring(0, base.length() - MESSAGES_PATH.length());
        }
        return base.replaceAll("/+$", "");
    }

    private static IngestorCheckReport judge(int status, JsonNode health, double millis) {
        String state = health == null ? null : health.path("status").asText(null);
        String queue = health == null ? null : health.path("queue").path("kind").asText(null);
        if (status == 200) {
            return new IngestorCheckReport(true, state, queue, millis, null, "health " + state + ", " + queue + " queue");
        }
        return new IngestorCheckReport(false, state, queue, millis, "http", "GET /health answered " + status
                + (health == null ? "" : ": " + reasons(health)));
    }

    private static IngestorCheckReport unreached(String base, String errorClass, String message) {
        return IngestorCheckReport.unreached(errorClass, "cannot reach the ingestor at " + base + ": " + message);
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
            JsonNode node = JSON.readTree(body);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }
}
