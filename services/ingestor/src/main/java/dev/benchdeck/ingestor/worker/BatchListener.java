package dev.benchdeck.ingestor.worker;

import dev.benchdeck.ingestor.message.Message;
import java.time.Instant;
import java.util.List;

/** Told of every committed batch (the live feed, the stats). Called on the worker's thread: keep it short. */
@FunctionalInterface
public interface BatchListener {
    void stored(List<Message> messages, int inserted, long writeMicros, Instant insertedAt);
}
