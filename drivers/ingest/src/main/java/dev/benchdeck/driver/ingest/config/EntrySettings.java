package dev.benchdeck.driver.ingest.config;

import java.net.URI;

/** Where messages go in: an HTTP endpoint or a Redis stream or list. */
public sealed interface EntrySettings {

    /** {@code POST url}, one message as a JSON object, or a batch as a JSON array or NDJSON. */
    record Http(URI url, BodyFormat format) implements EntrySettings {
    }

    /**
     * {@code XADD stream * field value} (or {@code LPUSH list value}) per message; a batch's commands are pipelined
     * and confirmed together. Exactly one of {@code stream} and {@code list} is set.
     */
    record Redis(URI url, String stream, String list, String field, RedisEncoding encoding) implements EntrySettings {
    }

    enum BodyFormat { JSON, NDJSON }

    /** {@code json}: the message as HTTP sends it; {@code compact}: the ingestor's stream entry ({@code i,u,c,x,t}). */
    enum RedisEncoding { JSON, COMPACT }
}
