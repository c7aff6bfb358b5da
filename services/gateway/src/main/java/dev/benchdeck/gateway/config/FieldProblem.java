package dev.benchdeck.gateway.config;

/** One thing wrong with a request or a config, at a path in it ({@code rate_limit.requests_per_minute}, {@code query}). */
public record FieldProblem(String path, String message) {
}
