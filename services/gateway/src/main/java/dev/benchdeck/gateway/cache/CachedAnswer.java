package dev.benchdeck.gateway.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole answer as it was streamed: its chunks, each one's time after the first (for replays "as cached"),
 * and the provider and model that gave it.
 */
public record CachedAnswer(List<String> chunks, long[] offsetsMicros, String provider, String model) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public CachedAnswer {
        chunks = List.copyOf(chunks);
        if (offsetsMicros.length != chunks.size()) {
            throw new IllegalArgumentException("one offset per chunk");
        }
    }

    /** The JSON kept in Redis: {@code {"chunks": [...], "offsets_us": [...], "provider": "...", "model": "..."}}. */
    public byte[] toBytes() {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode texts = out.putArray("chunks");
        chunks.forEach(texts::add);
        ArrayNode offsets = out.putArray("offsets_us");
        for (long o : offsetsMicros) {
            offsets.add(o);
        }
        out.put("provider", provider).put("model", model);
        try {
            return JSON.writeValueAsBytes(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads what {@link #toBytes()} wrote; anything else (an older format, a foreign key) is null, a miss. */
    public static CachedAnswer fromBytes(byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(bytes);
            JsonNode chunks = node.path("chunks");
            JsonNode offsets = node.path("offsets_us");
            if (!chunks.isArray() || !offsets.isArray() || chunks.size() != offsets.size()) {
                return null;
            }
            List<String> texts = new ArrayList<>(chunks.size());
            long[] times = new long[offsets.size()];
            for (int i = 0; i < chunks.size(); i++) {
                texts.add(chunks.get(i).asText());
                times[i] = offsets.get(i).asLong();
            }
            return new CachedAnswer(texts, times, node.path("provider").asText(""), node.path("model").asText(""));
        } catch (IOException e) {
            return null;
        }
    }

    public String text() {
        return String.join("", chunks);
    }
}
