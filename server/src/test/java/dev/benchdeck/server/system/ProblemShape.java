package dev.benchdeck.server.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.server.IntegrationTestSupport.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The one shape every 4xx answer has; {@link #problems} lists how an answer departs from it. */
final class ProblemShape {

    /** Java type names and Spring's conversion texts that must never reach a client. */
    static final Pattern JAVA_TYPES = Pattern.compile(
            "java\\.|javax\\.|jakarta\\.|dev\\.benchdeck|org\\.springframework|tools\\.jackson|com\\.fasterxml|Failed to convert|'long'|'int'|`");

    private ProblemShape() {
    }

    static List<String> problems(Response response) {
        List<String> problems = new ArrayList<>();
        if (!response.contentType().startsWith("application/problem+json")) {
            problems.add("content type " + response.contentType());
            return problems;
        }
        JsonNode body;
        try {
            body = Json.read(response.body());
        } catch (RuntimeException e) {
            problems.add("not JSON");
            return problems;
        }
        for (String field : List.of("type", "title", "detail", "instance")) {
            if (!body.path(field).isTextual()) {
                problems.add("no " + field);
            }
        }
        if (!body.path("type").asText().startsWith("https://benchdeck.dev/problems/")) {
            problems.add("type " + body.path("type"));
        }
        if (body.path("status").asInt() != response.status()) {
            problems.add("status " + body.path("status") + " in the body");
        }
        if (JAVA_TYPES.matcher(body.path("detail").asText()).find()) {
            problems.add("Java in detail: " + body.path("detail").asText());
        }
        if (body.has("errors")) {
            if (!body.get("errors").isArray() || body.get("errors").isEmpty()) {
                problems.add("errors not a list of problems");
            }
            for (JsonNode error : body.path("errors")) {
                if (!error.path("path").isTextual() || !error.path("message").isTextual()) {
                    problems.add("error without path or message: " + error);
                } else if (JAVA_TYPES.matcher(error.path("message").asText()).find()) {
                    problems.add("Java in an error message: " + error);
                }
            }
        }
        return problems;
    }
}
