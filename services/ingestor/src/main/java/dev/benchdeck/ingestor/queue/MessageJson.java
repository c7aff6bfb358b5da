package dev.benchdeck.ingestor.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.ingestor.message.Message;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A message as it sits in a queue outside the database (a Redis stream entry's field {@code m}, a Kafka record's
 * value): compact JSON, the time in microseconds since the epoch.
 */
public final class MessageJson {

    public static final String FIELD = "m";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageJson() {
    }

    public static String encode(Message m) {
        ObjectNode n = JSON.createObjectNode();
        n.put("i", m.id()).put("u", m.userId()).put("c", m.channelId()).put("x", m.content())
                .put("t", ChronoUnit.MICROS.between(Instant.EPOCH, m.createdAt()));
        return n.toString();
    }

    /** Null for an entry that is not ours (it is acknowledged and dropped). */
    public static Message decode(String value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(value);
            return new Message(n.get("i").asText(), n.get("u").asLong(), n.get("c").asLong(), n.get("x").asText(),
                    Instant.EPOCH.plus(n.get("t").asLong(), ChronoUnit.MICROS));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
