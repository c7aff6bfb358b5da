package dev.benchdeck.server.ingestor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.server.system.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls to one ingestor's HTTP API (/stats, /messages, /simulate), with its admin token when the target has one. */
final class IngestorClient {

    /** Short: the watcher samples each second, and a page waits on these calls. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private final String base;
    private final String adminToken;

    IngestorClient(String url, String adminToken) {
        this.base = url.replaceAll("/+$", "");
        this.adminToken = adminToken;
    }

    /** An answer: its status and its JSON body (a missing node when the body is not JSON). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    Answer stats() throws IOException {
        return send(request("/stats").GET());
    }

    Answer newest(int limit) throws IOException {
        return send(request("/messages?limit=" + limit).GET());
    }

    Answer simulate(int count, double rate, String content) throws IOException {
        String body = Json.write(java.util.Map.of("count", count, "rate", rate, "content", content));
        return send(request("/simulate").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
        if (adminToken != null) {
            request.header("Authorization", "Bearer " + adminToken);
        }
        return request;
    }

    private static Answer send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = Json.mapper().readTree(response.body());
            } catch (IOException e) {
                body = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
            return new Answer(response.statusCode(), body == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("the target's URL cannot be sent", e);
        }
    }
}
