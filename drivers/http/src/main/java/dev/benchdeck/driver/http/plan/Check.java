package dev.benchdeck.driver.http.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * An assertion on a step's answer: its status, a JSONPath's value or presence, a text in the body, a header, the
 * response time. Made by the factories of {@link Benchdeck} ({@link Benchdeck#status}, {@link Benchdeck#jsonPathEquals},
 * …). A failed check is counted per check name as {@code check_failed}; it is not an error and the journey goes on.
 */
public final class Check {

    private final ObjectNode node;

    private Check(ObjectNode node) {
        this.node = node;
    }

    static Check status(int... statuses) {
        ObjectNode node = PlanTree.object();
        node.set("status", PlanTree.statuses(statuses));
        return new Check(node);
    }

    static Check jsonPath(String path, String field, Object expected) {
        ObjectNode node = PlanTree.object();
        node.put("jsonpath", PlanTree.text(path, "jsonpath"));
        if (expected instanceof Boolean exists) {
            node.put(field, exists);
        } else {
            node.put(field, PlanTree.text((String) expected, field));
        }
        return new Check(node);
    }

    static Check text(String field, String value) {
        ObjectNode node = PlanTree.object();
        node.put(field, PlanTree.text(value, field));
        return new Check(node);
    }

    static Check responseTimeBelow(Duration limit) {
        ObjectNode node = PlanTree.object();
        node.put("response_time_below", PlanTree.duration(limit));
        return new Check(node);
    }

    /** The YAML {@code checks} entry; without a name the reader derives one (e.g. {@code cart: status [200]}). */
    ObjectNode node(String name) {
        ObjectNode entry = PlanTree.object();
        if (name != null) {
            entry.put("name", name);
        }
        entry.setAll(node.deepCopy());
        return entry;
    }
}
