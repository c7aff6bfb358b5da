package dev.benchdeck.ingestor;

import dev.benchdeck.ingestor.store.DatabaseSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * How an ingestor runs. {@code redisUrl} and {@code kafkaBootstrap} both null = the PostgreSQL queue in the sink's
 * database; at most one of them is set. {@code adminToken}
 * null = no authentication (only sensible on loopback; the CLI refuses other addresses without one).
 */
public record IngestorConfig(String host, int port, DatabaseSettings database, URI redisUrl, int workers, int batchSize,
                             Duration batchWait, int maxBodyBytes, int maxMessagesPerRequest, Duration claimAfter,
                             String adminToken, String instanceId, String stream, int queueFlushers,
                             String kafkaBootstrap, String kafkaTopic, int kafkaPartitions) {

    public static final int DEFAULT_PORT = 8003;
    /** Kafka's own rule for topic names. */
    private static final java.util.regex.Pattern TOPIC = java.util.regex.Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final java.util.regex.Pattern BOOTSTRAP = java.util.regex.Pattern.compile("[^\\s,:]+:\\d{1,5}(,[^\\s,:]+:\\d{1,5})*");

    public IngestorConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(batchWait, "batchWait");
        Objects.requireNonNull(claimAfter, "claimAfter");
        List<String> problems = new ArrayList<>();
        if (port < 0 || port > 65_535) {
            problems.add("port must be 0–65535");
        }
        if (workers < 0 || workers > 64) {
            problems.add("workers must be 0–64");
        }
        if (batchSize < 1 || batchSize > 50_000) {
            problems.add("batch size must be 1–50000");
        }
        if (batchWait.isNegative() || batchWait.compareTo(Duration.ofSeconds(10)) > 0) {
            problems.add("batch wait must be 0–10 s");
        }
        if (maxBodyBytes < 1024 || maxBodyBytes > 256 << 20) {
            problems.add("the body limit must be 1 KiB–256 MiB");
        }
        if (maxMessagesPerRequest < 1 || maxMessagesPerRequest > 1_000_000) {
            problems.add("messages per request must be 1–1000000");
        }
        if (claimAfter.compareTo(Duration.ofMillis(100)) < 0) {
            problems.add("claim-after must be at least 100 ms");
        }
        if (redisUrl != null && !"redis".equals(redisUrl.getScheme()) && !"rediss".equals(redisUrl.getScheme())) {
            problems.add("the Redis URL must be redis://host:port or rediss://host:port");
        }
        if (kafkaBootstrap != null && redisUrl != null) {
            problems.add("choose one queue: --redis or --kafka-bootstrap");
        }
        if (kafkaBootstrap != null && !BOOTSTRAP.matcher(kafkaBootstrap).matches()) {
            problems.add("the Kafka bootstrap must be host:port[,host:port…]");
        }
        if (kafkaTopic == null || !TOPIC.matcher(kafkaTopic).matches() || kafkaTopic.equals(".") || kafkaTopic.equals("..")) {
            problems.add("the Kafka topic must be 1–249 of a-z A-Z 0-9 . _ -");
        }
        if (kafkaPartitions < 1 || kafkaPartitions > 1_000) {
            problems.add("Kafka partitions must be 1–1000");
        }
        if (adminToken != null && adminToken.length() < 16) {
            problems.add("the admin token must have at least 16 characters");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    public static Builder builder(DatabaseSettings database) {
        return new Builder(database);
    }

    /**
     * Defaults: 127.0.0.1:8003, 2 workers, batches of 500 or 20 ms, 16 MiB and 10,000 messages per request; Kafka:
     * topic {@code benchdeck-ingest} with 4 partitions.
     */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private final DatabaseSettings database;
        private URI redisUrl;
        private int workers = 2;
        private int batchSize = 500;
        private Duration batchWait = Duration.ofMillis(20);
        private int maxBodyBytes = 16 << 20;
        private int maxMessagesPerRequest = 10_000;
        private Duration claimAfter = Duration.ofSeconds(30);
        private String adminToken;
        private String instanceId = "ingestor-" + UUID.randomUUID().toString().substring(0, 8);
        private String stream = "benchdeck:ingest";
        private int queueFlushers = 2;
        private String kafkaBootstrap;
        private String kafkaTopic = "benchdeck-ingest";
        private int kafkaPartitions = 4;

        private Builder(DatabaseSettings database) {
            this.database = database;
        }

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder redisUrl(URI v) { redisUrl = v; return this; }
        public Builder workers(int v) { workers = v; return this; }
        public Builder batchSize(int v) { batchSize = v; return this; }
        public Builder batchWait(Duration v) { batchWait = v; return this; }
        public Builder maxBodyBytes(int v) { maxBodyBytes = v; return this; }
        public Builder maxMessagesPerRequest(int v) { maxMessagesPerRequest = v; return this; }
        public Builder claimAfter(Duration v) { claimAfter = v; return this; }
        public Builder adminToken(String v) { adminToken = v; return this; }
        public Builder instanceId(String v) { instanceId = v; return this; }
        public Builder stream(String v) { stream = v; return this; }
        public Builder queueFlushers(int v) { queueFlushers = v; return this; }
        public Builder kafkaBootstrap(String v) { kafkaBootstrap = v; return this; }
        public Builder kafkaTopic(String v) { kafkaTopic = v; return this; }
        public Builder kafkaPartitions(int v) { kafkaPartitions = v; return this; }

        public IngestorConfig build() {
            return new IngestorConfig(host, port, database, redisUrl, workers, batchSize, batchWait, maxBodyBytes,
                    maxMessagesPerRequest, claimAfter, adminToken, instanceId, stream, queueFlushers,
                    kafkaBootstrap, kafkaTopic, kafkaPartitions);
        }
    }
}
