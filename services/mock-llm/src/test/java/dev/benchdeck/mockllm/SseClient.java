package dev.benchdeck.mockllm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A test client: sends a request and records each SSE event (or comment) with its arrival time. */
final class SseClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One event or comment; {@code atNanos} counts from just before the request was sent. */
    record Event(long atNanos, String type, String data, boolean comment) {
        JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + data, e);
            }
        }

        double atMillis() {
            return atNanos / 1e6;
        }
    }

    /** The events read, the status, and whether the body ended cleanly (false: the connection was cut). */
    record Recording(int status, java.net.http.HttpHeaders headers, List<Event> events, boolean endedCleanly) {
        List<Event> dataEvents() {
            return events.stream().filter(e -> !e.comment()).toList();
        }

        List<String> types() {
            return dataEvents().stream().map(Event::type).toList();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    SseClient(URI base) {
        this.base = base;
    }

    Recording post(String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return record(request.build());
    }

    Recording get(String path) throws IOException, InterruptedException {
        return record(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(String method, String path, String body, String... headers) throws IOException, InterruptedException {
        return JSON.readTree(send(method, path, body, headers).body());
    }

    private Recording record(HttpRequest request) throws IOException, InterruptedException {
        long sent = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request, DrainingBodyStream.handler());
        List<Event> events = new ArrayList<>();
        boolean clean = true;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String type = "message";
            StringBuilder data = null;
            String line;
            while ((line = reader.readLine()) != null) {
                long at = System.nanoTime() - sent;
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(at, type, data.toString(), false));
                    }
                    type = "message";
                    data = null;
                } else if (line.startsWith(":")) {
                    events.add(new Event(at, "comment", line.substring(1).strip(), true));
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    String value = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                } else {
                    events.add(new Event(at, "body", line, false));
                }
            }
        } catch (IOException cut) {
            clean = false;
        }
        return new Recording(response.statusCode(), response.headers(), events, clean);
    }
}
