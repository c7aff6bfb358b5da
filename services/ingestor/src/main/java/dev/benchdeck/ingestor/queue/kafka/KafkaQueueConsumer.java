package dev.benchdeck.ingestor.queue.kafka;

import dev.benchdeck.ingestor.message.Message;
import dev.benchdeck.ingestor.queue.Delivery;
import dev.benchdeck.ingestor.queue.MessageJson;
import dev.benchdeck.ingestor.queue.QueueConsumer;
import dev.benchdeck.ingestor.queue.QueueUnavailableException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One worker as a member of the consumer group: it polls the partitions the group gave it, hands out up to
 * {@code max} records in order, and commits a delivery's offsets only when the worker acknowledges it (after the
 * database commit). A released delivery is read again by seeking back. Records polled beyond {@code max} wait here
 * for the next take; those of partitions taken away by a rebalance are dropped (their new owner reads them).
 */
final class KafkaQueueConsumer implements QueueConsumer {

    /** How long one poll waits for the first record. */
    static final Duration IDLE_POLL = Duration.ofMillis(200);

    private final KafkaQueue queue;
    private final String name;
    private final ArrayDeque<ConsumerRecord<String, String>> buffered = new ArrayDeque<>();
    private KafkaConsumer<String, String> consumer;
    private Delivery outstanding;
    private Map<TopicPartition, Long> outstandingFirst = Map.of();
    private Map<TopicPartition, OffsetAndMetadata> outstandingNext = Map.of();

    KafkaQueueConsumer(KafkaQueue queue, String name) {
        this.queue = queue;
        this.name = name;
    }

    @Override
    public Delivery take(int max, Duration batchWait) throws QueueUnavailableException, InterruptedException {
        try {
            KafkaConsumer<String, String> c = consumer();
            if (buffered.isEmpty()) {
                c.poll(IDLE_POLL).forEach(buffered::add);
            }
            if (buffered.isEmpty()) {
                return Delivery.EMPTY;
            }
            long deadline = System.nanoTime() + batchWait.toNanos();
            while (buffered.size() < max) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                c.poll(Duration.ofNanos(left)).forEach(buffered::add);
            }
            return delivery(max);
        } catch (InterruptException e) {
            throw new InterruptedException("interrupted while polling Kafka");
        } catch (KafkaException e) {
            throw KafkaQueue.unavailable(queue.bootstrap(), e);
        }
    }

    /** Records that are not messages (produced by someone else) are skipped, and committed with the rest. */
    private Delivery delivery(int max) {
        List<Message> messages = new ArrayList<>();
        List<String> receipts = new ArrayList<>();
        Map<TopicPartition, Long> first = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (int n = 0; n < max && !buffered.isEmpty(); n++) {
            ConsumerRecord<String, String> r = buffered.poll();
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            first.putIfAbsent(tp, r.offset());
            next.put(tp, new OffsetAndMetadata(r.offset() + 1));
            Message m = MessageJson.decode(r.value());
            if (m != null) {
                messages.add(m);
                receipts.add(r.partition() + "@" + r.offset());
            }
        }
        outstanding = new Delivery(messages, receipts, null);
        outstandingFirst = first;
        outstandingNext = next;
        queue.inFlight().addAndGet(outstanding.size());
        return outstanding;
    }

    @Override
    public void acknowledge(Delivery delivery) throws QueueUnavailableException {
        if (delivery != outstanding) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>(outstandingNext);
        forget();
        // partitions a rebalance moved elsewhere are left to their new owner; it may read them again (ids skip them)
        next.keySet().retainAll(consumer.assignment());
        if (next.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(next);
        } catch (InterruptException e) {
            Thread.currentThread().interrupt();
            throw KafkaQueue.unavailable(queue.bootstrap(), e);
        } catch (KafkaException e) {
            throw KafkaQueue.unavailable(queue.bootstrap(), e);
        }
    }

    @Override
    public void release(Delivery delivery) {
        if (delivery != outstanding) {
            return;
        }
        Map<TopicPartition, Long> from = new HashMap<>(outstandingFirst);
        forget();
        for (ConsumerRecord<String, String> r : buffered) {
            from.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
        }
        buffered.clear();
        from.forEach((tp, offset) -> {
            if (consumer.assignment().contains(tp)) {
                consumer.seek(tp, offset);
            }
        });
    }

    private void forget() {
        queue.inFlight().addAndGet(-outstanding.size());
        outstanding = null;
        outstandingFirst = Map.of();
        outstandingNext = Map.of();
    }

    private KafkaConsumer<String, String> consumer() {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(queue.consumerProperties(name), new StringDeserializer(), new StringDeserializer());
            consumer.subscribe(List.of(queue.topic()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    buffered.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.partition())));
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // reading starts at the group's committed offsets
                }
            });
        }
        return consumer;
    }

    /** Leaves the group at once, so the others take this worker's partitions without waiting for its session to end. */
    @Override
    public void close() {
        if (outstanding != null) {
            forget();
        }
        if (consumer != null) {
            boolean interrupted = Thread.interrupted();
            try {
                consumer.close(Duration.ofSeconds(2));
            } catch (KafkaException e) {
                // the broker is gone: the session times out instead
            } finally {
                consumer = null;
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
