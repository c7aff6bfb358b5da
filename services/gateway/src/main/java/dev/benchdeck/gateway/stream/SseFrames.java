package dev.benchdeck.gateway.stream;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** The gateway's event-stream frames. */
final class SseFrames {

    static final String HEARTBEAT = ": heartbeat\n\n";
    static final String DONE = "data: [DONE]\n\n";

    private SseFrames() {
    }

    /** {@code event: chunk} with {@code {"content": "…", "chunk_index": n}} (0 for the first chunk). */
    static String chunk(String content, int index) {
        return "event: chunk\ndata: {\"content\":\"" + quote(content) + "\",\"chunk_index\":" + index + "}\n\n";
    }

    static String event(String type, String json) {
        return "event: " + type + "\ndata: " + json + "\n\n";
    }

    static String quote(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }
}
