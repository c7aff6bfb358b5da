package dev.benchdeck.driver.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSONPath subset journeys use: {@code $} (the whole answer), {@code .name} and {@code ['name']} (a member),
 * {@code [n]} (an element; negative counts from the end), {@code [*]} and {@code .*} (every element or member).
 * Filters, slices, unions and recursive descent ({@code ..}) are not supported and fail validation.
 */
public final class JsonPath {

    private sealed interface Segment permits Member, Index, Wildcard {
    }

    private record Member(String name) implements Segment {
    }

    private record Index(int index) implements Segment {
    }

    private record Wildcard() implements Segment {
    }

    private final String text;
    private final List<Segment> segments;

    private JsonPath(String text, List<Segment> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
    }

    /** Parses a path; an {@link IllegalArgumentException} says what is wrong and where. */
    public static JsonPath compile(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new IllegalArgumentException("a JSONPath starts with $ (e.g. $.token or $.items[0].id)");
        }
        List<Segment> segments = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '.') {
                    throw problem(text, i, "recursive descent (..) is not supported");
                }
                if (i + 1 < text.length() && text.charAt(i + 1) == '*') {
                    segments.add(new Wildcard());
                    i += 2;
                    continue;
                }
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'
                        || text.charAt(end) == '-' || text.charAt(end) == '$')) {
                    end++;
                }
                if (end == i + 1) {
                    throw problem(text, i, "a member name must follow '.'");
                }
                segments.add(new Member(text.substring(i + 1, end)));
                i = end;
            } else if (c == '[') {
                int close = bracketEnd(text, i);
                String inner = text.substring(i + 1, close).trim();
                if (inner.equals("*")) {
                    segments.add(new Wildcard());
                } else if (inner.length() >= 2 && (inner.charAt(0) == '\'' || inner.charAt(0) == '"')
                        && inner.charAt(inner.length() - 1) == inner.charAt(0)) {
                    segments.add(new Member(inner.substring(1, inner.length() - 1)));
                } else if (inner.matches("-?\\d{1,9}")) {
                    segments.add(new Index(Integer.parseInt(inner)));
                } else {
                    throw problem(text, i, "'[" + inner + "]' is not supported (use [0], [-1], [*] or ['name'])");
                }
                i = close + 1;
            } else {
                throw problem(text, i, "unexpected '" + c + "'");
            }
        }
        return new JsonPath(text, segments);
    }

    private static int bracketEnd(String text, int open) {
        char quote = 0;
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ']') {
                return i;
            }
        }
        throw problem(text, open, "unclosed '['");
    }

    private static IllegalArgumentException problem(String text, int at, String message) {
        return new IllegalArgumentException("JSONPath '" + text + "' at position " + at + ": " + message);
    }

    /** Every node the path selects in {@code root}, in document order; empty when nothing matches. */
    public List<JsonNode> select(JsonNode root) {
        List<JsonNode> current = List.of(root);
        for (Segment segment : segments) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                switch (segment) {
                    case Member m -> {
                        JsonNode child = node.isObject() ? node.get(m.name()) : null;
                        if (child != null) {
                            next.add(child);
                        }
                    }
                    case Index ix -> {
                        if (node.isArray()) {
                            int at = ix.index() < 0 ? node.size() + ix.index() : ix.index();
                            if (at >= 0 && at < node.size()) {
                                next.add(node.get(at));
                            }
                        }
                    }
                    case Wildcard w -> {
                        if (node.isContainerNode()) {
                            node.elements().forEachRemaining(next::add);
                        }
                    }
                }
            }
            current = next;
        }
        return current;
    }

    /** The first selected value as text (strings as they are, other values as JSON), or {@code null}. */
    public String first(JsonNode root) {
        List<JsonNode> found = select(root);
        if (found.isEmpty()) {
            return null;
        }
        JsonNode v = found.get(0);
        return v.isTextual() ? v.asText() : v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
