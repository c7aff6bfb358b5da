package dev.benchdeck.report;

/** Which way a metric gets better: throughput up, latency and errors down; a count like requests neither. */
public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER, NEITHER;

    /** True when a change of this sign makes the metric worse. */
    public boolean worse(double change) {
        return switch (this) {
            case HIGHER_IS_BETTER -> change < 0;
            case LOWER_IS_BETTER -> change > 0;
            case NEITHER -> false;
        };
    }

    /** True when a change of this sign makes the metric better. */
    public boolean better(double change) {
        return this != NEITHER && change != 0 && !worse(change);
    }
}
