package dev.benchdeck.server.system;

/** One thing wrong with a request, at a path in its body ({@code load.steps[1].rate}, {@code name}). */
public record FieldProblem(String path, String message) {
}
