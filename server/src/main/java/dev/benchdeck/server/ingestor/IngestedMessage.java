package dev.benchdeck.server.ingestor;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

/** A message as the ingestor stored it ({@code inserted_at} is its commit time; the feed is newest first by it). */
@Schema(name = "IngestedMessage")
record IngestedMessage(String id, long userId, long channelId, String content, String createdAt, String insertedAt) {

    static IngestedMessage of(JsonNode m) {
        return new IngestedMessage(m.path("id").asText(), m.path("user_id").asLong(), m.path("channel_id").asLong(),
                m.path("content").asText(), m.path("created_at").asText(), m.path("inserted_at").asText());
    }
}
