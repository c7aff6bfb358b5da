package dev.benchdeck.gateway.limit;

import dev.benchdeck.gateway.config.GatewaySettings;
import dev.benchdeck.gateway.redis.RedisLink;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.netty.util.concurrent.EventExecutor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * At most {@code max_concurrent_connections} requests are served at once; the next ones wait, first come
 * first served, in a queue bounded by {@code queue_size}, each up to {@code queue_timeout_ms}. With
 * {@code queue_type: redis} the bound is shared: every waiting request of every instance holds a ticket
 * in one Redis sorted set (scored by its deadline, so a dead instance's tickets expire), and a request
 * waits only if the set has room. Without Redis the memory queue's bound applies.
 */
public final class ConnectionLimiter {

    static final byte[] QUEUE_KEY = "benchdeck:gateway:queue".getBytes(StandardCharsets.UTF_8);
    /** Drops expired tickets, then adds one if the queue has room: 1 = added, 0 = full. */
    static final String ENQUEUE = """
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
            if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[4]) then
              redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
              redis.call('PEXPIRE', KEYS[1], 3600000)
              return 1
            end
            return 0
            """;

    private final Supplier<GatewaySettings> settings;
    private final RedisLink redis;
    private final String instanceId;
    private final AtomicLong tickets = new AtomicLong();
    private final ArrayDeque<SlotRequest> waiters = new ArrayDeque<>();
    private long inUse;

    public ConnectionLimiter(Supplier<GatewaySettings> settings, RedisLink redis, String instanceId) {
        this.settings = settings;
        this.redis = redis;
        this.instanceId = instanceId;
    }

    /** A held slot; {@link #release()} is safe to call more than once. */
    public final class Slot {
        private final AtomicBoolean released = new AtomicBoolean();

        public void release() {
            if (released.compareAndSet(false, true)) {
                handOver();
            }
        }
    }

    /**
     * A request's claim to a slot: {@link #slot()} completes with one (at once, or on its event loop after a
     * wait) or fails with a {@link QueueRejection}; {@link #cancel()} when the client goes away.
     */
    public final class SlotRequest {
        final CompletableFuture<Slot> slot = new CompletableFuture<>();
        final EventExecutor loop;
        final boolean queued;
        volatile byte[] ticket;
        ScheduledFuture<?> timeout;

        SlotRequest(EventExecutor loop, boolean queued) {
            this.loop = loop;
            this.queued = queued;
        }

        public CompletableFuture<Slot> slot() {
            return slot;
        }

        /** Whether the request had to wait in the queue. */
        public boolean queued() {
            return queued;
        }

        public void cancel() {
            synchronized (ConnectionLimiter.this) {
                waiters.remove(this);
            }
            finish(null, new QueueRejection(QueueRejection.Reason.TIMEOUT, "the client went away while waiting"));
        }

        void finish(Slot granted, QueueRejection rejection) {
            if (timeout != null) {
                timeout.cancel(false);
            }
            dropTicket(ticket);
            boolean done = granted != null ? slot.complete(granted) : slot.completeExceptionally(rejection);
            if (!done && granted != null) {
                granted.release(); // cancelled meanwhile: pass the slot on
            }
        }
    }

    /** A slot at once when one is free and nobody waits; else a place in the queue, if it has room. */
    public SlotRequest acquire(EventExecutor loop) {
        GatewaySettings s = settings.get();
        SlotRequest request;
        boolean shared;
        synchronized (this) {
            if (inUse < s.maxConcurrentConnections() && waiters.isEmpty()) {
                inUse++;
                request = new SlotRequest(loop, false);
                request.slot.complete(new Slot());
                return request;
            }
            request = new SlotRequest(loop, true);
            shared = GatewaySettings.QUEUE_REDIS.equals(s.queueType()) && redis != null && redis.commands() != null;
            if (s.queueSize() == 0 || s.queueTimeoutMs() == 0 || (!shared && waiters.size() >= s.queueSize())) {
                request.slot.completeExceptionally(full(s));
                return request;
            }
            enqueue(request, s);
        }
        if (shared) {
            byte[] ticket = (instanceId + ":" + tickets.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
            request.ticket = ticket;
            redisTicket(ticket, s).whenComplete((added, error) -> {
                if (error != null) {
                    redis.failed(); // the local queue's bound holds instead
                    request.ticket = null;
                } else if (!added) {
                    request.ticket = null;
                    boolean removed;
                    synchronized (this) {
                        removed = waiters.remove(request);
                    }
                    if (removed) {
                        request.finish(null, full(s));
                    }
                }
                if (request.slot.isDone()) {
                    dropTicket(request.ticket); // granted before Redis answered
                }
            });
        }
        return request;
    }

    private CompletableFuture<Boolean> redisTicket(byte[] ticket, GatewaySettings s) {
        RedisAsyncCommands<byte[], byte[]> commands = redis.commands();
        if (commands == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("redis away"));
        }
        long now = System.currentTimeMillis();
        byte[][] args = {bytes(now), bytes(now + s.queueTimeoutMs()), ticket, bytes(s.queueSize())};
        try {
            return commands.<Long>eval(ENQUEUE.getBytes(StandardCharsets.UTF_8), ScriptOutputType.INTEGER, new byte[][] {QUEUE_KEY}, args)
                    .toCompletableFuture().thenApply(r -> r == 1L);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static byte[] bytes(long value) {
        return Long.toString(value).getBytes(StandardCharsets.UTF_8);
    }

    /** Called holding the lock. */
    private void enqueue(SlotRequest request, GatewaySettings s) {
        waiters.addLast(request);
        request.timeout = request.loop.schedule(() -> {
            boolean removed;
            synchronized (this) {
                removed = waiters.remove(request);
            }
            if (removed) {
                request.finish(null, new QueueRejection(QueueRejection.Reason.TIMEOUT,
                        "no connection slot within queue_timeout_ms (" + s.queueTimeoutMs() + " ms)"));
            }
        }, s.queueTimeoutMs(), TimeUnit.MILLISECONDS);
    }

    private static QueueRejection full(GatewaySettings s) {
        return new QueueRejection(QueueRejection.Reason.FULL, "all " + s.maxConcurrentConnections()
                + " connection slots are taken and the queue (" + s.queueSize() + ") is full");
    }

    /** A slot came free: give it to the first waiter, or return it. */
    private void handOver() {
        SlotRequest next;
        synchronized (this) {
            next = inUse <= settings.get().maxConcurrentConnections() ? waiters.pollFirst() : null;
            if (next == null) {
                inUse--;
                return;
            }
        }
        SlotRequest granted = next;
        Slot slot = new Slot();
        granted.loop.execute(() -> granted.finish(slot, null));
    }

    /** max_concurrent_connections grew: let waiters in up to the new bound. */
    public void settingsChanged() {
        while (true) {
            SlotRequest next;
            synchronized (this) {
                if (inUse >= settings.get().maxConcurrentConnections() || waiters.isEmpty()) {
                    return;
                }
                next = waiters.pollFirst();
                inUse++;
            }
            SlotRequest granted = next;
            Slot slot = new Slot();
            granted.loop.execute(() -> granted.finish(slot, null));
        }
    }

    private void dropTicket(byte[] ticket) {
        if (ticket == null) {
            return;
        }
        RedisAsyncCommands<byte[], byte[]> commands = redis.commands();
        if (commands != null) {
            try {
                commands.zrem(QUEUE_KEY, ticket);
            } catch (RuntimeException e) {
                redis.failed();
            }
        }
    }

    public synchronized long inUse() {
        return inUse;
    }

    public synchronized int waiting() {
        return waiters.size();
    }
}
