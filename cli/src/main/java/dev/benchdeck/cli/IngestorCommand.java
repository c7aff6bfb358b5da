package dev.benchdeck.cli;

import dev.benchdeck.embeddedpg.EmbeddedPostgres;
import dev.benchdeck.ingestor.IngestorConfig;
import dev.benchdeck.ingestor.IngestorServer;
import dev.benchdeck.ingestor.store.DatabaseSettings;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code benchdeck ingestor}: the message ingestor (HTTP → queue → batch workers → PostgreSQL) until Ctrl-C. With no
 * database URL it stores into an embedded PostgreSQL kept in ~/.benchdeck/ingestor-postgres.
 */
@Command(name = "ingestor", mixinStandardHelpOptions = true,
        description = "Serve the message ingestor (POST /messages, GET /messages, /stats, /health, /events, /simulate) until Ctrl-C.")
final class IngestorCommand implements Callable<Integer> {

    @Option(names = "--port", description = "Port (default 8003; 0 = a free port).", defaultValue = "8003")
    int port;

    @Option(names = "--host", description = "Address to listen on (default 127.0.0.1; any other needs --admin-token-env).",
            defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "postgresql://user@host:port/db or jdbc:postgresql://…; default: an embedded PostgreSQL.")
    String databaseUrl;

    @Option(names = "--database-password-env", paramLabel = "VAR", defaultValue = "BENCHDECK_INGESTOR_DATABASE_PASSWORD",
            description = "Environment variable with the database password (default ${DEFAULT-VALUE}).")
    String databasePasswordEnv;

    @Option(names = "--redis", paramLabel = "URL", description = "Queue in a Redis stream (redis://host:port) instead of a PostgreSQL table.")
    String redis;

    @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT",
            description = "Queue in a Kafka topic (host:port[,host:port…]) instead of a PostgreSQL table.")
    String kafkaBootstrap;

    @Option(names = "--kafka-topic", paramLabel = "T", description = "Kafka: the topic, created when missing (default ${DEFAULT-VALUE}).",
            defaultValue = "benchdeck-ingest")
    String kafkaTopic;

    @Option(names = "--kafka-partitions", paramLabel = "N",
            description = "Kafka: partitions of a topic this creates (default ${DEFAULT-VALUE}; workers share them).", defaultValue = "4")
    int kafkaPartitions;

    @Option(names = "--workers", description = "Batch workers (default ${DEFAULT-VALUE}).", defaultValue = "2")
    int workers;

    @Option(names = "--batch-size", description = "Messages per batch at most (default ${DEFAULT-VALUE}).", defaultValue = "500")
    int batchSize;

    @Option(names = "--batch-wait", description = "How long a batch waits for more after its first message (default ${DEFAULT-VALUE}).",
            defaultValue = "20ms")
    String batchWait;

    @Option(names = "--max-body", description = "Largest request body in bytes (default ${DEFAULT-VALUE}).", defaultValue = "16777216")
    int maxBody;

    @Option(names = "--max-batch", description = "Most messages in one request (default ${DEFAULT-VALUE}).", defaultValue = "10000")
    int maxBatch;

    @Option(names = "--claim-after", description = "Redis: take over entries pending this long (a dead worker's; default ${DEFAULT-VALUE}).",
            defaultValue = "30s")
    String claimAfter;

    @Option(names = "--admin-token-env", paramLabel = "VAR",
            description = "Environment variable with a token every request but GET /health must carry (Authorization: Bearer).")
    String adminTokenEnv;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String token = null;
        if (adminTokenEnv != null) {
            token = System.getenv(adminTokenEnv);
            if (token == null || token.length() < 16) {
                err.println("benchdeck ingestor: " + adminTokenEnv + " must hold a token of at least 16 characters");
                return ExitCode.INVALID_INPUT;
            }
        }
        if (!loopback(host) && token == null) {
            err.println("benchdeck ingestor: refusing to listen on " + host + " without authentication: set --admin-token-env VAR"
                    + " (anyone who reaches the port could write and read messages)");
            return ExitCode.UNSAFE_EXPOSURE;
        }
        EmbeddedPostgres embedded = null;
        IngestorConfig config;
        try {
            DatabaseSettings database;
            if (databaseUrl != null) {
                database = DatabaseSettings.parse(databaseUrl, null, System.getenv(databasePasswordEnv));
            } else {
                embedded = EmbeddedPostgres.start(Path.of(System.getProperty("user.home"), ".benchdeck", "ingestor-postgres"), 0, false);
                database = new DatabaseSettings(embedded.jdbcUrl(), embedded.user(), embedded.password());
            }
            config = IngestorConfig.builder(database).host(host).port(port).redisUrl(redis == null ? null : URI.create(redis))
                    .kafkaBootstrap(kafkaBootstrap).kafkaTopic(kafkaTopic).kafkaPartitions(kafkaPartitions)
                    .workers(workers).batchSize(batchSize).batchWait(duration("--batch-wait", batchWait))
                    .maxBodyBytes(maxBody).maxMessagesPerRequest(maxBatch).claimAfter(duration("--claim-after", claimAfter))
                    .adminToken(token).build();
        } catch (IllegalArgumentException e) {
            err.println("benchdeck ingestor: " + e.getMessage());
            closeQuietly(embedded);
            return ExitCode.INVALID_INPUT;
        } catch (EmbeddedPostgres.StartFailure e) {
            err.println("benchdeck ingestor: " + e.getMessage());
            return ExitCode.RUN_FAILED;
        }
        EmbeddedPostgres database = embedded;
        try {
            IngestorServer ingestor = IngestorServer.start(config);
            CountDownLatch stopped = new CountDownLatch(1);
            // Ctrl-C or SIGTERM: stop the workers (what they hold stays queued) and the embedded PostgreSQL
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                ingestor.close();
                closeQuietly(database);
                stopped.countDown();
            }));
            out.println("ingestor listening on " + ingestor.baseUri() + " (Ctrl-C stops it)");
            out.println("queue: " + queueLine(config) + "; database: " + config.database().describe()
                    + (embedded != null ? " (embedded)" : "") + "; workers: " + workers + ", batches of " + batchSize + " or " + batchWait);
            out.flush();
            stopped.await();
        } catch (IngestorServer.StartFailure e) {
            err.println("benchdeck ingestor: " + e.getMessage());
            closeQuietly(embedded);
            return ExitCode.RUN_FAILED;
        }
        return ExitCode.PASSED;
    }

    private static String queueLine(IngestorConfig config) {
        if (config.redisUrl() != null) {
            return "redis stream " + config.stream() + " at " + config.redisUrl().getHost() + ":" + config.redisUrl().getPort();
        }
        if (config.kafkaBootstrap() != null) {
            return "kafka topic " + config.kafkaTopic() + " at " + config.kafkaBootstrap();
        }
        return "postgres table ingest_queue";
    }

    /** "20ms", "2s", "1m" or an ISO-8601 duration. */
    static Duration duration(String option, String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(text.strip());
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.ofMillis(Long.parseLong(t));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(option + ": " + text + " is not a duration (e.g. 20ms, 2s)");
        }
    }

    static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        if (pg != null) {
            pg.close();
        }
    }
}
