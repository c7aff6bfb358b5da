package dev.benchdeck.ingestor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.benchdeck.ingestor.http.EventFeed;
import dev.benchdeck.ingestor.http.HttpRouter;
import dev.benchdeck.ingestor.http.IngestorApi;
import dev.benchdeck.ingestor.message.Message;
import dev.benchdeck.ingestor.message.MessageParser;
import dev.benchdeck.ingestor.queue.MessageQueue;
import dev.benchdeck.ingestor.queue.QueueDepth;
import dev.benchdeck.ingestor.queue.QueueUnavailableException;
import dev.benchdeck.ingestor.queue.kafka.KafkaQueue;
import dev.benchdeck.ingestor.queue.postgres.PostgresQueue;
import dev.benchdeck.ingestor.queue.redis.RedisStreamQueue;
import dev.benchdeck.ingestor.simulate.Simulator;
import dev.benchdeck.ingestor.stats.IngestStats;
import dev.benchdeck.ingestor.store.MessageStore;
import dev.benchdeck.ingestor.store.StoredMessage;
import dev.benchdeck.ingestor.worker.WorkerPool;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Benchdeck's ingestor: HTTP (Netty) → a durable queue → batch workers → PostgreSQL, exactly once per message id.
 * Standalone through {@code benchdeck ingestor}; embeddable:
 *
 * <pre>{@code
 * try (IngestorServer ingestor = IngestorServer.start(IngestorConfig.builder(database).port(0).build())) {
 *     URI base = ingestor.baseUri();
 * }
 * }</pre>
 */
public final class IngestorServer implements AutoCloseable, IngestorApi {

    /** The Redis stream's and the Kafka topic's consumer group: every ingestor's workers share the queue. */
    public static final String CONSUMER_GROUP = "benchdeck-ingestors";

    private final IngestorConfig config;
    private final IngestStats stats = new IngestStats();
    private final MessageParser parser;
    private final HikariDataSource reads;
    private final MessageQueue queue;
    private final WorkerPool workers;
    private final Simulator simulator;
    private final EventFeed events = new EventFeed();
    private final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("ingest-timer", true));
    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("ingest-accept", true), NioIoHandler.newFactory());
    private final EventLoopGroup io = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
            new DefaultThreadFactory("ingest-io", true), NioIoHandler.newFactory());
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private Channel server;

    private IngestorServer(IngestorConfig config, MessageQueue queue, HikariDataSource reads) throws SQLException {
        this.config = config;
        this.reads = reads;
        this.queue = queue;
        this.parser = new MessageParser(config.maxMessagesPerRequest());
        this.simulator = new Simulator(queue);
        try (Connection c = reads.getConnection()) {
            stats.baseTotal(MessageStore.count(c));
        }
        this.workers = new WorkerPool(config.instanceId(), queue, config.database(), config.batchSize(), config.batchWait(), stats,
                (messages, inserted, micros, insertedAt) -> events.stored(messages, insertedAt));
        workers.start(config.workers());
        timer.scheduleAtFixedRate(() -> stats.tick(System.currentTimeMillis() / 1000), 1, 1, TimeUnit.SECONDS);
        timer.scheduleAtFixedRate(this::feedTick, 500, 500, TimeUnit.MILLISECONDS);
    }

    /**
     * Creates the schema if missing, connects the queue, starts the workers and listens.
     *
     * @throws StartFailure (one line: what is unreachable) when the database or the queue cannot be reached or the
     *     address cannot be bound
     */
    public static IngestorServer start(IngestorConfig config) throws StartFailure {
        HikariDataSource reads = null;
        MessageQueue queue = null;
        IngestorServer ingestor = null;
        try {
            try (Connection c = config.database().connect(); Statement s = c.createStatement()) {
                MessageStore.createSchema(c);
            } catch (SQLException e) {
                throw new StartFailure("cannot reach PostgreSQL at " + config.database().describe() + ": " + e.getMessage(), e);
            }
            reads = pool(config);
            try {
                queue = openQueue(config, reads);
            } catch (QueueUnavailableException e) {
                throw new StartFailure("cannot reach the queue: " + e.getMessage(), e);
            } catch (SQLException e) {
                throw new StartFailure("cannot create the queue table: " + e.getMessage(), e);
            }
            try {
                ingestor = new IngestorServer(config, queue, reads);
            } catch (SQLException e) {
                throw new StartFailure("cannot count the stored messages: " + e.getMessage(), e);
            }
            ingestor.bind();
            return ingestor;
        } catch (StartFailure e) {
            if (ingestor != null) {
                ingestor.close();
            } else {
                if (queue != null) {
                    queue.close();
                }
                if (reads != null) {
                    reads.close();
                }
            }
            throw e;
        }
    }

    private static MessageQueue openQueue(IngestorConfig config, HikariDataSource reads) throws QueueUnavailableException, SQLException {
        if (config.redisUrl() != null) {
            return RedisStreamQueue.open(config.redisUrl(), config.stream(), CONSUMER_GROUP, config.claimAfter());
        }
        if (config.kafkaBootstrap() != null) {
            return KafkaQueue.open(config.kafkaBootstrap(), config.kafkaTopic(), config.kafkaPartitions(), CONSUMER_GROUP);
        }
        return new PostgresQueue(config.database(), reads, config.queueFlushers());
    }

    /** The ingestor could not start; the message says why in one line. */
    public static final class StartFailure extends Exception {
        public StartFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static HikariDataSource pool(IngestorConfig config) {
        HikariConfig h = new HikariConfig();
        h.setJdbcUrl(config.database().jdbcUrl());
        h.setUsername(config.database().user());
        h.setPassword(config.database().password());
        h.setMaximumPoolSize(4);
        h.setMinimumIdle(1);
        h.setConnectionTimeout(3_000);
        h.setValidationTimeout(1_000);
        // the pool starts even when the database is briefly away; requests then fail with 503
        h.setInitializationFailTimeout(-1);
        h.setPoolName("ingestor-reads");
        h.addDataSourceProperty("connectTimeout", "3");
        h.addDataSourceProperty("socketTimeout", "30");
        return new HikariDataSource(h);
    }

    private void bind() throws StartFailure {
        ServerBootstrap bootstrap = new ServerBootstrap().group(boss, io).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 8192)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        channels.add(ch);
                        HttpRouter.install(ch.pipeline(), IngestorServer.this, config.maxBodyBytes());
                    }
                });
        try {
            server = bootstrap.bind(new InetSocketAddress(config.host(), config.port())).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartFailure("interrupted while binding", e);
        } catch (Exception e) {
            throw new StartFailure("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
    }

    private void feedTick() {
        try {
            List<JsonNode> sims = simulator.recent().stream().filter(s -> !s.toJson().path("state").asText().equals("done")
                    || s.toJson().path("published").asLong() > 0).map(s -> (JsonNode) s.toJson()).toList();
            events.tick(() -> statsWithoutProbes(), simulator.running().isEmpty() ? List.of() : sims);
        } catch (RuntimeException e) {
            System.getLogger(IngestorServer.class.getName()).log(System.Logger.Level.WARNING, "live feed tick failed", e);
        }
    }

    public URI baseUri() {
        InetSocketAddress a = (InetSocketAddress) server.localAddress();
        return URI.create("http://" + a.getHostString() + ":" + a.getPort());
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    public IngestorConfig config() {
        return config;
    }

    public IngestStats ingestStats() {
        return stats;
    }

    /** Stops the workers (what they held goes back to the queue); publishing goes on. For tests and maintenance. */
    public void stopWorkers() {
        workers.stop();
    }

    public void startWorkers(int count) {
        workers.start(count);
    }

    @Override
    public MessageParser parser() {
        return parser;
    }

    @Override
    public CompletableFuture<Void> publish(List<Message> messages) {
        return queue.publish(messages).whenComplete((ok, failure) -> {
            if (failure == null) {
                stats.accepted(messages.size());
            } else {
                stats.error("publish_refused");
            }
        });
    }

    @Override
    public List<StoredMessage> newest(int limit) throws SQLException {
        try (Connection c = reads.getConnection()) {
            return MessageStore.newest(c, limit);
        }
    }

    @Override
    public Optional<StoredMessage> byId(String id) throws SQLException {
        try (Connection c = reads.getConnection()) {
            return MessageStore.byId(c, id);
        }
    }

    /** GET /stats: the figures, the queue's depth (null with the reason when it cannot be read), the workers. */
    @Override
    public ObjectNode stats() {
        ObjectNode out = statsWithoutProbes();
        ObjectNode depth = out.putObject("queue").put("kind", queue.kind());
        try {
            QueueDepth d = queue.depth();
            depth.put("waiting", d.waiting()).put("unacknowledged", d.unacknowledged());
        } catch (QueueUnavailableException e) {
            depth.putNull("waiting").putNull("unacknowledged").put("error", e.getMessage());
        }
        return out;
    }

    private ObjectNode statsWithoutProbes() {
        ObjectNode out = stats.toJson();
        out.putObject("workers").put("alive", workers.alive()).put("configured", workers.configured())
                .put("batch_size", config.batchSize()).put("batch_wait_ms", config.batchWait().toMillis());
        out.set("series", stats.series());
        return out;
    }

    @Override
    public ObjectNode health() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        String queueProblem = queue.unreachableReason();
        String dbProblem = databaseProblem();
        String writing = workers.health().databaseProblem();
        out.put("status", queueProblem == null && dbProblem == null ? "ok" : "down");
        ObjectNode q = out.putObject("queue").put("kind", queue.kind()).put("reachable", queueProblem == null);
        if (queueProblem != null) {
            q.put("reason", queueProblem);
        }
        ObjectNode d = out.putObject("database").put("reachable", dbProblem == null).put("where", config.database().describe());
        if (dbProblem != null) {
            d.put("reason", dbProblem);
        }
        ObjectNode w = out.putObject("workers").put("alive", workers.alive()).put("configured", workers.configured());
        if (writing != null) {
            w.put("last_write_error", writing);
        }
        if (queueProblem != null || dbProblem != null) {
            out.put("publishing", queueProblem != null ? "refused (503): the queue is unreachable"
                    : "postgres".equals(queue.kind()) ? "refused (503): the queue is in the database" : "accepted: messages wait in the queue");
        }
        return out;
    }

    private String databaseProblem() {
        try (Connection c = reads.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            s.execute("SELECT 1 FROM messages LIMIT 0");
            return null;
        } catch (SQLException e) {
            return "PostgreSQL (" + config.database().describe() + "): " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        }
    }

    @Override
    public String prometheus() {
        StringBuilder out = new StringBuilder();
        metric(out, "ingestor_messages_total", "counter", "Rows in the messages table", stats.total());
        metric(out, "ingestor_accepted_total", "counter", "Messages confirmed to clients (202)", stats.acceptedCount());
        metric(out, "ingestor_batches_total", "counter", "Batches committed", stats.batches());
        metric(out, "ingestor_batched_messages_total", "counter", "Messages in committed batches", stats.batchedMessages());
        metric(out, "ingestor_workers_alive", "gauge", "Batch workers running", workers.alive());
        try {
            QueueDepth d = queue.depth();
            metric(out, "ingestor_queue_waiting", "gauge", "Messages waiting in the queue", d.waiting());
            metric(out, "ingestor_queue_unacknowledged", "gauge", "Messages taken but not acknowledged", d.unacknowledged());
        } catch (QueueUnavailableException e) {
            metric(out, "ingestor_queue_up", "gauge", "Whether the queue answers", 0);
        }
        out.append("# HELP ingestor_errors_total Errors by kind\n# TYPE ingestor_errors_total counter\n");
        for (Map.Entry<String, Long> e : stats.errorCounts().entrySet()) {
            out.append("ingestor_errors_total{kind=\"").append(e.getKey()).append("\"} ").append(e.getValue()).append('\n');
        }
        return out.toString();
    }

    private static void metric(StringBuilder out, String name, String type, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(' ').append(type)
                .append('\n').append(name).append(' ').append(value).append('\n');
    }

    @Override
    public Simulator simulator() {
        return simulator;
    }

    @Override
    public EventFeed events() {
        return events;
    }

    @Override
    public Executor blocking() {
        return blocking;
    }

    @Override
    public String adminToken() {
        return config.adminToken();
    }

    /** Stops listening, stops the workers (unacknowledged work stays queued), closes the queue and the pool. */
    @Override
    public void close() {
        if (server != null) {
            server.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        events.close();
        channels.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        workers.close();
        timer.shutdownNow();
        queue.close();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        io.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        blocking.shutdownNow();
        reads.close();
    }
}
