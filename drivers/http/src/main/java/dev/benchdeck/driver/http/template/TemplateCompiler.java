package dev.benchdeck.driver.http.template;

import dev.benchdeck.engine.plan.ConfigNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles plan texts with {@code ${…}} placeholders into {@link Template}s, reporting every
 * unknown or malformed placeholder on the field it was found in.
 */
public final class TemplateCompiler {

    private static final Pattern RANDOM_INT = Pattern.compile("random_int\\(\\s*(-?\\d+)\\s*,\\s*(-?\\d+)\\s*\\)");
    private static final String DATA_PREFIX = "data.";

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final DataRows data;
    /** A journey's variables defined where the text is used; {@code null} outside journeys. */
    private final java.util.Set<String> variables;

    /** @param data the workload's data rows, or {@code null} when it has no data file */
    /** A compiler for templates that read no data file (the LLM driver's). */
    public TemplateCompiler() {
        this(null);
    }

    public TemplateCompiler(DataRows data) {
        this(data, null);
    }

    /** A compiler for a journey step's texts, where {@code variables} are defined. */
    public TemplateCompiler(DataRows data, java.util.Set<String> variables) {
        this.data = data;
        this.variables = variables;
    }

    /** Compiles {@code text}; problems are reported at {@code node}'s {@code field}. */
    public Template compile(String text, ConfigNode node, String field) {
        List<TemplatePart> parts = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf("${", at);
            if (open < 0) {
                break;
            }
            int close = text.indexOf('}', open + 2);
            if (close < 0) {
                node.problem(field, "unclosed placeholder " + text.substring(open, Math.min(text.length(), open + 20)));
                break;
            }
            addLiteral(parts, text.substring(at, open));
            TemplatePart part = placeholder(text.substring(open + 2, close).trim(), text.substring(open, close + 1), node, field);
            if (part != null) {
                parts.add(part);
            }
            at = close + 1;
        }
        addLiteral(parts, text.substring(Math.min(at, text.length())));
        return Template.of(parts);
    }

    private TemplatePart placeholder(String name, String written, ConfigNode node, String field) {
        switch (name) {
            case "seq":
                return new TemplatePart.Sequence();
            case "user":
                return new TemplatePart.User();
            case "uuid":
                return new TemplatePart.RandomUuid();
            default:
                break;
        }
        Matcher randomInt = RANDOM_INT.matcher(name);
        if (randomInt.matches()) {
            return randomInt(randomInt, written, node, field);
        }
        if (name.startsWith(DATA_PREFIX)) {
            return dataValue(name.substring(DATA_PREFIX.length()), written, node, field);
        }
        if (variables != null && VARIABLE.matcher(name).matches()) {
            if (variables.contains(name)) {
                return new TemplatePart.Variable(name);
            }
            node.problem(field, "variable " + written + " is used before it is extracted or fed"
                    + (variables.isEmpty() ? " (none is defined here)" : " (defined here: " + String.join(", ", new java.util.TreeSet<>(variables)) + ")"));
            return null;
        }
        node.problem(field, "unknown placeholder " + written);
        return null;
    }

    private static TemplatePart randomInt(Matcher bounds, String written, ConfigNode node, String field) {
        try {
            int min = Integer.parseInt(bounds.group(1));
            int max = Integer.parseInt(bounds.group(2));
            if (min > max) {
                node.problem(field, written + ": the minimum is greater than the maximum");
                return null;
            }
            return new TemplatePart.RandomInt(min, max);
        } catch (NumberFormatException e) {
            node.problem(field, written + ": bounds must be whole numbers between "
                    + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
            return null;
        }
    }

    private TemplatePart dataValue(String column, String written, ConfigNode node, String field) {
        if (data == null) {
            node.problem(field, written + " needs a data_file");
            return null;
        }
        int index = data.columnIndex(column);
        if (index < 0) {
            node.problem(field, "unknown placeholder " + written + " (data_file columns: "
                    + String.join(", ", data.columns()) + ")");
            return null;
        }
        return new TemplatePart.DataValue(data, index);
    }

    private static void addLiteral(List<TemplatePart> parts, String text) {
        if (!text.isEmpty()) {
            parts.add(new TemplatePart.Literal(text.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
