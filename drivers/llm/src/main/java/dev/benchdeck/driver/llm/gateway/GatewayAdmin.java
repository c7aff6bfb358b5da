package dev.benchdeck.driver.llm.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A client of a Benchdeck streaming gateway's probe and admin API: {@code GET /health},
 * {@code GET /admin/execution-stats}, {@code GET} and {@code PUT /admin/config}. The admin token goes
 * only into the Authorization header; {@code toString} never shows it.
 */
public final class GatewayAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1).build();

    private final String base;
    private final String adminToken;

    /** {@code baseUrl}: the gateway's root ({@code http://127.0.0.1:8002}); {@code adminToken} may be null (admin calls then get 401). */
    public GatewayAdmin(String baseUrl, String adminToken) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.adminToken = adminToken;
    }

    /** What the gateway answered: its status and JSON body (a missing node when the body is not JSON). */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    public Answer health() throws IOException {
        return send(() -> request("/health", false).GET());
    }

    public Answer executionStats() throws IOException {
        return send(() -> request("/admin/execution-stats", true).GET());
    }

    public Answer config() throws IOException {
        return send(() -> request("/admin/config", true).GET());
    }

    /** PUT /admin/config with these changes; a 422 answer holds {@code errors: [{path, message}]}. */
    public Answer putConfig(JsonNode changes) throws IOException {
        String body = JSON.writeValueAsString(changes);
        return send(() -> request("/admin/config", true).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path, boolean admin) {
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Accept", "application/json");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a gateway URL: " + e.getMessage(), e);
        }
        if (admin && adminToken != null) {
            try {
                b.header("Authorization", "Bearer " + adminToken);
            } catch (IllegalArgumentException e) {
                // the JDK's message repeats the value, the token: neither it nor its exception goes on
                throw new IllegalArgumentException("the admin token cannot go into a header (it holds a line break or"
                        + " another control character): enter it again");
            }
        }
        return b;
    }

    /** Builds the request inside the try, so that a URL or token the HTTP client cannot take is an IOException too, never a crash. */
    private static Answer send(Supplier<HttpRequest.Builder> request) throws IOException {
        try {
            HttpResponse<String> response = CLIENT.send(request.get().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
            } catch (IOException notJson) {
                body = MissingNode.getInstance();
            }
            return new Answer(response.statusCode(), body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "GatewayAdmin[" + base + (adminToken != null ? ", admin_token=***" : "") + "]";
    }
}
