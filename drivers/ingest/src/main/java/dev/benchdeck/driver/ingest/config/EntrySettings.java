package dev.benchdeck.driver.ingest.config;

import java.net.URI;

/** Where messages go in: an HTTP endpoint, a Redis stream or list, or a Kafka topic. */
public sealed interface EntrySettings {

    /** {@code POST url}, one message as a JSON object, or a batch as a JSON array or NDJSON. */
    record Http(URI url, BodyFormat format) implements EntrySettings {
    }

    /**
     * {@code XADD stream * field value} (or {@code LPUSH list value}) per message; a batch's commands are pipelined
     * and confirmed together. Exactly one of {@code stream} and {@code list} is set.
     */
    record Redis(URI url, String stream, String list, String field, ValueEncoding encoding) implements EntrySettings {
    }

    /**
     * One record per message, keyed by its id, produced to {@code topic} through the brokers of {@code bootstrap}
     * ({@code host:port[,host:port…]}); a batch is confirmed once the broker acknowledged each record
     * ({@code acks}: {@code all} with an idempotent producer, or {@code 1}, the partition leader alone).
     */
    record Kafka(String bootstrap, String topic, ValueEncoding encoding, String acks) implements EntrySettings {
    }

    enum BodyFormat { JSON, NDJSON }

    /** {@code json}: the message as HTTP sends it; {@code compact}: the ingestor's queue entry ({@code i,u,c,x,t}). */
    enum ValueEncoding { JSON, COMPACT }
}
