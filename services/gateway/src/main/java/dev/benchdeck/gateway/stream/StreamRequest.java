package dev.benchdeck.gateway.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.gateway.config.FieldProblem;
import dev.benchdeck.gateway.config.GatewaySettings;
import dev.benchdeck.gateway.config.ProviderDefinition;
import dev.benchdeck.gateway.http.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A checked {@code POST /api/v1/stream} body: {@code {query, model?, provider?, stream?, max_tokens?, temperature?}}.
 * {@code provider} defaults to the first of provider_order, {@code model} to the provider's first model,
 * {@code stream} to true.
 */
public record StreamRequest(String query, String model, String provider, boolean stream, Integer maxTokens, Double temperature) {

    public static final int MAX_QUERY_CHARS = 100_000;
    static final Set<String> FIELDS = Set.of("query", "model", "provider", "stream", "max_tokens", "temperature");
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The outcome of stage 1's checks: a request, or the problem to answer with. */
    public sealed interface Parsed {
        record Valid(StreamRequest request) implements Parsed {
        }

        record Invalid(Problem problem) implements Parsed {
        }
    }

    /**
     * Checks content type, JSON and every field; problems with fields are all reported at once (422, or 413
     * when the query is too long), never streamed.
     */
    public static Parsed parse(String contentType, byte[] body, GatewaySettings settings, Function<String, ProviderDefinition> providers) {
        if (contentType == null || !isJson(contentType)) {
            return new Parsed.Invalid(Problem.of(415, "Unsupported media type",
                    "send the request as Content-Type: application/json, not " + (contentType == null ? "no content type" : "'" + contentType + "'")));
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return new Parsed.Invalid(Problem.of(400, "Malformed request body", "the body is not valid JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse("") + location(e)));
        } catch (IOException e) {
            return new Parsed.Invalid(Problem.of(400, "Malformed request body", "the body cannot be read: " + e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            return new Parsed.Invalid(Problem.of(400, "Malformed request body", "the body must be a JSON object"));
        }
        ObjectNode in = (ObjectNode) root;
        List<FieldProblem> problems = new ArrayList<>();
        for (Iterator<String> names = in.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add(new FieldProblem(name, "unknown field; known: max_tokens, model, provider, query, stream, temperature"));
            }
        }
        boolean tooLong = false;
        String query = null;
        JsonNode q = in.get("query");
        if (q == null || q.isNull()) {
            problems.add(new FieldProblem("query", "is required"));
        } else if (!q.isTextual()) {
            problems.add(new FieldProblem("query", "must be a string"));
        } else {
            query = q.asText();
            int chars = query.codePointCount(0, query.length());
            if (chars == 0 || query.isBlank()) {
                problems.add(new FieldProblem("query", "must not be empty"));
            } else if (chars > MAX_QUERY_CHARS) {
                tooLong = true;
                problems.add(new FieldProblem("query", "is " + chars + " characters long; at most " + MAX_QUERY_CHARS));
            }
        }
        String provider = text(in, "provider", problems);
        if (provider == null && !in.has("provider")) {
            provider = settings.providerOrder().get(0);
        }
        ProviderDefinition definition = provider == null ? null : providers.apply(provider);
        if (provider != null && definition == null) {
            problems.add(new FieldProblem("provider", "unknown provider '" + provider + "'"));
        }
        String model = text(in, "model", problems);
        if (definition != null) {
            if (model == null && !in.has("model")) {
                model = definition.firstModel();
                if (model == null) {
                    problems.add(new FieldProblem("model", "is required for provider '" + provider + "'"));
                }
            } else if (model != null && !definition.allows(model)) {
                problems.add(new FieldProblem("model", "model '" + model + "' is not offered by provider '" + provider
                        + "'; offered: " + String.join(", ", definition.models())));
            }
        }
        boolean stream = true;
        JsonNode s = in.get("stream");
        if (s != null && !s.isNull()) {
            if (s.isBoolean()) {
                stream = s.asBoolean();
            } else {
                problems.add(new FieldProblem("stream", "must be true or false"));
            }
        }
        Integer maxTokens = null;
        JsonNode m = in.get("max_tokens");
        if (m != null && !m.isNull()) {
            if (!m.isIntegralNumber() || !m.canConvertToInt() || m.asInt() < 1 || m.asInt() > 1_000_000) {
                problems.add(new FieldProblem("max_tokens", "must be a whole number from 1 to 1000000"));
            } else {
                maxTokens = m.asInt();
            }
        }
        Double temperature = null;
        JsonNode t = in.get("temperature");
        if (t != null && !t.isNull()) {
            if (!t.isNumber() || t.asDouble() < 0 || t.asDouble() > 2) {
                problems.add(new FieldProblem("temperature", "must be a number from 0 to 2"));
            } else {
                temperature = t.asDouble();
            }
        }
        if (!problems.isEmpty()) {
            int status = tooLong ? 413 : 422;
            String title = tooLong ? "Request too large" : "Invalid request";
            return new Parsed.Invalid(new Problem(status, title, problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + " in the request", "invalid_request", problems, null));
        }
        return new Parsed.Valid(new StreamRequest(query, model, provider, stream, maxTokens, temperature));
    }

    private static String text(ObjectNode in, String field, List<FieldProblem> problems) {
        JsonNode v = in.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            problems.add(new FieldProblem(field, "must be a string"));
            return null;
        }
        return v.asText();
    }

    private static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
