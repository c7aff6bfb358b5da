package dev.benchdeck.driver.ingest.config;

import java.time.Duration;

/**
 * The ingest workload: messages per publish, their content ({@code {n}} is the message's sequence), how often the
 * sink is polled, how long after its last send a message may still arrive before it counts as lost, and the id
 * prefix ({@code null}: a new random one per run).
 */
public record IngestWorkload(int batchSize, String content, Duration pollInterval, Duration grace, String idPrefix) {

    public static final int DEFAULT_BATCH_SIZE = 1;
    public static final String DEFAULT_CONTENT = "benchdeck message {n}";
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(5);
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);
}
