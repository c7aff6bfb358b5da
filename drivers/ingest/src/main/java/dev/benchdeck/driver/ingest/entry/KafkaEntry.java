package dev.benchdeck.driver.ingest.entry;

import dev.benchdeck.driver.ingest.OutgoingMessages;
import dev.benchdeck.driver.ingest.config.EntrySettings;
import dev.benchdeck.engine.driver.DriverException;
import dev.benchdeck.engine.driver.ErrorClasses;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.time.EngineClock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One record per message (key: its id, value: the compact queue entry or the JSON message) through one producer
 * shared by all sessions; a batch's records go out together and the batch is confirmed once the broker acknowledged
 * each ({@code acks=all} with an idempotent producer by default).
 */
public final class KafkaEntry implements Entry {

    /** A record the broker refused (too large, not authorized…). */
    public static final String KAFKA_ERROR = "kafka_error";
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(10);

    private final EntrySettings.Kafka settings;
    private final OutgoingMessages messages;
    private final EngineClock clock;
    private final KafkaProducer<String, String> producer;

    private KafkaEntry(EntrySettings.Kafka settings, OutgoingMessages messages, EngineClock clock, KafkaProducer<String, String> producer) {
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
        this.producer = producer;
    }

    /** Checks that the brokers answer and the topic exists before any load (a typo fails the run at once). */
    public static KafkaEntry open(EntrySettings.Kafka settings, OutgoingMessages messages, EngineClock clock) throws DriverException {
        checkTopic(settings);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, settings.acks());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "all".equals(settings.acks()));
        p.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) CHECK_TIMEOUT.toMillis());
        KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        try {
            producer.partitionsFor(settings.topic());
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw new DriverException(ErrorClasses.CONNECT, where(settings) + ": " + e.getMessage(), e);
        }
        return new KafkaEntry(settings, messages, clock, producer);
    }

    private static void checkTopic(EntrySettings.Kafka settings) throws DriverException {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CHECK_TIMEOUT.toMillis());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CHECK_TIMEOUT.toMillis() / 2);
        try (Admin admin = Admin.create(p)) {
            admin.describeTopics(List.of(settings.topic())).allTopicNames().get(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            String why = e.getCause() instanceof UnknownTopicOrPartitionException ? "topic " + settings.topic() + " does not exist"
                    : String.valueOf(e.getCause().getMessage());
            throw new DriverException(ErrorClasses.CONNECT, where(settings) + ": " + why, e.getCause());
        } catch (TimeoutException e) {
            throw new DriverException(ErrorClasses.CONNECT, where(settings) + ": no answer within " + CHECK_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException(ErrorClasses.CONNECT, where(settings) + ": interrupted", e);
        } catch (RuntimeException e) {
            throw new DriverException(ErrorClasses.CONNECT, where(settings) + ": " + e.getMessage(), e);
        }
    }

    private static String where(EntrySettings.Kafka settings) {
        return "cannot produce to Kafka at " + settings.bootstrap();
    }

    @Override
    public Publisher newPublisher() {
        return new KafkaPublisher();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }

    private final class KafkaPublisher implements Publisher {

        private volatile boolean closed;

        @Override
        public Outcome publish(Batch batch, long send, long timeoutNanos) throws InterruptedException {
            if (closed) {
                return Outcome.failure(ErrorClasses.RESET, "session closed", Timings.of(send, clock.nanoTime()));
            }
            CompletableFuture<?>[] acks = new CompletableFuture<?>[batch.size()];
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
                    CompletableFuture<Void> ack = new CompletableFuture<>();
                    producer.send(new ProducerRecord<>(settings.topic(), messages.ids().id(seq), value.toString()), (meta, failure) -> {
                        if (failure == null) {
                            ack.complete(null);
                        } else {
                            ack.completeExceptionally(failure);
                        }
                    });
                    acks[i] = ack;
                }
                long left = Math.max(0, send + timeoutNanos - clock.nanoTime());
                CompletableFuture.allOf(acks).get(left, TimeUnit.NANOSECONDS);
                return Outcome.success(Timings.of(send, clock.nanoTime()));
            } catch (TimeoutException e) {
                return Outcome.failure(ErrorClasses.TIMEOUT, "Kafka did not acknowledge within the timeout", Timings.of(send, clock.nanoTime()));
            } catch (ExecutionException e) {
                return failure(e.getCause(), send);
            } catch (RuntimeException e) {
                return failure(e, send);
            }
        }

        private Outcome failure(Throwable cause, long send) {
            Timings t = Timings.of(send, clock.nanoTime());
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                return Outcome.failure(ErrorClasses.TIMEOUT, "Kafka: " + cause.getMessage(), t);
            }
            if (cause instanceof NetworkException) {
                return Outcome.failure(ErrorClasses.CONNECT, "Kafka unreachable: " + cause.getMessage(), t);
            }
            if (cause instanceof IllegalStateException && closed) {
                return Outcome.failure(ErrorClasses.RESET, "session closed", t);
            }
            return Outcome.failure(KAFKA_ERROR, String.valueOf(cause.getMessage()), t);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
