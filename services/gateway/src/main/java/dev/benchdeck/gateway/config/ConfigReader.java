package dev.benchdeck.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads fields out of a JSON object while collecting every problem with its path, so that a config
 * is reported whole ({@code rate_limit.tokens_per_minute: must be at least 0}) instead of at its first error.
 */
final class ConfigReader {

    private final List<FieldProblem> problems;
    private final String prefix;

    ConfigReader(List<FieldProblem> problems, String prefix) {
        this.problems = problems;
        this.prefix = prefix;
    }

    static ConfigReader root() {
        return new ConfigReader(new ArrayList<>(), "");
    }

    List<FieldProblem> problems() {
        return problems;
    }

    String path(String field) {
        return prefix + field;
    }

    void problem(String field, String message) {
        problems.add(new FieldProblem(path(field), message));
    }

    ConfigReader nested(String field) {
        return new ConfigReader(problems, path(field) + ".");
    }

    ConfigReader element(String field, int index) {
        return new ConfigReader(problems, path(field) + "[" + index + "].");
    }

    /** Reports every field of {@code node} that is not in {@code known}. */
    void onlyKnown(ObjectNode node, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(name, "unknown field; known: " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    long integer(JsonNode node, String field, long current, long min, long max) {
        JsonNode value = node.get(field);
        if (value == null) {
            return current;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problem(field, "must be a whole number, got " + shown(value));
            return current;
        }
        long v = value.asLong();
        if (v < min || v > max) {
            problem(field, "must be between " + min + " and " + max + ", got " + v);
            return current;
        }
        return v;
    }

    boolean bool(JsonNode node, String field, boolean current) {
        JsonNode value = node.get(field);
        if (value == null) {
            return current;
        }
        if (!value.isBoolean()) {
            problem(field, "must be true or false, got " + shown(value));
            return current;
        }
        return value.asBoolean();
    }

    String text(JsonNode node, String field, String current) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return current;
        }
        if (!value.isTextual()) {
            problem(field, "must be a string, got " + shown(value));
            return current;
        }
        return value.asText();
    }

    String choice(JsonNode node, String field, String current, List<String> allowed) {
        String value = text(node, field, current);
        if (value != null && !allowed.contains(value)) {
            problem(field, "must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
            return current;
        }
        return value;
    }

    List<String> texts(JsonNode node, String field, List<String> current) {
        JsonNode value = node.get(field);
        if (value == null) {
            return current;
        }
        if (!value.isArray()) {
            problem(field, "must be a list of strings, got " + shown(value));
            return current;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (item.isTextual()) {
                out.add(item.asText());
            } else {
                problems.add(new FieldProblem(path(field) + "[" + i + "]", "must be a string, got " + shown(item)));
            }
        }
        return out;
    }

    /** The object at {@code field}, or null (reported) when it is something else; missing is an empty object. */
    ObjectNode object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        if (!value.isObject()) {
            problem(field, "must be an object, got " + shown(value));
            return null;
        }
        return (ObjectNode) value;
    }

    static String shown(JsonNode value) {
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
