package dev.benchdeck.ingestor.message;

/** One problem with the input: where ({@code [3].user_id}, {@code body}) and what is wrong. */
public record FieldProblem(String path, String message) {
}
