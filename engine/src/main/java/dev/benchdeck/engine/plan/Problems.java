package dev.benchdeck.engine.plan;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem found while reading a plan, so that all are reported at once. */
public final class Problems {

    private final List<Problem> found = new ArrayList<>();

    public void add(String path, String message) {
        found.add(new Problem(path, message));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<Problem> list() {
        return List.copyOf(found);
    }

    /** Throws {@link InvalidPlanException} when anything was found. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidPlanException(list());
        }
    }
}
