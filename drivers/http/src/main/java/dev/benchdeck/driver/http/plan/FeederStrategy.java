package dev.benchdeck.driver.http.plan;

import java.util.Locale;

/** How a feeder hands out its rows (docs/journeys.md, Feeders). */
public enum FeederStrategy {
    /** The rows in order, round and round, shared by all users (the default). */
    CIRCULAR,
    /** A row drawn uniformly each time. */
    RANDOM,
    /** Each row once over all users; a user stops when none is left. */
    UNIQUE;

    String planText() {
        return name().toLowerCase(Locale.ROOT);
    }
}
