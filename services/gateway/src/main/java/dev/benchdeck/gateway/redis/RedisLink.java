package dev.benchdeck.gateway.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The gateway's one Redis connection and whether Redis answers. Commands fail fast while Redis is away
 * (rejected, not queued, 500 ms timeout), so callers fall back to L1 and local limits; a PING every
 * 500 ms notices it is back (the first connection is retried as well, so Redis may start after the
 * gateway). Listeners hear each change of reachability.
 */
public final class RedisLink implements AutoCloseable {

    static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);
    static final long PING_EVERY_MS = 500;

    private final RedisClient client;
    private final RedisURI uri;
    private final ClientResources resources;
    private final AtomicReference<StatefulRedisConnection<byte[], byte[]>> connection = new AtomicReference<>();
    private final Consumer<Boolean> onChange;
    private volatile boolean reachable;
    private volatile boolean connecting;
    private volatile boolean closed;

    private RedisLink(URI url, Consumer<Boolean> onChange) {
        this.onChange = onChange;
        this.uri = RedisURI.create(url);
        this.resources = ClientResources.builder().ioThreadPoolSize(1).computationThreadPoolSize(1)
                .reconnectDelay(Delay.constant(Duration.ofMillis(PING_EVERY_MS))).build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(COMMAND_TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
    }

    /** Starts watching Redis at {@code url}; {@code onChange} hears true when it becomes reachable, false when it goes. */
    public static RedisLink open(URI url, ScheduledExecutorService timer, Consumer<Boolean> onChange) {
        RedisLink link = new RedisLink(url, onChange);
        timer.scheduleWithFixedDelay(link::check, 0, PING_EVERY_MS, TimeUnit.MILLISECONDS);
        return link;
    }

    public boolean reachable() {
        return reachable && !closed;
    }

    /** Async commands on the shared connection, or null while Redis is unreachable (use the local fallback then). */
    public RedisAsyncCommands<byte[], byte[]> commands() {
        StatefulRedisConnection<byte[], byte[]> c = connection.get();
        return reachable() && c != null && c.isOpen() ? c.async() : null;
    }

    /** The connection itself (for Bucket4j's proxy manager), or null before the first successful connect. */
    public StatefulRedisConnection<byte[], byte[]> connection() {
        return connection.get();
    }

    /** A command failed: treat Redis as away until the next PING answers. */
    public void failed() {
        setReachable(false);
    }

    private void check() {
        if (closed) {
            return;
        }
        StatefulRedisConnection<byte[], byte[]> c = connection.get();
        if (c == null) {
            connectOnce();
            return;
        }
        try {
            c.async().ping().toCompletableFuture().orTimeout(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((pong, error) -> setReachable(error == null && "PONG".equals(pong)));
        } catch (RuntimeException e) {
            setReachable(false);
        }
    }

    private void connectOnce() {
        if (connecting) {
            return;
        }
        connecting = true;
        CompletableFuture<StatefulRedisConnection<byte[], byte[]>> attempt =
                client.connectAsync(ByteArrayCodec.INSTANCE, uri).toCompletableFuture();
        attempt.whenComplete((c, error) -> {
            connecting = false;
            if (error == null && !closed) {
                connection.set(c);
                setReachable(true);
            } else if (c != null) {
                c.closeAsync();
            }
        });
    }

    private void setReachable(boolean now) {
        boolean before = reachable;
        reachable = now;
        if (before != now && !closed) {
            onChange.accept(now);
        }
    }

    @Override
    public void close() {
        closed = true;
        StatefulRedisConnection<byte[], byte[]> c = connection.getAndSet(null);
        if (c != null) {
            c.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        resources.shutdown(0, 1, TimeUnit.SECONDS);
    }
}
