package dev.benchdeck.ingestor;

import dev.benchdeck.ingestor.store.DatabaseSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * How an ingestor runs. {@code redisUrl} null = the PostgreSQL queue in the sink's database. {@code adminToken}
 * null = no authentication (only sensible on loopback; the CLI refuses other addresses without one).
 */
public record IngestorConfig(String host, int port, DatabaseSettings database, URI redisUrl, int workers, int batchSize,
                             Duration batchWait, int maxBodyBytes, int maxMessagesPerRequest, Duration claimAfter,
                             String adminToken, String instanceId, String stream, int queueFlushers) {

    public static final int DEFAULT_PORT = 8003;

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

    /** Defaults: 127.0.0.1:8003, 2 workers, batches of 500 or 20 ms, 16 MiB and 10,000 messages per request. */
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

        public IngestorConfig build() {
            return new IngestorConfig(host, port, database, redisUrl, workers, batchSize, batchWait, maxBodyBytes,
                    maxMessagesPerRequest, claimAfter, adminToken, instanceId, stream, queueFlushers);
        }
    }
}
