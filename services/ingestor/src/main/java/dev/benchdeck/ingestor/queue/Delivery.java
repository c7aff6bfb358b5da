package dev.benchdeck.ingestor.queue;

import dev.benchdeck.ingestor.message.Message;
import java.sql.Connection;
import java.util.List;

/**
 * What a consumer took. {@code transaction} is set when the queue lives in the sink's database: the writer then
 * writes on that connection and the acknowledgement is the one commit (queue delete and insert together).
 */
public record Delivery(List<Message> messages, List<String> receipts, Connection transaction) {

    public static final Delivery EMPTY = new Delivery(List.of(), List.of(), null);

    public Delivery {
        messages = List.copyOf(messages);
        receipts = List.copyOf(receipts);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public int size() {
        return messages.size();
    }
}
