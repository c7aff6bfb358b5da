package dev.benchdeck.driver.http.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a step takes a value for a variable: a JSONPath, a regular expression, a response header or a cookie
 * ({@link Benchdeck#jsonPath}, {@link Benchdeck#regex}, {@link Benchdeck#header}, {@link Benchdeck#cookie}). When
 * nothing matches, the step fails with the error class {@code extract}, unless {@link #orDefault} gives a value.
 * Immutable: {@code orDefault} returns a new extraction.
 */
public final class Extraction {

    private final ObjectNode node;

    private Extraction(ObjectNode node) {
        this.node = node;
    }

    static Extraction of(String source, String expression) {
        ObjectNode node = PlanTree.object();
        node.put(source, PlanTree.text(expression, source));
        return new Extraction(node);
    }

    static Extraction regex(String expression, int group) {
        Extraction regex = of("regex", expression);
        regex.node.put("group", group);
        return regex;
    }

    /** The value the variable gets when nothing matches, instead of failing the step. */
    public Extraction orDefault(String value) {
        ObjectNode copy = node.deepCopy();
        copy.put("default", PlanTree.text(value, "default"));
        return new Extraction(copy);
    }

    /** The YAML {@code extract} entry, {@code name} first. */
    ObjectNode node(String variable) {
        ObjectNode entry = PlanTree.object();
        entry.put("name", PlanTree.text(variable, "variable"));
        entry.setAll(node.deepCopy());
        return entry;
    }
}
