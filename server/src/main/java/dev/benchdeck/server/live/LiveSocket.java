package dev.benchdeck.server.live;

import java.io.IOException;
import dev.benchdeck.server.gateway.GatewayWatch;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code {"subscribe": 42}} and {@code {"unsubscribe": 42}} (runs), {@code {"watch_gateway": 7}} and {@code {"unwatch_gateway": 7}} (gateway targets' status); answers bad messages with an {@code error} message. */
@Component
class LiveSocket extends TextWebSocketHandler {

    private static final int SEND_TIME_LIMIT_MS = 5_000;
    private static final int BUFFER_LIMIT_BYTES = 4 * 1024 * 1024;

    private final LiveFeed feed;
    private final JsonMapper json;
    private final GatewayWatch gateways;

    LiveSocket(LiveFeed feed, JsonMapper json, GatewayWatch gateways) {
        this.gateways = gateways;
        this.feed = feed;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        session.getAttributes().put("decorated", new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES));
    }

    @Override
    protected void handleTextMessage(WebSocketSession raw, TextMessage message) throws IOException {
        WebSocketSession session = (WebSocketSession) raw.getAttributes().get("decorated");
        JsonNode request;
        try {
            request = json.readTree(message.getPayload());
        } catch (JacksonException e) {
            error(session, "not JSON: send {\"subscribe\": <run id>} or {\"unsubscribe\": <run id>}");
            return;
        }
        if (request.has("subscribe") && request.get("subscribe").canConvertToLong()) {
            long runId = request.get("subscribe").asLong();
            if (!feed.subscribe(session, runId)) {
                error(session, "run " + runId + " does not exist");
            }
        } else if (request.has("unsubscribe") && request.get("unsubscribe").canConvertToLong()) {
            feed.unsubscribe(session, request.get("unsubscribe").asLong());
        } else if (request.has("watch_gateway") && request.get("watch_gateway").canConvertToLong()) {
            long targetId = request.get("watch_gateway").asLong();
            try {
                gateways.watch(session, targetId);
            } catch (RuntimeException e) {
                error(session, "target " + targetId + ": " + e.getMessage());
            }
        } else if (request.has("unwatch_gateway") && request.get("unwatch_gateway").canConvertToLong()) {
            gateways.unwatch(session, request.get("unwatch_gateway").asLong());
        } else {
            error(session, "send {\"subscribe\": <run id>} or {\"unsubscribe\": <run id>}");
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Object decorated = session.getAttributes().get("decorated");
        if (decorated instanceof WebSocketSession d) {
            feed.unsubscribeAll(d);
            gateways.unwatchAll(d);
        }
    }

    private void error(WebSocketSession session, String message) throws IOException {
        session.sendMessage(new TextMessage(json.writeValueAsString(new ErrorMessage("error", message))));
    }

    record ErrorMessage(String type, String message) {
    }
}
