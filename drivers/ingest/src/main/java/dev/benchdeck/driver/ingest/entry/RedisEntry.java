package dev.benchdeck.driver.ingest.entry;

import dev.benchdeck.driver.ingest.OutgoingMessages;
import dev.benchdeck.driver.ingest.config.EntrySettings;
import dev.benchdeck.engine.driver.DriverException;
import dev.benchdeck.engine.driver.ErrorClasses;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.time.EngineClock;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code XADD stream * field value} or {@code LPUSH list value} per message over one pipelined Lettuce connection
 * shared by all sessions; a batch's commands go out together and the batch is confirmed once Redis answered each.
 */
public final class RedisEntry implements Entry {

    /** A command Redis refused (wrong type, out of memory…). */
    public static final String REDIS_ERROR = "redis_error";

    private final EntrySettings.Redis settings;
    private final OutgoingMessages messages;
    private final EngineClock clock;
    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    private RedisEntry(EntrySettings.Redis settings, OutgoingMessages messages, EngineClock clock,
                       ClientResources resources, RedisClient client, StatefulRedisConnection<String, String> connection) {
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
        this.resources = resources;
        this.client = client;
        this.connection = connection;
    }

    /** Connects (and so checks Redis answers) before any load. */
    public static RedisEntry open(EntrySettings.Redis settings, OutgoingMessages messages, EngineClock clock)
            throws DriverException {
        ClientResources resources = ClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(1).build();
        RedisClient client = RedisClient.create(resources);
        // a dead Redis fails commands at once instead of queueing them unconfirmed
        client.setOptions(ClientOptions.builder().disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        try {
            RedisURI uri = RedisURI.create(settings.url());
            uri.setTimeout(Duration.ofSeconds(10));
            StatefulRedisConnection<String, String> connection = client.connect(uri);
            connection.sync().ping();
            return new RedisEntry(settings, messages, clock, resources, client, connection);
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            resources.shutdown(0, 2, TimeUnit.SECONDS);
            throw new DriverException(ErrorClasses.CONNECT, "cannot reach Redis at " + settings.url().getHost() + ":"
                    + settings.url().getPort() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Publisher newPublisher() {
        return new RedisPublisher();
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    private final class RedisPublisher implements Publisher {

        private volatile boolean closed;

        @Override
        public Outcome publish(Batch batch, long send, long timeoutNanos) throws InterruptedException {
            if (closed) {
                return Outcome.failure(ErrorClasses.RESET, "session closed", Timings.of(send, clock.nanoTime()));
            }
            RedisAsyncCommands<String, String> redis = connection.async();
            List<RedisFuture<?>> replies = new ArrayList<>(batch.size());
            StringBuilder value = new StringBuilder(160);
            try {
                for (int i = 0; i < batch.size(); i++) {
                    value.setLength(0);
                    long seq = batch.firstSeq() + i;
                    if (settings.encoding() == EntrySettings.ValueEncoding.COMPACT) {
                        messages.compact(value, seq, batch.sendEpochMicros());
                    } else {
                        messages.json(value, seq, batch.sendEpochMicros());
                    }
                    replies.add(settings.stream() != null
                            ? redis.xadd(settings.stream(), Map.of(settings.field(), value.toString()))
                            : redis.lpush(settings.list(), value.toString()));
                }
                long deadline = send + timeoutNanos;
                for (RedisFuture<?> reply : replies) {
                    reply.get(Math.max(0, deadline - clock.nanoTime()), TimeUnit.NANOSECONDS);
                }
                return Outcome.success(Timings.of(send, clock.nanoTime()));
            } catch (TimeoutException | RedisCommandTimeoutException e) {
                replies.forEach(r -> r.cancel(true));
                return Outcome.failure(ErrorClasses.TIMEOUT, "Redis did not answer within the timeout", Timings.of(send, clock.nanoTime()));
            } catch (ExecutionException e) {
                return failure(e.getCause(), send);
            } catch (RedisConnectionException e) {
                return failure(e, send);
            }
        }

        private Outcome failure(Throwable cause, long send) {
            Timings t = Timings.of(send, clock.nanoTime());
            if (cause instanceof RedisCommandTimeoutException) {
                return Outcome.failure(ErrorClasses.TIMEOUT, "Redis did not answer within the timeout", t);
            }
            if (cause instanceof RedisConnectionException || String.valueOf(cause.getMessage()).contains("not connected")) {
                return Outcome.failure(ErrorClasses.CONNECT, "Redis unreachable: " + cause.getMessage(), t);
            }
            return Outcome.failure(REDIS_ERROR, String.valueOf(cause.getMessage()), t);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
