package dev.benchdeck.server.history;

/** Which way a metric gets worse: latencies and error rates up, throughputs down. Only the worse way raises alerts. */
public enum Direction {
    HIGHER_IS_WORSE(1), LOWER_IS_WORSE(-1);

    private final int sign;

    Direction(int sign) {
        this.sign = sign;
    }

    /** {@code change} turned so that positive means worse. */
    double worse(double change) {
        return sign * change;
    }
}
