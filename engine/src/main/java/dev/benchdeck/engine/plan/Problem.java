package dev.benchdeck.engine.plan;

/** One thing wrong with a plan: where ({@code load.steps[1].rate}) and what ({@code must be > 0}). */
public record Problem(String path, String message) {

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
