package dev.benchdeck.driver.llm.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.driver.http.check.HttpCheck;
import dev.benchdeck.driver.http.check.HttpCheckReport;
import dev.benchdeck.driver.llm.stream.LlmProviders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * The connection checks of llm and automation targets. An llm target: a one-token streaming request to its default
 * {@code model} (chat completions, or Anthropic messages for provider anthropic), or {@code GET /v1/models} when it
 * has none; 401/403, 404 and 429 get messages that say what to fix. An automation: a GET of its base URL with the
 * provider's authentication headers. The {@code api_key} is sent but never repeated in a message.
 */
public final class LlmCheck {

    /** The llm driver's provider when a target names none. */
    static final String DEFAULT_PROVIDER = "openai-compatible";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LlmCheck() {
    }

    /** The check of an llm target ({@code url}, {@code provider}, {@code api_key}, default {@code model}). */
    public static HttpCheckReport model(JsonNode target) {
        String url = HttpCheck.text(target, "url");
        String provider = provider(target);
        String apiKey = HttpCheck.text(target, "api_key");
        String model = HttpCheck.text(target, "model");
        model = model == null || model.isBlank() ? null : model;
        HttpCheckReport refused = refusedKey(apiKey);
        if (refused != null) {
            return refused;
        }
        String path = model == null ? "/v1/models" : LlmProviders.ANTHROPIC.equals(provider) ? "/v1/messages" : "/v1/chat/completions";
        String endpoint = url == null ? null : (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + path;
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(HttpCheck.uri(endpoint));
        } catch (IllegalArgumentException e) {
            return HttpCheckReport.failed("invalid", "the URL cannot be sent: " + (url == null ? "the target has no url" : e.getMessage()));
        }
        LlmProviders.authHeaders(provider, apiKey).forEach(request::header);
        if (model == null) {
            request.GET();
        } else {
            ObjectNode body = JSON.createObjectNode();
            body.put("model", model).put("max_tokens", 1).put("stream", true);
            body.putArray("messages").addObject().put("role", "user").put("content", "ping");
            request.header("content-type", "application/json").header("accept", "text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        String checkedModel = model;
        return HttpCheck.send(endpoint, request, (status, body, millis) -> judge(status, body, millis, path, checkedModel, apiKey));
    }

    /** The check of an automation target: a GET of its base {@code url} with the provider's authentication headers. */
    public static HttpCheckReport automation(JsonNode target) {
        String apiKey = HttpCheck.text(target, "api_key");
        HttpCheckReport refused = refusedKey(apiKey);
        if (refused != null) {
            return refused;
        }
        return HttpCheck.run(HttpCheck.text(target, "url"), LlmProviders.authHeaders(provider(target), apiKey));
    }

    private static String provider(JsonNode target) {
        String provider = HttpCheck.text(target, "provider");
        return provider == null ? DEFAULT_PROVIDER : provider;
    }

    /** A stored key that cannot go into a header is reported as such, without sending anything or repeating it. */
    private static HttpCheckReport refusedKey(String apiKey) {
        String problem = LlmProviders.apiKeyProblem(apiKey);
        return problem == null ? null
                : HttpCheckReport.failed("invalid", "the stored API key " + problem + " (enter it again as credentials.api_key)");
    }

    private static HttpCheckReport judge(int status, String body, double millis, String path, String model, String apiKey) {
        String detail = LlmProviders.errorMessage(body == null ? null : body.getBytes(StandardCharsets.UTF_8), apiKey);
        if (status >= 200 && status < 300) {
            String what = model == null ? "the server listed its models" : "model " + model + " answered";
            return new HttpCheckReport(true, status, millis, null, "HTTP " + status + ": " + what);
        }
        String message = switch (status) {
            case 401, 403 -> "the API key was refused (HTTP " + status + ")"
                    + (apiKey == null ? "; the target has no API key" : "; check credentials.api_key");
            case 404 -> "HTTP 404 for " + path + ": check the base URL (without /v1)"
                    + (model == null ? "" : " and the model name '" + model + "'");
            case 429 -> "rate limited (HTTP 429): the key works, the provider asks to slow down";
            default -> "HTTP " + status;
        };
        String errorClass = switch (status) {
            case 401, 403 -> "auth";
            case 404 -> "not_found";
            case 429 -> "rate_limited";
            default -> "http_" + status / 100 + "xx";
        };
        return new HttpCheckReport(false, status, millis, errorClass, detail.isEmpty() ? message : message + ": " + detail);
    }
}
