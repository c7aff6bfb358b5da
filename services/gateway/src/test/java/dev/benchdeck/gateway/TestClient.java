package dev.benchdeck.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small HTTP client for the gateway's tests: whole answers, and event streams read event by event with arrival times. */
final class TestClient {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN = "test-admin-token-0123456789";

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TestClient(URI base) {
        this.base = base;
    }

    /** One event (or a comment, type ":") with the time it arrived. */
    record Event(String type, String data, long atNanos) {
        JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + data, e);
            }
        }
    }

    /** A whole answer: status, headers, body, and the events when it was a stream. */
    record Answer(int status, HttpResponse<?> response, String body, List<Event> events, long sentNanos) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        List<Event> chunks() {
            return events.stream().filter(e -> e.type().equals("chunk")).toList();
        }

        Event last(String type) {
            return events.stream().filter(e -> e.type().equals(type)).reduce((a, b) -> b).orElse(null);
        }

        boolean done() {
            return events.stream().anyMatch(e -> e.type().equals("message") && e.data().equals("[DONE]"));
        }

        String text() {
            StringBuilder out = new StringBuilder();
            chunks().forEach(e -> out.append(e.json().path("content").asText()));
            return out.toString();
        }

        JsonNode timing() {
            Event t = last("timing");
            return t == null ? null : t.json();
        }
    }

    Answer stream(String body, String... headers) throws IOException, InterruptedException {
        return post("/api/v1/stream", "application/json", body, headers);
    }

    Answer post(String path, String contentType, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b, headers);
    }

    Answer get(String path, String... headers) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET(), headers);
    }

    Answer put(String path, String body, String... headers) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    Answer admin(String path) throws IOException, InterruptedException {
        return get(path, "Authorization", "Bearer " + TOKEN);
    }

    /** The execution stats, for polling from lambdas. */
    JsonNode adminQuietly() {
        try {
            return admin("/admin/execution-stats").json();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    Answer putConfig(String body) throws IOException, InterruptedException {
        return put("/admin/config", body, "Authorization", "Bearer " + TOKEN);
    }

    private Answer send(HttpRequest.Builder b, String... headers) throws IOException, InterruptedException {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        long sent = System.nanoTime();
        HttpResponse<java.io.InputStream> response = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        List<Event> events = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        boolean sse = response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String type = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                body.append(line).append('\n');
                if (!sse) {
                    continue;
                }
                if (line.startsWith(":")) {
                    events.add(new Event(":", line.substring(1).strip(), System.nanoTime()));
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
                } else if (line.isEmpty() && (type != null || !data.isEmpty())) {
                    events.add(new Event(type == null ? "message" : type, data.toString(), System.nanoTime()));
                    type = null;
                    data.setLength(0);
                }
            }
        }
        return new Answer(response.statusCode(), response, body.toString(), events, sent);
    }

    static String request(String query) {
        return "{\"query\":\"" + query + "\"}";
    }
}
