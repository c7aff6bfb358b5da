package dev.benchdeck.ingestor.queue.redis;

import dev.benchdeck.ingestor.message.Message;
import dev.benchdeck.ingestor.queue.Delivery;
import dev.benchdeck.ingestor.queue.MessageJson;
import dev.benchdeck.ingestor.queue.QueueConsumer;
import dev.benchdeck.ingestor.queue.QueueUnavailableException;
import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One worker as a consumer of the group, on its own connection (XREADGROUP blocks). Before new entries it takes,
 * in turn: its own pending entries (a redelivery after a failed write), then, every {@code claimAfter / 2}, entries
 * any consumer left pending longer than {@code claimAfter} (XAUTOCLAIM: a worker or a whole ingestor died).
 */
final class RedisStreamConsumer implements QueueConsumer {

    /** How long one XREADGROUP blocks for the first entry. */
    static final long IDLE_BLOCK_MS = 200;

    private final RedisStreamQueue queue;
    private final Consumer<String> me;
    private StatefulRedisConnection<String, String> connection;
    private boolean ownPendingChecked;
    private long lastClaimNanos;
    private String claimCursor = "0-0";

    RedisStreamConsumer(RedisStreamQueue queue, String name) {
        this.queue = queue;
        this.me = Consumer.from(queue.group(), name);
    }

    @Override
    public Delivery take(int max, Duration batchWait) throws QueueUnavailableException {
        try {
            RedisCommands<String, String> redis = connection().sync();
            if (!ownPendingChecked) {
                List<StreamMessage<String, String>> mine = redis.xreadgroup(me, XReadArgs.Builder.count(max),
                        XReadArgs.StreamOffset.from(queue.stream(), "0"));
                if (!mine.isEmpty()) {
                    return delivery(redis, mine);
                }
                ownPendingChecked = true;
            }
            if (System.nanoTime() - lastClaimNanos > queue.claimAfter().toNanos() / 2) {
                ClaimedMessages<String, String> claimed = redis.xautoclaim(queue.stream(),
                        XAutoClaimArgs.Builder.xautoclaim(me, queue.claimAfter(), claimCursor).count(max));
                claimCursor = claimed.getId();
                if ("0-0".equals(claimCursor)) {
                    lastClaimNanos = System.nanoTime();
                }
                if (!claimed.getMessages().isEmpty()) {
                    return delivery(redis, claimed.getMessages());
                }
            }
            List<StreamMessage<String, String>> got = new ArrayList<>(redis.xreadgroup(me,
                    XReadArgs.Builder.count(max).block(IDLE_BLOCK_MS), XReadArgs.StreamOffset.lastConsumed(queue.stream())));
            if (got.isEmpty()) {
                return Delivery.EMPTY;
            }
            long deadline = System.nanoTime() + batchWait.toNanos();
            while (got.size() < max) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left < 1) {
                    break;
                }
                got.addAll(redis.xreadgroup(me, XReadArgs.Builder.count(max - got.size()).block(left),
                        XReadArgs.StreamOffset.lastConsumed(queue.stream())));
            }
            return delivery(redis, got);
        } catch (RuntimeException e) {
            ownPendingChecked = false;
            if (String.valueOf(e.getMessage()).startsWith("NOGROUP")) {
                // a Redis restarted without persistence lost the group with the stream: make it again
                queue.createGroup(connection());
            }
            throw queue.unavailable(e);
        }
    }

    /** Entries that are not messages (written by someone else) are acknowledged and dropped. */
    private Delivery delivery(RedisCommands<String, String> redis, List<StreamMessage<String, String>> entries) {
        List<Message> messages = new ArrayList<>(entries.size());
        List<String> receipts = new ArrayList<>(entries.size());
        List<String> foreign = new ArrayList<>();
        for (StreamMessage<String, String> e : entries) {
            Message m = e.getBody() == null ? null : MessageJson.decode(e.getBody().get(MessageJson.FIELD));
            if (m == null) {
                foreign.add(e.getId());
            } else {
                messages.add(m);
                receipts.add(e.getId());
            }
        }
        if (!foreign.isEmpty()) {
            String[] ids = foreign.toArray(String[]::new);
            redis.xack(queue.stream(), queue.group(), ids);
        }
        return new Delivery(messages, receipts, null);
    }

    @Override
    public void acknowledge(Delivery delivery) throws QueueUnavailableException {
        if (delivery.receipts().isEmpty()) {
            return;
        }
        String[] ids = delivery.receipts().toArray(String[]::new);
        try {
            RedisCommands<String, String> redis = connection().sync();
            redis.xack(queue.stream(), queue.group(), ids);
            // acknowledged entries are of no more use: deleting them keeps the stream as long as the backlog
            redis.xdel(queue.stream(), ids);
        } catch (RuntimeException e) {
            ownPendingChecked = false;
            throw queue.unavailable(e);
        }
    }

    @Override
    public void release(Delivery delivery) {
        // the entries stay pending for this consumer; the next take reads its own pending entries first
        ownPendingChecked = false;
    }

    private StatefulRedisConnection<String, String> connection() {
        if (connection == null) {
            connection = queue.client().connect();
        }
        return connection;
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
