package dev.benchdeck.driver.http.plan;

import java.time.Duration;

/**
 * Where a Java plan starts, and the factories it uses, for one {@code import static
 * dev.benchdeck.driver.http.plan.Benchdeck.*}:
 *
 * <pre>{@code
 * PlanBuilder plan = plan("shop")
 *         .target("http://127.0.0.1:8089")
 *         .journey(j -> j
 *                 .step("login", s -> s.post("/login").body("{}").expectStatus(200)
 *                         .extract("token", jsonPath("$.token"))
 *                         .check("got a token", jsonPathExists("$.token")))
 *                 .think(uniform(millis(10), millis(50)))
 *                 .group("checkout", g -> g
 *                         .step("pay", s -> s.post("/checkout").header("Authorization", "Bearer ${token}"))))
 *         .load(closed(5).duration(seconds(10)))
 *         .thresholds("step[login].p99 < 500ms", "checks > 99%");
 * }</pre>
 *
 * docs/journeys.md lists every construct with its YAML twin.
 */
public final class Benchdeck {

    private Benchdeck() {
    }

    /** A new plan named {@code name}. */
    public static PlanBuilder plan(String name) {
        return new PlanBuilder(name);
    }

    // durations

    public static Duration millis(long millis) {
        return Duration.ofMillis(millis);
    }

    public static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    // think times

    public static ThinkTime constant(Duration time) {
        return ThinkTime.constant(time);
    }

    /** A pause drawn uniformly between {@code min} and {@code max}. */
    public static ThinkTime uniform(Duration min, Duration max) {
        return ThinkTime.uniform(min, max);
    }

    /** A pause drawn from the exponential distribution with this mean. */
    public static ThinkTime exponential(Duration mean) {
        return ThinkTime.exponential(mean);
    }

    // extractions

    /** The first value {@code path} selects; strings as they are, other values as JSON. */
    public static Extraction jsonPath(String path) {
        return Extraction.of("jsonpath", path);
    }

    /** The first match of {@code expression} in the body: its group 1 when it has groups, else the whole match. */
    public static Extraction regex(String expression) {
        return Extraction.of("regex", expression);
    }

    /** The group {@code group} (0: the whole match) of the first match of {@code expression} in the body. */
    public static Extraction regex(String expression, int group) {
        return Extraction.regex(expression, group);
    }

    /** The first value of a response header. */
    public static Extraction header(String name) {
        return Extraction.of("header", name);
    }

    /** A cookie's value in the user's cookie jar, after this answer's {@code Set-Cookie}. */
    public static Extraction cookie(String name) {
        return Extraction.of("cookie", name);
    }

    // checks

    /** The status is one of {@code statuses}. */
    public static Check status(int... statuses) {
        return Check.status(statuses);
    }

    /** The text {@code path} selects equals {@code value}. */
    public static Check jsonPathEquals(String path, String value) {
        return Check.jsonPath(path, "equals", value);
    }

    /** {@code path} selects something. */
    public static Check jsonPathExists(String path) {
        return Check.jsonPath(path, "exists", true);
    }

    /** {@code path} selects nothing. */
    public static Check jsonPathAbsent(String path) {
        return Check.jsonPath(path, "exists", false);
    }

    public static Check bodyContains(String text) {
        return Check.text("body_contains", text);
    }

    public static Check headerPresent(String name) {
        return Check.text("header", name);
    }

    /** The step's time from send to its last byte is below {@code limit}. */
    public static Check responseTimeBelow(Duration limit) {
        return Check.responseTimeBelow(limit);
    }

    // conditions

    /** A variable to test: {@code variable("order").exists()}. */
    public static Condition.Variable variable(String name) {
        return new Condition.Variable(name);
    }

    // load

    /** The closed model: {@code users} users, each running the journey in a loop. */
    public static Load closed(int users) {
        return Load.of("closed", "users", users);
    }

    /** A closed-model sweep: one step per {@link #users} entry. */
    public static Load closed(LoadStep... steps) {
        return Load.steps("closed", steps);
    }

    /** The open model: {@code rate} new users a second, each running the journey once. */
    public static Load open(double rate) {
        return Load.of("open", "rate", rate);
    }

    /** An open-model sweep: one step per {@link #rate} entry. */
    public static Load open(LoadStep... steps) {
        return Load.steps("open", steps);
    }

    /** A closed-model sweep step. */
    public static LoadStep users(int users) {
        return LoadStep.users(users);
    }

    /** An open-model sweep step. */
    public static LoadStep rate(double rate) {
        return LoadStep.rate(rate);
    }
}
