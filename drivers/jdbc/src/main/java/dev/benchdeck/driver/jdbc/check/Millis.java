package dev.benchdeck.driver.jdbc.check;

/** Elapsed times in milliseconds with microsecond resolution, as the checks report them. */
final class Millis {

    private Millis() {
    }

    static double since(long startNanos) {
        return of(System.nanoTime() - startNanos);
    }

    static double of(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}
