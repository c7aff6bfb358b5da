package dev.benchdeck.ingestor.queue.kafka;

import dev.benchdeck.ingestor.message.Message;
import dev.benchdeck.ingestor.queue.MessageJson;
import dev.benchdeck.ingestor.queue.MessageQueue;
import dev.benchdeck.ingestor.queue.QueueConsumer;
import dev.benchdeck.ingestor.queue.QueueDepth;
import dev.benchdeck.ingestor.queue.QueueUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The queue as a Kafka topic read by one consumer group: an idempotent producer with {@code acks=all} (a publish is
 * confirmed once every in-sync replica has it), one consumer per worker, offsets committed only after the database
 * commit, so a worker that dies before committing leaves its records to be read again (and skipped by their ids).
 * The topic is created with {@code partitions} partitions when missing; workers share them through the group.
 */
public final class KafkaQueue implements MessageQueue {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    /** How long a publish may wait for the broker before it is refused (503): the producer retries within it. */
    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(5);

    private final String bootstrap;
    private final String topic;
    private final String group;
    private final Admin admin;
    private final KafkaProducer<String, String> producer;
    private final KafkaDepth depth;
    /** Records taken by this ingestor's consumers and not yet committed. */
    private final AtomicLong inFlight = new AtomicLong();

    private KafkaQueue(String bootstrap, String topic, String group, Admin admin, KafkaProducer<String, String> producer) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.group = group;
        this.admin = admin;
        this.producer = producer;
        this.depth = new KafkaDepth(admin, topic, group);
    }

    /** Connects, creates the topic when missing and fetches its metadata, so the first publish does not wait for it. */
    public static KafkaQueue open(String bootstrap, String topic, int partitions, String group) throws QueueUnavailableException {
        Admin admin = Admin.create(adminProperties(bootstrap));
        KafkaProducer<String, String> producer = null;
        try {
            createTopic(admin, bootstrap, topic, partitions);
            producer = new KafkaProducer<>(producerProperties(bootstrap), new StringSerializer(), new StringSerializer());
            producer.partitionsFor(topic);
            return new KafkaQueue(bootstrap, topic, group, admin, producer);
        } catch (QueueUnavailableException e) {
            admin.close(Duration.ZERO);
            throw e;
        } catch (RuntimeException e) {
            if (producer != null) {
                producer.close(Duration.ZERO);
            }
            admin.close(Duration.ZERO);
            throw unavailable(bootstrap, e);
        }
    }

    private static void createTopic(Admin admin, String bootstrap, String topic, int partitions) throws QueueUnavailableException {
        try {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
                    .all().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw unavailable(bootstrap, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new QueueUnavailableException("Kafka (" + bootstrap + "): no answer within 10 s while creating topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueueUnavailableException("Kafka: interrupted while creating topic " + topic, e);
        }
    }

    private static Properties adminProperties(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis() * 2);
        return p;
    }

    private static Properties producerProperties(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis());
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_TIMEOUT.toMillis());
        // send() runs on an HTTP event loop: it may block only briefly (metadata, a full buffer)
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis());
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return p;
    }

    @Override
    public String kind() {
        return "kafka";
    }

    /**
     * Completes when the broker has acknowledged every record. Without a transaction a batch that fails may be
     * queued in part; the request is answered 503 and its retry is stored once, as ids make every message's effect.
     */
    @Override
    public CompletableFuture<Void> publish(List<Message> messages) {
        CompletableFuture<Void> all = new CompletableFuture<>();
        AtomicInteger left = new AtomicInteger(messages.size());
        try {
            for (Message m : messages) {
                // the id as key: a message and its retries land on one partition
                producer.send(new ProducerRecord<>(topic, m.id(), MessageJson.encode(m)), (meta, failure) -> {
                    if (failure != null) {
                        all.completeExceptionally(unavailable(bootstrap, failure));
                    } else if (left.decrementAndGet() == 0) {
                        all.complete(null);
                    }
                });
            }
        } catch (RuntimeException e) {
            all.completeExceptionally(unavailable(bootstrap, e));
        }
        return all;
    }

    @Override
    public QueueConsumer consumer(String name) {
        return new KafkaQueueConsumer(this, name);
    }

    @Override
    public QueueDepth depth() throws QueueUnavailableException {
        try {
            long lag = depth.lag();
            long taken = Math.min(lag, inFlight.get());
            return new QueueDepth(lag - taken, taken);
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            throw unavailable(bootstrap, e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueueUnavailableException("Kafka (" + bootstrap + "): interrupted", e);
        }
    }

    @Override
    public String unreachableReason() {
        try {
            admin.describeCluster().nodes().get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            admin.describeTopics(List.of(topic)).allTopicNames().get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return unavailable(bootstrap, e.getCause()).getMessage();
        } catch (TimeoutException e) {
            return "Kafka (" + bootstrap + "): no answer within " + REQUEST_TIMEOUT.toMillis() + " ms";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Kafka (" + bootstrap + "): interrupted";
        }
    }

    static QueueUnavailableException unavailable(String bootstrap, Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse(cause.getClass().getSimpleName());
        return new QueueUnavailableException("Kafka (" + bootstrap + "): " + message, cause);
    }

    String bootstrap() {
        return bootstrap;
    }

    String topic() {
        return topic;
    }

    String group() {
        return group;
    }

    AtomicLong inFlight() {
        return inFlight;
    }

    Map<String, Object> consumerProperties(String name) {
        return Map.of(
                "bootstrap.servers", bootstrap,
                "group.id", group,
                "client.id", name,
                // offsets move only when a batch is in the database
                "enable.auto.commit", false,
                // a new group starts at the topic's beginning, so messages queued before any worker ran are read
                "auto.offset.reset", "earliest",
                "session.timeout.ms", 10_000,
                "heartbeat.interval.ms", 1_000,
                "request.timeout.ms", (int) REQUEST_TIMEOUT.toMillis() * 2,
                "default.api.timeout.ms", (int) REQUEST_TIMEOUT.toMillis() * 2);
    }

    @Override
    public void close() {
        producer.close(REQUEST_TIMEOUT);
        admin.close(REQUEST_TIMEOUT);
    }
}
