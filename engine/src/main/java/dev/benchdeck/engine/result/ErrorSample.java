package dev.benchdeck.engine.result;

/** One of the first errors of a class, with its message, so that people can see what went wrong. */
public record ErrorSample(String errorClass, String message, double atSeconds) {
}
