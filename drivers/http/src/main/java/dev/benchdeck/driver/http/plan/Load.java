package dev.benchdeck.driver.http.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Locale;

/**
 * The plan's {@code load}: the closed model (a number of users, each running the journey in a loop) or the open model
 * (new users arriving at a rate, each running the journey once), in one step or as a sweep of {@link LoadStep}s. Made
 * by {@link Benchdeck#closed} and {@link Benchdeck#open}; the setters give the defaults of every step. Immutable: each
 * setter returns a new load.
 */
public final class Load {

    /** How the open model spaces arrivals. */
    public enum Arrival {
        CONSTANT, POISSON, GAMMA
    }

    private final ObjectNode node;

    private Load(ObjectNode node) {
        this.node = node;
    }

    static Load of(String model, String field, Number amount) {
        ObjectNode node = PlanTree.object();
        node.put("model", model);
        node.set(field, amount instanceof Double d ? PlanTree.number(d) : PlanTree.number(amount.longValue()));
        return new Load(node);
    }

    static Load steps(String model, LoadStep... steps) {
        ObjectNode node = PlanTree.object();
        node.put("model", model);
        ArrayNode list = node.putArray("steps");
        for (LoadStep step : steps) {
            list.add(step.node());
        }
        return new Load(node);
    }

    /** Time to reach each step's users or rate; not measured. */
    public Load ramp(Duration ramp) {
        return with("ramp", PlanTree.duration(ramp));
    }

    /** Time run before measuring, after the ramp. */
    public Load warmup(Duration warmup) {
        return with("warmup", PlanTree.duration(warmup));
    }

    /** The measured time of each step (10s when neither it nor {@link #requests} is given). */
    public Load duration(Duration duration) {
        return with("duration", PlanTree.duration(duration));
    }

    /** Ends each step after this many operations (journey iterations). */
    public Load requests(long requests) {
        return with("requests", requests);
    }

    /** Closed model: a pause between one user's iterations. */
    public Load thinkTime(Duration thinkTime) {
        return with("think_time", PlanTree.duration(thinkTime));
    }

    /** Open model: how arrivals are spaced (constant by default). */
    public Load arrival(Arrival arrival) {
        return with("arrival", arrival.name().toLowerCase(Locale.ROOT));
    }

    /** Open model with gamma arrivals: 1 is Poisson, below 1 burstier. */
    public Load burstiness(double burstiness) {
        ObjectNode copy = node.deepCopy();
        copy.set("burstiness", PlanTree.number(burstiness));
        return new Load(copy);
    }

    /** Open model: the most operations in flight at once (1000 by default). */
    public Load maxInFlight(int maxInFlight) {
        return with("max_in_flight", maxInFlight);
    }

    private Load with(String field, Object value) {
        ObjectNode copy = node.deepCopy();
        if (value instanceof String text) {
            copy.put(field, text);
        } else {
            copy.set(field, PlanTree.number(((Number) value).longValue()));
        }
        return new Load(copy);
    }

    ObjectNode node() {
        return node.deepCopy();
    }
}
