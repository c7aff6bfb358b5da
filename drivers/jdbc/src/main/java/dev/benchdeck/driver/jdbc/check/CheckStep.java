package dev.benchdeck.driver.jdbc.check;

import org.jspecify.annotations.Nullable;

/**
 * One step of a check: its {@code name}, its {@code outcome} ({@value #OK}, {@value #WARNING},
 * {@value #FAILED}, or {@value #SKIPPED} after an earlier failure), how long it took, and what it found.
 */
public record CheckStep(String name, String outcome, double millis, @Nullable String detail) {

    public static final String OK = "ok";
    public static final String WARNING = "warning";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    static CheckStep ok(String name, long startNanos, String detail) {
        return new CheckStep(name, OK, Millis.since(startNanos), detail);
    }

    static CheckStep failed(String name, long startNanos, String detail) {
        return new CheckStep(name, FAILED, Millis.since(startNanos), detail);
    }

    static CheckStep skipped(String name) {
        return new CheckStep(name, SKIPPED, 0, null);
    }
}
