package dev.benchdeck.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.server.system.Json;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;

/** A live-feed client's listener: each whole text message, parsed, into the queue. */
public final class LiveMessageCollector implements WebSocket.Listener {

    private final BlockingQueue<JsonNode> messages;
    private final StringBuilder partial = new StringBuilder();

    public LiveMessageCollector(BlockingQueue<JsonNode> messages) {
        this.messages = messages;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(Json.read(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }
}
