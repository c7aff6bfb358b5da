package dev.benchdeck.driver.http.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A list of journey elements, in order: the journey itself, or the body of a group, loop, condition or branch. Each
 * method appends one element, as one entry of the YAML list, and returns this list for chaining.
 */
public final class Steps {

    private final ArrayNode list;

    Steps(ArrayNode list) {
        this.list = list;
    }

    static ArrayNode of(Consumer<Steps> steps) {
        ArrayNode list = PlanTree.NODES.arrayNode();
        Objects.requireNonNull(steps, "steps").accept(new Steps(list));
        return list;
    }

    /** A request step; results are kept per {@code name} (steps sharing a name share their figures). */
    public Steps step(String name, Consumer<Step> request) {
        ObjectNode node = list.addObject();
        node.put("name", PlanTree.text(name, "name"));
        Objects.requireNonNull(request, "request").accept(new Step(node));
        return this;
    }

    /** A constant pause. */
    public Steps think(Duration time) {
        return think(ThinkTime.constant(time));
    }

    /** A pause: {@link Benchdeck#uniform}, {@link Benchdeck#exponential} or {@link Benchdeck#constant}. */
    public Steps think(ThinkTime time) {
        list.addObject().set("think", Objects.requireNonNull(time, "think time").node());
        return this;
    }

    /** A named transaction timed as one, pauses inside it included. */
    public Steps group(String name, Consumer<Steps> steps) {
        ObjectNode node = list.addObject();
        node.put("group", PlanTree.text(name, "group"));
        node.set("steps", of(steps));
        return this;
    }

    /** The steps {@code times} times. */
    public Steps repeat(int times, Consumer<Steps> steps) {
        ObjectNode node = list.addObject();
        node.put("repeat", times);
        node.set("steps", of(steps));
        return this;
    }

    /** The steps as long as the condition holds, at most 100 times. */
    public Steps repeatWhile(Condition condition, Consumer<Steps> steps) {
        ObjectNode node = list.addObject();
        node.set("while", Objects.requireNonNull(condition, "condition").node());
        node.set("steps", of(steps));
        return this;
    }

    /** The steps as long as the condition holds, at most {@code max} times. */
    public Steps repeatWhile(Condition condition, int max, Consumer<Steps> steps) {
        ObjectNode node = list.addObject();
        node.set("while", Objects.requireNonNull(condition, "condition").node());
        node.put("max", max);
        node.set("steps", of(steps));
        return this;
    }

    /** The steps when the condition holds. */
    public Steps ifThen(Condition condition, Consumer<Steps> then) {
        ObjectNode node = list.addObject();
        node.set("if", Objects.requireNonNull(condition, "condition").node());
        node.set("then", of(then));
        return this;
    }

    /** {@code then} when the condition holds, else {@code otherwise}. */
    public Steps ifThenElse(Condition condition, Consumer<Steps> then, Consumer<Steps> otherwise) {
        ifThen(condition, then);
        ((ObjectNode) list.get(list.size() - 1)).set("else", of(otherwise));
        return this;
    }

    /** Weighted branches: one of them per pass, with probability weight/100; the weights must add up to 100. */
    public Steps branches(Consumer<Branches> branches) {
        ArrayNode items = list.addObject().putArray("branches");
        Objects.requireNonNull(branches, "branches").accept(new Branches(items));
        return this;
    }

    /** The weighted branches of {@link Steps#branches}. */
    public static final class Branches {

        private final ArrayNode items;

        Branches(ArrayNode items) {
            this.items = items;
        }

        /** A branch taken with probability {@code weight}/100. */
        public Branches branch(String name, int weight, Consumer<Steps> steps) {
            ObjectNode node = items.addObject();
            node.put("name", PlanTree.text(name, "name"));
            node.put("weight", weight);
            node.set("steps", of(steps));
            return this;
        }

        /** An unnamed branch (named {@code branch N} in results). */
        public Branches branch(int weight, Consumer<Steps> steps) {
            ObjectNode node = items.addObject();
            node.put("weight", weight);
            node.set("steps", of(steps));
            return this;
        }
    }
}
