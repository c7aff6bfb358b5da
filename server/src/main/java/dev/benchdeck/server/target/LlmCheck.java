package dev.benchdeck.server.target;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.driver.http.llm.LlmProviders;
import dev.benchdeck.server.system.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * The health check of an llm target: a one-token streaming request to the default model (chat
 * completions, or Anthropic messages for provider anthropic), or {@code GET /v1/models} when the
 * target has no default model. 401/403, 404 and 429 get messages that say what to fix; the API key
 * is sent but never repeated in a message.
 */
final class LlmCheck {

    private LlmCheck() {
    }

    static HttpCheck.Report run(Target target, TargetSecrets secrets) {
        ObjectNode planTarget = LlmTargets.planTarget(target.kind(), target.url(), TargetMetrics.withoutMetrics(target.options()));
        String provider = planTarget.path("provider").asText();
        String model = target.options().get("model") instanceof String m && !m.isBlank() ? m : null;
        String base = target.url().endsWith("/") ? target.url().substring(0, target.url().length() - 1) : target.url();
        String path = model == null ? "/v1/models" : LlmProviders.ANTHROPIC.equals(provider) ? "/v1/messages" : "/v1/chat/completions";
        String url = base + path;
        HttpCheck.Report refused = refusedKey(secrets.apiKey());
        if (refused != null) {
            return refused;
        }
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url));
        } catch (IllegalArgumentException e) {
            return new HttpCheck.Report(false, null, null, "invalid", "the URL cannot be sent: " + e.getMessage());
        }
        LlmProviders.authHeaders(provider, secrets.apiKey()).forEach(request::header);
        if (model == null) {
            request.GET();
        } else {
            ObjectNode body = Json.mapper().createObjectNode();
            body.put("model", model).put("max_tokens", 1).put("stream", true);
            body.putArray("messages").addObject().put("role", "user").put("content", "ping");
            request.header("content-type", "application/json").header("accept", "text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        return HttpCheck.send(url, request, (status, body, millis) -> judge(status, body, millis, path, model, secrets.apiKey()));
    }

    /** The check of an automation target: a GET of its base URL with the provider's authentication headers. */
    static HttpCheck.Report automation(Target target, TargetSecrets secrets) {
        HttpCheck.Report refused = refusedKey(secrets.apiKey());
        if (refused != null) {
            return refused;
        }
        String provider = LlmTargets.planTarget(target.kind(), target.url(), TargetMetrics.withoutMetrics(target.options())).path("provider").asText();
        return HttpCheck.run(target.url(), LlmProviders.authHeaders(provider, secrets.apiKey()));
    }

    /** A stored key that cannot go into a header is reported as such, without sending anything or repeating it. */
    private static HttpCheck.Report refusedKey(String apiKey) {
        String problem = LlmProviders.apiKeyProblem(apiKey);
        return problem == null ? null
                : new HttpCheck.Report(false, null, null, "invalid", "the stored API key " + problem + " (enter it again as credentials.api_key)");
    }

    private static HttpCheck.Report judge(int status, String body, double millis, String path, String model, String apiKey) {
        String detail = LlmProviders.errorMessage(body == null ? null : body.getBytes(StandardCharsets.UTF_8), apiKey);
        if (status >= 200 && status < 300) {
            String what = model == null ? "the server listed its models" : "model " + model + " answered";
            return new HttpCheck.Report(true, status, millis, null, "HTTP " + status + ": " + what);
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
        return new HttpCheck.Report(false, status, millis, errorClass, detail.isEmpty() ? message : message + ": " + detail);
    }
}
