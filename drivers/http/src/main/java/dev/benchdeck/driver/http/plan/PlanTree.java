package dev.benchdeck.driver.http.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.engine.plan.DurationText;
import java.time.Duration;
import java.util.Objects;

/**
 * Writes values as a YAML plan spells them, so that a built tree equals the tree of its YAML twin: durations as text
 * ({@code 250ms}, {@code 10s}), whole numbers as integers, other numbers as decimals.
 */
final class PlanTree {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PlanTree() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** The child object {@code field} of {@code parent}, created when absent. */
    static ObjectNode child(ObjectNode parent, String field) {
        JsonNode existing = parent.get(field);
        if (existing instanceof ObjectNode object) {
            return object;
        }
        return parent.putObject(field);
    }

    /** The child list {@code field} of {@code parent}, created when absent. */
    static ArrayNode array(ObjectNode parent, String field) {
        JsonNode existing = parent.get(field);
        if (existing instanceof ArrayNode list) {
            return list;
        }
        return parent.putArray(field);
    }

    /** A duration as a plan writes it; a negative one keeps its sign so that the reader reports it with its path. */
    static String duration(Duration d) {
        Objects.requireNonNull(d, "duration");
        long nanos = d.toNanos();
        if (nanos % 1_000_000 == 0) {
            return DurationText.format(d);
        }
        if (nanos % 1_000 == 0) {
            return nanos / 1_000 + "us";
        }
        throw new IllegalArgumentException("durations in a plan have microsecond resolution at most (was " + d + ")");
    }

    static JsonNode number(long value) {
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }

    static JsonNode number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < Integer.MAX_VALUE) {
            return NODES.numberNode((int) value);
        }
        return NODES.numberNode(value);
    }

    /** One status as a number, several as a list, as {@code expect_status} and {@code status} take them. */
    static JsonNode statuses(int... statuses) {
        if (statuses.length == 1) {
            return NODES.numberNode(statuses[0]);
        }
        ArrayNode list = NODES.arrayNode();
        for (int status : statuses) {
            list.add(status);
        }
        return list;
    }

    static String text(String value, String what) {
        return Objects.requireNonNull(value, what);
    }
}
