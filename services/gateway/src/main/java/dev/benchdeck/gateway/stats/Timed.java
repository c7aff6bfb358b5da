package dev.benchdeck.gateway.stats;

import java.util.Locale;

/** Durations recorded beside the six stages: the wait for a connection slot and the replay of a cache hit. */
public enum Timed {
    QUEUE_WAIT,
    CACHE_REPLAY;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
