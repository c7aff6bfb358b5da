package dev.benchdeck.ingestor.message;

import java.time.Instant;
import java.util.Objects;

/**
 * One message as queued and stored: its id (the client's, else generated) is what makes its effect exactly once;
 * {@code createdAt} is the client's time, else the moment the ingestor received it.
 */
public record Message(String id, long userId, long channelId, String content, Instant createdAt) {

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
