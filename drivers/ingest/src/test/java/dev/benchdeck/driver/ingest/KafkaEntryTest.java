package dev.benchdeck.driver.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchdeck.engine.driver.DriverException;
import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.RunStatus;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.engine.result.ThresholdVerdict;
import dev.benchdeck.engine.testkit.KafkaProcess;
import dev.benchdeck.engine.time.EngineClock;
import dev.benchdeck.ingestor.IngestorConfig;
import dev.benchdeck.ingestor.IngestorServer;
import dev.benchdeck.ingestor.store.DatabaseSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongPredicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Kafka entry against a real broker (one for the class): records into the ingestor's topic arrive once each;
 * a consumer that drops and doubles records on purpose is counted message by message.
 */
@Timeout(120)
class KafkaEntryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaProcess kafka;
    private final List<IntervalSnapshot> intervals = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = KafkaProcess.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void recordsProducedToTheIngestorsTopicArriveOnceEach() throws Exception {
        String db = TestSink.freshDatabase();
        String topic = "driver-" + System.nanoTime();
        DatabaseSettings settings = new DatabaseSettings(db, TestSink.postgres().user(), TestSink.postgres().password());
        try (IngestorServer ingestor = IngestorServer.start(IngestorConfig.builder(settings).port(0).kafkaBootstrap(kafka.bootstrap())
                .kafkaTopic(topic).kafkaPartitions(2).build())) {
            RunResult result = IngestRuns.run("""
                    name: kafka topic
                    target:
                      kafka: {bootstrap: '%s', topic: '%s'}
                      sink: %s
                    workload: {driver: ingest, batch_size: 20}
                    load: {model: open, rate: 200, requests: 50}
                    """.formatted(kafka.bootstrap(), topic, TestSink.sinkYaml(db, "")), intervals);

            assertThat(result.status()).as(result.failure()).isEqualTo(RunStatus.COMPLETED);
            StepResult step = result.steps().getFirst();
            assertThat(step.errors()).isZero();
            assertThat(step.counts()).containsEntry("sent", 1000L).containsEntry("delivered", 1000L)
                    .containsEntry("lost", 0L).containsEntry("duplicated", 0L);
            assertThat(step.latencies().get("e2e").summary().count()).isEqualTo(1000);
            assertThat(TestSink.queryLong(db, "SELECT count(*) FROM messages")).isEqualTo(1000);
        }
    }

    @Test
    void aConsumerThatDropsAndDoublesRecordsIsCountedMessageByMessage() throws Exception {
        String db = TestSink.freshDatabase();
        String topic = "faulty-" + System.nanoTime();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty()))).all().get();
        }
        int messages = 200;
        LongPredicate drop = seq -> seq % 10 == 3;
        LongPredicate twice = seq -> seq % 7 == 0;
        TestSink.execute(db, "CREATE TABLE fake_sink (msg_id text NOT NULL, seen_at timestamptz NOT NULL DEFAULT now());"
                + " CREATE INDEX ON fake_sink (msg_id)");
        AtomicBoolean running = new AtomicBoolean(true);
        Thread pipeline = Thread.ofPlatform().start(() -> faultyPipeline(topic, db, drop, twice, running));
        try {
            RunResult result = IngestRuns.run("""
                    name: faulty kafka consumer
                    target:
                      kafka: {bootstrap: '%s', topic: '%s', encoding: json, acks: 1}
                      sink: %s
                    workload: {driver: ingest, grace: 2500ms}
                    load: {model: closed, users: 4, requests: %d}
                    thresholds: ['lost = 0', 'duplicated = 0']
                    """.formatted(kafka.bootstrap(), topic,
                    TestSink.sinkYaml(db, "table: fake_sink, id_column: msg_id, timestamp_column: seen_at"), messages), intervals);

            long lost = 0;
            long duplicated = 0;
            for (long seq = 0; seq < messages; seq++) {
                lost += drop.test(seq) ? 1 : 0;
                duplicated += twice.test(seq) && !drop.test(seq) ? 1 : 0;
            }
            assertThat(result.status()).as(result.failure()).isEqualTo(RunStatus.COMPLETED);
            StepResult step = result.steps().getFirst();
            assertThat(step.errors()).isZero();
            assertThat(step.counts()).containsEntry("sent", (long) messages).containsEntry("lost", lost)
                    .containsEntry("duplicated", duplicated).containsEntry("delivered", messages - lost);
            assertThat(result.verdicts()).extracting(ThresholdVerdict::passed).containsExactly(false, false);
        } finally {
            running.set(false);
            pipeline.join(10_000);
        }
    }

    @Test
    void aMissingTopicFailsAtOpenWithItsName() throws Exception {
        String db = TestSink.freshDatabase();
        TestSink.execute(db, "CREATE TABLE messages (id text, inserted_at timestamptz)");
        assertThatThrownBy(() -> IngestRuns.spec("{kafka: {bootstrap: '" + kafka.bootstrap() + "', topic: nowhere}, sink: "
                + TestSink.sinkYaml(db, "") + "}", "{driver: ingest}").open(EngineClock.system()))
                .isInstanceOf(DriverException.class).hasMessageContaining("topic nowhere does not exist");
    }

    /** Reads the topic from its start and writes each message's id into {@code fake_sink}: none, one or two rows. */
    private static void faultyPipeline(String topic, String db, LongPredicate drop, LongPredicate twice, AtomicBoolean running) {
        try {
            try (Connection c = TestSink.connect(db);
                 PreparedStatement insert = c.prepareStatement("INSERT INTO fake_sink (msg_id) VALUES (?)");
                 KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrap(),
                         "group.id", "faulty", "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(topic));
                while (running.get()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        JsonNode message = JSON.readTree(r.value());
                        String id = message.path("id").asText();
                        assertThat(r.key()).isEqualTo(id);
                        long seq = Long.parseLong(id.substring(id.length() - 12));
                        int rows = drop.test(seq) ? 0 : twice.test(seq) ? 2 : 1;
                        for (int i = 0; i < rows; i++) {
                            insert.setString(1, id);
                            insert.executeUpdate();
                        }
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
