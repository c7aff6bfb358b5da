package dev.benchdeck.driver.http;

import dev.benchdeck.driver.http.plan.Check;
import dev.benchdeck.driver.http.plan.Condition;
import dev.benchdeck.driver.http.plan.Extraction;
import dev.benchdeck.driver.http.plan.ThinkTime;
import dev.benchdeck.driver.http.template.Template;
import dev.benchdeck.engine.driver.JourneyOutline;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A checked user journey ({@code workload.journey}): what one virtual user does in one iteration, as a tree of
 * {@link Node}s, and the feeders that give each iteration its row of data.
 */
public record Journey(List<Node> nodes, List<Feeder> feeders, JourneyOutline outline) {

    public Journey {
        nodes = List.copyOf(nodes);
        feeders = List.copyOf(feeders);
    }

    /** One element of a journey. */
    public sealed interface Node permits Request, Think, Repeat, While, If, Branches, Group {
    }

    /** A request step: its results are kept under {@code name}. */
    public record Request(String name, HttpMethod method, Template target, List<HttpWorkload.Header> headers, Template body,
                   ExpectedStatus expectedStatus, List<Extraction> extractions, List<Check> checks) implements Node {
    }

    /** A pause between steps. */
    public record Think(ThinkTime time) implements Node {
    }

    /** {@code repeat: N}: the body N times. */
    public record Repeat(int times, List<Node> body) implements Node {
    }

    /** {@code while}: the body as long as the condition holds, at most {@code max} times. */
    public record While(Condition condition, int max, List<Node> body) implements Node {
    }

    /** {@code if}: {@code then} when the condition holds, else {@code otherwise} (maybe empty). */
    public record If(Condition condition, List<Node> then, List<Node> otherwise) implements Node {
    }

    /** Weighted branches: one of them per pass, chosen with probability weight / 100. */
    public record Branches(List<Branch> branches) implements Node {
    }

    public record Branch(String name, int weight, List<Node> body) {
    }

    /** A named transaction timed as one: from the start of its first step to the end of its last, pauses included. */
    public record Group(String name, List<Node> body) implements Node {
    }

    /** How long a think step pauses. */
    public sealed interface ThinkTime permits Constant, Uniform, Exponential {
    }

    public record Constant(Duration time) implements ThinkTime {
    }

    public record Uniform(Duration min, Duration max) implements ThinkTime {
    }

    /** Exponentially distributed pauses with this mean (as a Poisson process's gaps). */
    public record Exponential(Duration mean) implements ThinkTime {
    }

    /** A test on a user's variable: {@code equals} a text, {@code not_equals} one, or {@code exists}. */
    public record Condition(String variable, String equals, String notEquals, Boolean exists) {

        public boolean holds(java.util.Map<String, String> variables) {
            String value = variables.get(variable);
            if (exists != null) {
                return (value != null) == exists;
            }
            if (equals != null) {
                return equals.equals(value);
            }
            return value != null && !notEquals.equals(value);
        }
    }

    /** Where an extraction looks. */
    public enum Source { JSONPATH, REGEX, HEADER, COOKIE }

    /**
     * Puts a value of the answer into the user's variable {@code variable}; when nothing matches, {@code fallback}
     * (the plan's {@code default}) is used, or the step fails with the error class {@code extract} when there is none.
     */
    public record Extraction(String variable, Source source, String expression, JsonPath path, Pattern regex, int group,
                      String fallback) {
    }

    /** What a check asserts about an answer. */
    public enum CheckKind { STATUS, JSONPATH_EQUALS, JSONPATH_EXISTS, BODY_CONTAINS, HEADER_PRESENT, RESPONSE_TIME_BELOW }

    /** A named assertion on an answer; a failure is counted per name and makes the step's outcome {@code check_failed}. */
    public record Check(String name, CheckKind kind, List<Integer> statuses, JsonPath path, String text, boolean exists,
                 long nanos) {
    }
}
