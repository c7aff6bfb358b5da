package dev.benchdeck.driver.http.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A test on a virtual user's variable, for {@link Steps#ifThen} and {@link Steps#repeatWhile}: start from {@link
 * Benchdeck#variable} ({@code variable("order").exists()}). A variable that is not set equals nothing and is not
 * unequal to anything either.
 */
public final class Condition {

    private final ObjectNode node;

    private Condition(ObjectNode node) {
        this.node = node;
    }

    ObjectNode node() {
        return node.deepCopy();
    }

    /** A variable to test; {@link Benchdeck#variable} makes one. */
    public static final class Variable {

        private final String name;

        Variable(String name) {
            this.name = PlanTree.text(name, "variable");
        }

        /** Holds when the variable is set. */
        public Condition exists() {
            return test("exists", true);
        }

        /** Holds when the variable is not set. */
        public Condition absent() {
            return test("exists", false);
        }

        /** Holds when the variable is set to {@code value}. */
        public Condition equalTo(String value) {
            return test("equals", PlanTree.text(value, "equals"));
        }

        /** Holds when the variable is set to anything but {@code value}. */
        public Condition notEqualTo(String value) {
            return test("not_equals", PlanTree.text(value, "not_equals"));
        }

        private Condition test(String field, Object value) {
            ObjectNode node = PlanTree.object();
            node.put("var", name);
            if (value instanceof Boolean b) {
                node.put(field, b);
            } else {
                node.put(field, (String) value);
            }
            return new Condition(node);
        }
    }
}
