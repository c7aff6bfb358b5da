package dev.benchdeck.driver.http.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * One step of a sweep ({@code load.steps[i]}): its users ({@link Benchdeck#users}) or rate ({@link Benchdeck#rate}),
 * and what it sets apart from the load's defaults. Immutable: each setter returns a new step.
 */
public final class LoadStep {

    private final ObjectNode node;

    private LoadStep(ObjectNode node) {
        this.node = node;
    }

    static LoadStep users(int users) {
        ObjectNode node = PlanTree.object();
        node.put("users", users);
        return new LoadStep(node);
    }

    static LoadStep rate(double rate) {
        ObjectNode node = PlanTree.object();
        node.set("rate", PlanTree.number(rate));
        return new LoadStep(node);
    }

    public LoadStep ramp(Duration ramp) {
        return with("ramp", ramp);
    }

    public LoadStep warmup(Duration warmup) {
        return with("warmup", warmup);
    }

    public LoadStep duration(Duration duration) {
        return with("duration", duration);
    }

    /** Closed model only. */
    public LoadStep thinkTime(Duration thinkTime) {
        return with("think_time", thinkTime);
    }

    public LoadStep requests(long requests) {
        ObjectNode copy = node.deepCopy();
        copy.set("requests", PlanTree.number(requests));
        return new LoadStep(copy);
    }

    private LoadStep with(String field, Duration value) {
        ObjectNode copy = node.deepCopy();
        copy.put(field, PlanTree.duration(value));
        return new LoadStep(copy);
    }

    ObjectNode node() {
        return node.deepCopy();
    }
}
