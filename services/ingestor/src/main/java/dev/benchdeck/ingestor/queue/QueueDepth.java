package dev.benchdeck.ingestor.queue;

/** Messages waiting to be taken, and taken but not yet acknowledged. */
public record QueueDepth(long waiting, long unacknowledged) {
}
