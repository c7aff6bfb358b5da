package dev.benchdeck.driver.http.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;

/**
 * One request of a journey: its method and path, headers, body, expected status, extractions and checks. Paths,
 * headers and bodies are templates ({@code ${token}}, {@code ${seq}}…) as in YAML. {@link #get} writes no method,
 * GET being the default, exactly as a YAML step that gives none.
 */
public final class Step {

    private final ObjectNode node;

    Step(ObjectNode node) {
        this.node = node;
    }

    /** A GET of {@code path} (the default method, so none is written). */
    public Step get(String path) {
        node.remove("method");
        return path(path);
    }

    public Step post(String path) {
        return method("POST").path(path);
    }

    public Step put(String path) {
        return method("PUT").path(path);
    }

    public Step patch(String path) {
        return method("PATCH").path(path);
    }

    public Step delete(String path) {
        return method("DELETE").path(path);
    }

    public Step head(String path) {
        return method("HEAD").path(path);
    }

    /** Any method: GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS (others fail validation). */
    public Step method(String method) {
        node.put("method", PlanTree.text(method, "method"));
        return this;
    }

    /** The path, joined to the target URL's path. */
    public Step path(String path) {
        node.put("path", PlanTree.text(path, "path"));
        return this;
    }

    public Step header(String name, String value) {
        PlanTree.child(node, "headers").put(PlanTree.text(name, "header name"), PlanTree.text(value, "header value"));
        return this;
    }

    /** Several headers, in the map's order. */
    public Step headers(Map<String, String> headers) {
        headers.forEach(this::header);
        return this;
    }

    public Step body(String body) {
        node.put("body", PlanTree.text(body, "body"));
        return this;
    }

    /** The statuses that count as success (any 2xx when not given); another one fails the step. */
    public Step expectStatus(int... statuses) {
        node.set("expect_status", PlanTree.statuses(statuses));
        return this;
    }

    /** Puts a value of the answer into the variable {@code variable}, after the checks ran. */
    public Step extract(String variable, Extraction extraction) {
        PlanTree.array(node, "extract").add(Objects.requireNonNull(extraction, "extraction").node(variable));
        return this;
    }

    /** A check named after what it tests (e.g. {@code cart: status [200]}). */
    public Step check(Check check) {
        PlanTree.array(node, "checks").add(Objects.requireNonNull(check, "check").node(null));
        return this;
    }

    /** A check with a name of its own, as results and thresholds show it. */
    public Step check(String name, Check check) {
        PlanTree.array(node, "checks").add(Objects.requireNonNull(check, "check").node(PlanTree.text(name, "name")));
        return this;
    }
}
