package dev.benchdeck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.engine.result.ResultJson;
import dev.benchdeck.engine.result.RunResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code benchdeck run --upload URL}: stores a finished CLI run in a Benchdeck server's history
 * ({@code POST /api/v1/runs/import}), authenticated by an API token of scope {@code run} ({@code BENCHDECK_TOKEN}).
 * The token goes only in the {@code Authorization} header and is never printed.
 */
final class ResultUpload {

    /** What the server said: the new run's id and page, or why not. */
    record Outcome(boolean stored, long runId, String message) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final URI server;
    private final String token;

    ResultUpload(URI server, String token) {
        this.server = server;
        this.token = token == null || token.isBlank() ? null : token.strip();
    }

    /** The server's base URL, or why it is not one (a message for {@code --upload}). */
    static String problemWith(String url) {
        try {
            URI uri = new URI(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                return "must be the server's http:// or https:// address, e.g. http://127.0.0.1:8080";
            }
            if (uri.getRawUserInfo() != null) {
                return "must not carry a user name or password: give a token in BENCHDECK_TOKEN";
            }
            return null;
        } catch (java.net.URISyntaxException e) {
            return "is not a URL: " + e.getReason();
        }
    }

    /** Uploads the result with the plan's text and, when given, the scenario (an id or a name) to store it in. */
    Outcome upload(RunResult result, String planText, String scenario) throws InterruptedException {
        ObjectMapper mapper = ResultJson.mapper();
        ObjectNode body = mapper.createObjectNode();
        body.set("result", mapper.valueToTree(result));
        if (planText != null) {
            body.put("plan_yaml", planText);
        }
        if (scenario != null && scenario.matches("[0-9]{1,18}")) {
            body.put("scenario_id", Long.parseLong(scenario));
        } else if (scenario != null) {
            body.put("scenario", scenario);
        }
        URI endpoint = server.resolve(server.getPath().endsWith("/") ? "api/v1/runs/import" : server.getPath() + "/api/v1/runs/import");
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> answer;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Outcome(false, 0, "cannot reach " + endpoint + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        return outcome(answer.statusCode(), answer.body(), mapper);
    }

    private Outcome outcome(int status, String text, ObjectMapper mapper) {
        JsonNode json;
        try {
            json = mapper.readTree(text == null || text.isBlank() ? "{}" : text);
        } catch (IOException notJson) {
            json = mapper.createObjectNode();
        }
        if (status / 100 == 2 && json.path("id").canConvertToLong()) {
            long id = json.path("id").asLong();
            return new Outcome(true, id, "uploaded as run " + id + ": " + server.resolve("/runs/" + id));
        }
        StringBuilder why = new StringBuilder("the server refused the upload (HTTP " + status + ")");
        if (status == 401) {
            why.append(": set BENCHDECK_TOKEN to an API token of scope run (benchdeck tokens create --user NAME --scopes read,run)");
        } else if (status == 403) {
            why.append(": the token's user or scope may not store runs (an editor's token of scope run can)");
        }
        String detail = json.path("detail").asText(json.path("title").asText(""));
        if (!detail.isEmpty()) {
            why.append(": ").append(detail);
        }
        for (JsonNode problem : json.path("errors")) {
            why.append("\n  ").append(problem.path("path").asText()).append(": ").append(problem.path("message").asText());
        }
        return new Outcome(false, 0, why.toString());
    }
}
