package dev.benchdeck.ingestor.store;

import java.time.Instant;

/** A row of the messages table. */
public record StoredMessage(String id, long userId, long channelId, String content, Instant createdAt, Instant insertedAt) {
}
