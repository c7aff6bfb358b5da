package dev.benchdeck.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.benchdeck.engine.shard.Shard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A section of a plan being read, with its path. Reading a field checks its type; every problem is
 * reported to the shared {@link Problems} with the field's path and reading goes on, so that one
 * pass finds all mistakes. Drivers use it to read their own sections.
 */
public final class ConfigNode {

    private final JsonNode node;
    private final String path;
    private final Problems problems;
    private final Shard shard;

    public ConfigNode(JsonNode node, String path, Problems problems) {
        this(node, path, problems, Shard.WHOLE);
    }

    /** @param shard the part of a distributed run the plan being read is; drivers pick their data rows by it */
    public ConfigNode(JsonNode node, String path, Problems problems, Shard shard) {
        this.node = node == null ? MissingNode.getInstance() : node;
        this.path = path;
        this.problems = problems;
        this.shard = shard;
    }

    /** The part of a run split over load agents that this plan is; {@link Shard#WHOLE} for a run on one. */
    public Shard shard() {
        return shard;
    }

    public String path() {
        return path;
    }

    public JsonNode raw() {
        return node;
    }

    public boolean isMissing() {
        return node.isMissingNode() || node.isNull();
    }

    public boolean has(String field) {
        JsonNode child = node.get(field);
        return child != null && !child.isNull();
    }

    public ConfigNode get(String field) {
        return new ConfigNode(node.get(field), childPath(field), problems, shard);
    }

    /** Reports a problem at this node. */
    public void problem(String message) {
        problems.add(path, message);
    }

    /** Reports a problem at one of this node's fields. */
    public void problem(String field, String message) {
        problems.add(childPath(field), message);
    }

    public Problems problems() {
        return problems;
    }

    /** Checks that this node is an object and reports every field not in {@code known}. */
    public boolean expectObject(Set<String> known) {
        if (isMissing()) {
            return false;
        }
        if (!node.isObject()) {
            problem("must be an object with fields " + new TreeSet<>(known));
            return false;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(name, "unknown field (known: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
        return true;
    }

    public String text(String field, String defaultValue) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return defaultValue;
        }
        if (!v.isValueNode() || v.isBinary()) {
            problem(field, "must be a text");
            return defaultValue;
        }
        return v.asText();
    }

    public String requiredText(String field) {
        String value = text(field, null);
        if (value == null && !has(field)) {
            problem(field, "is required");
        } else if (value != null && value.isBlank()) {
            problem(field, "must not be empty");
        }
        return value;
    }

    public Long integer(String field, Long defaultValue) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return defaultValue;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        if (v.isTextual() && v.asText().trim().matches("-?\\d+")) {
            return Long.parseLong(v.asText().trim());
        }
        problem(field, "must be a whole number");
        return defaultValue;
    }

    /** A whole number that must be at least {@code min}; {@code null} when absent. */
    public Long integerAtLeast(String field, Long defaultValue, long min) {
        Long value = integer(field, defaultValue);
        if (value != null && value < min) {
            problem(field, "must be ≥ " + min);
        }
        return value;
    }

    public Double number(String field, Double defaultValue) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return defaultValue;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            try {
                return Double.parseDouble(v.asText().trim());
            } catch (NumberFormatException e) {
                // fall through to the problem below
            }
        }
        problem(field, "must be a number");
        return defaultValue;
    }

    public Boolean bool(String field, Boolean defaultValue) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return defaultValue;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
            return Boolean.parseBoolean(v.asText());
        }
        problem(field, "must be true or false");
        return defaultValue;
    }

    public Duration duration(String field, Duration defaultValue) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return defaultValue;
        }
        if (v.isNumber()) {
            if (v.asDouble() < 0) {
                problem(field, "must not be negative");
                return defaultValue;
            }
            return DurationText.seconds(v.asDouble());
        }
        if (v.isTextual()) {
            String text = v.asText();
            if (text.trim().startsWith("-")) {
                problem(field, "must not be negative");
                return defaultValue;
            }
            try {
                return DurationText.parse(text);
            } catch (IllegalArgumentException e) {
                problem(field, e.getMessage());
                return defaultValue;
            }
        }
        problem(field, "must be a duration (e.g. 250ms, 10s, 2m)");
        return defaultValue;
    }

    /** One of a fixed set of words. */
    public String choice(String field, String defaultValue, List<String> allowed) {
        String value = text(field, defaultValue);
        if (value != null && !allowed.contains(value)) {
            problem(field, "must be one of " + String.join(", ", allowed) + " (was '" + value + "')");
            return defaultValue;
        }
        return value;
    }

    /** The elements of a list field; a missing field is an empty list. */
    public List<ConfigNode> list(String field) {
        JsonNode v = node.get(field);
        List<ConfigNode> items = new ArrayList<>();
        if (v == null || v.isNull()) {
            return items;
        }
        if (!v.isArray()) {
            problem(field, "must be a list");
            return items;
        }
        for (int i = 0; i < v.size(); i++) {
            items.add(new ConfigNode(v.get(i), childPath(field) + "[" + i + "]", problems, shard));
        }
        return items;
    }

    /** A map of texts (e.g. HTTP headers); values that are numbers or booleans are taken as text. */
    public Map<String, String> textMap(String field) {
        JsonNode v = node.get(field);
        Map<String, String> map = new LinkedHashMap<>();
        if (v == null || v.isNull()) {
            return map;
        }
        if (!v.isObject()) {
            problem(field, "must be a map of names to texts");
            return map;
        }
        v.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode()) {
                map.put(e.getKey(), e.getValue().asText());
            } else {
                problem(field + "." + e.getKey(), "must be a text");
            }
        });
        return map;
    }

    private String childPath(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
