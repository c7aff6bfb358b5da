package dev.benchdeck.ingestor.queue.redis;

import dev.benchdeck.ingestor.message.Message;
import dev.benchdeck.ingestor.queue.MessageJson;
import dev.benchdeck.ingestor.queue.MessageQueue;
import dev.benchdeck.ingestor.queue.QueueConsumer;
import dev.benchdeck.ingestor.queue.QueueDepth;
import dev.benchdeck.ingestor.queue.QueueUnavailableException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The queue as a Redis stream with one consumer group: XADD to publish (a batch in one script, so it is queued
 * whole or not at all), XREADGROUP to take, XACK (then XDEL) only after the database commit, and XAUTOCLAIM to take
 * over entries a dead worker left pending. How durable a confirmed publish is depends on Redis's persistence
 * settings (see the module README): with {@code appendfsync always} it survives a Redis crash.
 */
public final class RedisStreamQueue implements MessageQueue {

    /** Adds every argument as one entry, atomically: a script runs whole. */
    private static final String ADD_ALL = "for i = 1, #ARGV do redis.call('XADD', KEYS[1], '*', 'm', ARGV[i]) end return #ARGV";
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> publisher;
    private final String stream;
    private final String group;
    private final Duration claimAfter;
    private final String where;

    private RedisStreamQueue(RedisClient client, StatefulRedisConnection<String, String> publisher, String stream, String group,
                             Duration claimAfter, String where) {
        this.client = client;
        this.publisher = publisher;
        this.stream = stream;
        this.group = group;
        this.claimAfter = claimAfter;
        this.where = where;
    }

    /** Connects and creates the group (reading from the stream's start, so entries queued before it are not skipped). */
    public static RedisStreamQueue open(URI url, String stream, String group, Duration claimAfter) throws QueueUnavailableException {
        RedisClient client = RedisClient.create(RedisURI.create(url));
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // a Redis that is down fails publishes at once (503) instead of buffering them in memory unconfirmed
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(COMMAND_TIMEOUT).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        String where = url.getHost() + ":" + (url.getPort() < 0 ? 6379 : url.getPort());
        try {
            StatefulRedisConnection<String, String> publisher = client.connect();
            RedisStreamQueue queue = new RedisStreamQueue(client, publisher, stream, group, claimAfter, where);
            queue.createGroup(publisher);
            return queue;
        } catch (RuntimeException e) {
            client.shutdown(0, 1, TimeUnit.SECONDS);
            throw new QueueUnavailableException("Redis (" + where + "): " + oneLine(e), e);
        }
    }

    void createGroup(StatefulRedisConnection<String, String> c) {
        try {
            c.sync().xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), group, XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException e) {
            // BUSYGROUP: it exists
        }
    }

    @Override
    public String kind() {
        return "redis";
    }

    @Override
    public CompletableFuture<Void> publish(List<Message> messages) {
        RedisAsyncCommands<String, String> redis = publisher.async();
        CompletableFuture<?> sent;
        try {
            if (messages.size() == 1) {
                sent = redis.xadd(stream, MessageJson.FIELD, MessageJson.encode(messages.getFirst())).toCompletableFuture();
            } else {
                String[] values = messages.stream().map(MessageJson::encode).toArray(String[]::new);
                sent = redis.<Long>eval(ADD_ALL, ScriptOutputType.INTEGER, new String[] {stream}, values).toCompletableFuture();
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(unavailable(e));
        }
        return sent.handle((ok, failure) -> {
            if (failure != null) {
                throw new CompletionException(unavailable(failure));
            }
            return null;
        });
    }

    QueueUnavailableException unavailable(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return new QueueUnavailableException("Redis (" + where + "): " + oneLine(cause), cause);
    }

    @Override
    public QueueConsumer consumer(String name) {
        return new RedisStreamConsumer(this, name);
    }

    RedisClient client() {
        return client;
    }

    String stream() {
        return stream;
    }

    String group() {
        return group;
    }

    Duration claimAfter() {
        return claimAfter;
    }

    @Override
    public QueueDepth depth() throws QueueUnavailableException {
        try {
            long length = publisher.sync().xlen(stream);
            long pending = publisher.sync().xpending(stream, group).getCount();
            return new QueueDepth(Math.max(0, length - pending), pending);
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public String unreachableReason() {
        try {
            publisher.sync().ping();
            return null;
        } catch (RuntimeException e) {
            return unavailable(e).getMessage();
        }
    }

    static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank() || t.getMessage().startsWith("Unable to connect"))) {
            if (t.getMessage() != null && t.getMessage().startsWith("Unable to connect") && t.getCause().getMessage() != null) {
                return t.getMessage() + ": " + oneLine(t.getCause());
            }
            t = t.getCause();
        }
        return String.valueOf(t.getMessage()).lines().findFirst().orElse(t.getClass().getSimpleName());
    }

    @Override
    public void close() {
        publisher.close();
        client.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
