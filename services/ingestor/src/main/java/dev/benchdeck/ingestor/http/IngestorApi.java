package dev.benchdeck.ingestor.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.ingestor.message.Message;
import dev.benchdeck.ingestor.message.MessageParser;
import dev.benchdeck.ingestor.simulate.Simulator;
import dev.benchdeck.ingestor.store.StoredMessage;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** What the HTTP side needs from the ingestor. */
public interface IngestorApi {

    MessageParser parser();

    /** Completes once every message is durably queued. */
    CompletableFuture<Void> publish(List<Message> messages);

    List<StoredMessage> newest(int limit) throws SQLException;

    Optional<StoredMessage> byId(String id) throws SQLException;

    ObjectNode stats();

    /** The health document; its {@code status} is {@code ok} exactly when the queue and the database are reachable. */
    ObjectNode health();

    String prometheus();

    Simulator simulator();

    EventFeed events();

    /** Where blocking work (JDBC reads, probes) runs, off the event loop. */
    Executor blocking();

    /** Null when every request is open. */
    String adminToken();

    default boolean healthy(JsonNode health) {
        return "ok".equals(health.path("status").asText());
    }
}
