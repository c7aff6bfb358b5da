package dev.benchdeck.driver.http.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.benchdeck.engine.plan.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an OpenAPI 3.0 or 3.1 document (YAML or JSON) into a starting journey plan: one step per operation, in the
 * document's order with the DELETEs last (so a journey reads before it removes), named by its {@code operationId}
 * (else its method and path). Path, required query and required header parameters get a value from the document
 * ({@code example}, the schema's {@code example}, {@code default} or first {@code enum}) or one made from the schema's
 * type; a JSON request body is its example or a value made from its schema. Each step expects the operation's lowest
 * 2xx status. The target is the first server's URL (its variables at their defaults) unless a base URL is given.
 * Local {@code $ref}s ({@code #/components/…}) are followed; others are left alone.
 */
public final class OpenApiImport {

    /** What to import: the target's URL (null: the document's first server), and reads only. */
    public record Options(String baseUrl, boolean readOnly) {
        public static final Options DEFAULT = new Options(null, false);
    }

    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final List<String> METHODS = List.of("get", "head", "options", "post", "put", "patch", "delete");
    private static final Set<String> READS = Set.of("get", "head", "options");
    private static final String FALLBACK_TARGET = "http://127.0.0.1:8080";
    private static final int MAX_DEPTH = 6;
    private static final Pattern SERVER_VARIABLE = Pattern.compile("\\{([^}]+)}");

    private OpenApiImport() {
    }

    private record Operation(String method, String path, JsonNode node, JsonNode pathItem, int order) {
    }

    /** Reads {@code document} and writes the plan; an {@link InvalidOpenApiException} says why it cannot. */
    public static String toPlan(String document, String name, Options options) throws InvalidOpenApiException {
        JsonNode root = read(document);
        List<Operation> operations = operations(root, options.readOnly());
        List<String> notes = new ArrayList<>();
        String target = target(root, options.baseUrl(), notes);
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode plan = f.objectNode();
        plan.put("name", name);
        String title = root.path("info").path("title").asText("");
        plan.put("description", "Imported from the OpenAPI document" + (title.isBlank() ? "" : " \"" + title + "\"") + ": "
                + operations.size() + (operations.size() == 1 ? " operation" : " operations") + ".");
        plan.putObject("target").put("url", target);
        ObjectNode workload = plan.putObject("workload");
        workload.put("driver", "http");
        ArrayNode journey = workload.putArray("journey");
        Set<String> names = new HashSet<>();
        for (Operation op : operations) {
            journey.add(step(root, op, names));
        }
        ObjectNode load = plan.putObject("load");
        load.put("model", "closed");
        load.put("users", 1);
        load.put("duration", "30s");
        plan.putArray("thresholds").add("error_rate < 1%");
        long writes = operations.stream().filter(op -> !READS.contains(op.method())).count();
        StringBuilder out = new StringBuilder("# Imported by `benchdeck import openapi`. Review before running it against a real system");
        out.append(writes == 0 ? ".\n" : ": it includes " + writes + (writes == 1 ? " write" : " writes")
                + " (POST, PUT, PATCH or DELETE; --read-only leaves them out).\n");
        out.append("# Parameter and body values come from the document's examples, else from the schemas' types:"
                + " replace them with real ones (or extractions from earlier steps).\n");
        notes.forEach(note -> out.append("# ").append(note).append('\n'));
        try {
            return out.append(YAML.writeValueAsString(plan)).toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the plan", e);
        }
    }

    private static JsonNode read(String document) throws InvalidOpenApiException {
        JsonNode root;
        try {
            root = YAML.readTree(document); // JSON is YAML too
        } catch (JsonProcessingException e) {
            throw invalid("", "not an OpenAPI document: neither YAML nor JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw invalid("", "not an OpenAPI document: expected a map with openapi, info and paths");
        }
        if (root.has("swagger")) {
            throw invalid("swagger", "Swagger " + root.get("swagger").asText() + " is not supported: convert it to OpenAPI 3"
                    + " (e.g. with swagger2openapi or the Swagger Editor) and import that");
        }
        String version = root.path("openapi").asText("");
        if (!version.startsWith("3.")) {
            throw invalid("openapi", version.isEmpty() ? "is required (the document's OpenAPI version, 3.0.x or 3.1.x)"
                    : "must be 3.0.x or 3.1.x, not " + version);
        }
        if (!root.path("paths").isObject() || root.path("paths").isEmpty()) {
            throw invalid("paths", "the document has no paths: there is nothing to call");
        }
        return root;
    }

    private static List<Operation> operations(JsonNode root, boolean readOnly) throws InvalidOpenApiException {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/")) {
                throw invalid("paths." + path.getKey(), "a path must start with /");
            }
            JsonNode item = resolve(root, path.getValue());
            for (String method : METHODS) {
                if (item.path(method).isObject() && (!readOnly || READS.contains(method))) {
                    operations.add(new Operation(method, path.getKey(), item.get(method), item, operations.size()));
                }
            }
        }
        if (operations.isEmpty()) {
            throw invalid("paths", readOnly ? "no GET, HEAD or OPTIONS operation to import (--read-only)" : "no operation under any path");
        }
        // DELETEs last, the rest as written
        operations.sort(Comparator.comparing((Operation op) -> op.method().equals("delete")).thenComparingInt(Operation::order));
        return operations;
    }

    private static String target(JsonNode root, String baseUrl, List<String> notes) throws InvalidOpenApiException {
        if (baseUrl != null) {
            return absolute(baseUrl, "--base-url");
        }
        JsonNode server = root.path("servers").path(0);
        if (!server.has("url")) {
            notes.add("The document names no server: the target is " + FALLBACK_TARGET + "; give --base-url or edit target.url.");
            return FALLBACK_TARGET;
        }
        Matcher m = SERVER_VARIABLE.matcher(server.get("url").asText());
        StringBuilder url = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(url, Matcher.quoteReplacement(server.path("variables").path(m.group(1)).path("default").asText(m.group(0))));
        }
        m.appendTail(url);
        String text = url.toString().replaceAll("/+$", "");
        if (!text.startsWith("http://") && !text.startsWith("https://")) {
            notes.add("The document's server is relative (" + text + "): the target is " + FALLBACK_TARGET + text
                    + "; give --base-url or edit target.url.");
            return FALLBACK_TARGET + (text.startsWith("/") ? text : "/" + text);
        }
        return absolute(text, "servers[0].url");
    }

    private static String absolute(String url, String where) throws InvalidOpenApiException {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().startsWith("http")) {
                throw invalid(where, "must be an absolute http(s) URL, not '" + url + "'");
            }
            return url.replaceAll("/+$", "");
        } catch (URISyntaxException e) {
            throw invalid(where, "is not a URL: " + e.getReason());
        }
    }

    private static ObjectNode step(JsonNode root, Operation op, Set<String> names) {
        ObjectNode step = JsonNodeFactory.instance.objectNode();
        String name = op.node().path("operationId").asText(op.method() + " " + op.path());
        while (!names.add(name)) {
            name = name + "'";
        }
        step.put("name", name);
        step.put("method", op.method().toUpperCase(Locale.ROOT));
        String path = op.path();
        List<String> query = new ArrayList<>();
        ObjectNode headers = JsonNodeFactory.instance.objectNode();
        for (JsonNode parameter : parameters(root, op)) {
            String in = parameter.path("in").asText();
            String parameterName = parameter.path("name").asText();
            String value = text(example(root, parameter, parameter.path("schema"), 0));
            switch (in) {
                case "path" -> path = path.replace("{" + parameterName + "}", encode(value));
                case "query" -> {
                    if (parameter.path("required").asBoolean(false)) {
                        query.add(encode(parameterName) + "=" + encode(value));
                    }
                }
                case "header" -> {
                    if (parameter.path("required").asBoolean(false)) {
                        headers.put(parameterName, value);
                    }
                }
                default -> { } // cookies are the journey's cookie jar's
            }
        }
        step.put("path", query.isEmpty() ? path : path + "?" + String.join("&", query));
        JsonNode body = resolve(root, op.node().path("requestBody"));
        JsonNode json = jsonContent(body.path("content"));
        if (json != null) {
            headers.put("Content-Type", "application/json");
            JsonNode example = json.has("example") ? json.get("example") : firstExample(root, json);
            if (example == null) {
                example = example(root, JsonNodeFactory.instance.objectNode(), json.path("schema"), 0);
            }
            step.put("body", example.isTextual() ? example.asText() : example.toString());
        }
        if (!headers.isEmpty()) {
            step.set("headers", headers);
        }
        Integer status = expectedStatus(op.node().path("responses"));
        if (status != null) {
            step.put("expect_status", status);
        }
        return step;
    }

    private static List<JsonNode> parameters(JsonNode root, Operation op) {
        List<JsonNode> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // the operation's own parameters override the path item's of the same name and place
        for (JsonNode list : List.of(op.node().path("parameters"), op.pathItem().path("parameters"))) {
            for (JsonNode p : list) {
                JsonNode parameter = resolve(root, p);
                if (seen.add(parameter.path("in").asText() + ":" + parameter.path("name").asText())) {
                    all.add(parameter);
                }
            }
        }
        return all;
    }

    private static JsonNode jsonContent(JsonNode content) {
        for (Iterator<String> types = content.fieldNames(); types.hasNext(); ) {
            String type = types.next();
            if (type.startsWith("application/json") || type.endsWith("+json")) {
                return content.get(type);
            }
        }
        return null;
    }

    private static JsonNode firstExample(JsonNode root, JsonNode media) {
        JsonNode examples = media.path("examples");
        if (examples.isObject() && !examples.isEmpty()) {
            JsonNode first = resolve(root, examples.elements().next());
            if (first.has("value")) {
                return first.get("value");
            }
        }
        return null;
    }

    private static Integer expectedStatus(JsonNode responses) {
        Integer lowest = null;
        for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
            String code = codes.next();
            if (code.matches("2\\d\\d")) {
                int value = Integer.parseInt(code);
                lowest = lowest == null ? value : Math.min(lowest, value);
            }
        }
        return lowest;
    }

    /** A value for a parameter or a schema: the document's example, default or first enum, else one of its type. */
    private static JsonNode example(JsonNode root, JsonNode holder, JsonNode schemaRef, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (holder.has("example")) {
            return holder.get("example");
        }
        JsonNode schema = resolve(root, schemaRef);
        for (String field : List.of("example", "default", "const")) {
            if (schema.has(field)) {
                return schema.get(field);
            }
        }
        if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) {
            return schema.path("examples").get(0);
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        for (String combination : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.path(combination).isArray() && !schema.path(combination).isEmpty() && depth < MAX_DEPTH) {
                if (combination.equals("allOf")) {
                    ObjectNode merged = f.objectNode();
                    for (JsonNode part : schema.get(combination)) {
                        JsonNode value = example(root, f.objectNode(), part, depth + 1);
                        if (value.isObject()) {
                            merged.setAll((ObjectNode) value);
                        }
                    }
                    return merged;
                }
                return example(root, f.objectNode(), schema.get(combination).get(0), depth + 1);
            }
        }
        String type = schema.path("type").isArray() ? schema.path("type").path(0).asText("") : schema.path("type").asText("");
        if (type.isEmpty() && schema.has("properties")) {
            type = "object";
        }
        return switch (type) {
            case "integer" -> f.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "number" -> f.numberNode(Math.max(1.0, schema.path("minimum").asDouble(1.0)));
            case "boolean" -> f.booleanNode(true);
            case "array" -> {
                ArrayNode array = f.arrayNode();
                if (depth < MAX_DEPTH) {
                    array.add(example(root, f.objectNode(), schema.path("items"), depth + 1));
                }
                yield array;
            }
            case "object" -> {
                ObjectNode object = f.objectNode();
                if (depth < MAX_DEPTH) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> property = it.next();
                        object.set(property.getKey(), example(root, f.objectNode(), property.getValue(), depth + 1));
                    }
                }
                yield object;
            }
            default -> f.textNode(stringExample(schema.path("format").asText("")));
        };
    }

    private static String stringExample(String format) {
        return switch (format) {
            case "uuid" -> "00000000-0000-4000-8000-000000000001";
            case "date" -> "2026-01-01";
            case "date-time" -> "2026-01-01T00:00:00Z";
            case "email" -> "user@example.com";
            case "uri", "url" -> "https://example.com/";
            default -> "example";
        };
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** Percent-encodes what may not stand in a path or query as it is. */
    private static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** Follows a local {@code $ref} (a few hops at most); anything else is returned as it is. */
    private static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < MAX_DEPTH && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return JsonNodeFactory.instance.objectNode();
            }
            JsonNode target = root.at(ref.substring(1).replace("~1", "/").replace("~0", "~"));
            if (target.isMissingNode()) {
                return JsonNodeFactory.instance.objectNode();
            }
            current = target;
        }
        return current;
    }

    private static InvalidOpenApiException invalid(String path, String message) {
        return new InvalidOpenApiException(List.of(new Problem(path, message)));
    }
}
