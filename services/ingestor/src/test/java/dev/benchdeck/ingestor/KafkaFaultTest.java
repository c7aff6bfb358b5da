package dev.benchdeck.ingestor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.engine.testkit.KafkaProcess;
import dev.benchdeck.ingestor.message.Message;
import dev.benchdeck.ingestor.queue.Delivery;
import dev.benchdeck.ingestor.queue.QueueConsumer;
import dev.benchdeck.ingestor.queue.kafka.KafkaQueue;
import dev.benchdeck.ingestor.store.DatabaseSettings;
import dev.benchdeck.ingestor.store.MessageStore;
import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.Test;

/**
 * The Kafka queue's group and faults: the workers share the partitions, a worker dies before committing, the broker
 * goes away and comes back.
 */
class KafkaFaultTest {

    private static String batch(String prefix, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(Http.message(prefix + i, i, "m")).append('\n');
        }
        return b.toString();
    }

    @Test
    void theGroupSpreadsThePartitionsOverTheWorkers() throws Exception {
        DatabaseSettings db = TestDatabase.freshDatabase();
        String topic = TestKafka.topic("spread");
        String bootstrap = TestKafka.shared().bootstrap();
        try (IngestorServer ingestor = IngestorServer.start(IngestorConfig.builder(db).port(0).kafkaBootstrap(bootstrap)
                .kafkaTopic(topic).kafkaPartitions(4).workers(2).build());
             Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Http.await(Duration.ofSeconds(20), () -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(IngestorServer.CONSUMER_GROUP))
                        .all().get().get(IngestorServer.CONSUMER_GROUP);
                return group.members().size() == 2 && group.members().stream()
                        .allMatch(m -> m.assignment().topicPartitions().size() == 2);
            });
            assertThat(Http.post(ingestor.baseUri(), "/messages", "application/x-ndjson", batch("p-", 100)).status()).isEqualTo(202);
            Http.await(Duration.ofSeconds(10), () -> TestDatabase.queryLong(db, "SELECT count(*) FROM messages") == 100);
        }
    }

    @Test
    void aWorkerThatDiesAfterTheDatabaseCommitButBeforeTheOffsetCommitMakesNoSecondRow() throws Exception {
        DatabaseSettings db = TestDatabase.freshDatabase();
        String topic = TestKafka.topic("ghost");
        String bootstrap = TestKafka.shared().bootstrap();
        try (IngestorServer ingestor = IngestorServer.start(IngestorConfig.builder(db).port(0).kafkaBootstrap(bootstrap)
                .kafkaTopic(topic).kafkaPartitions(2).workers(0).build())) {
            assertThat(Http.post(ingestor.baseUri(), "/messages", "application/x-ndjson", batch("g-", 50)).status()).isEqualTo(202);
            // a worker of another ingestor takes all 50, stores them, and dies before it commits the offsets
            try (KafkaQueue other = KafkaQueue.open(bootstrap, topic, 2, IngestorServer.CONSUMER_GROUP)) {
                QueueConsumer ghost = other.consumer("ghost-w0");
                List<Message> taken = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (taken.size() < 50 && System.nanoTime() < deadline) {
                    Delivery d = ghost.take(500, Duration.ofMillis(50));
                    taken.addAll(d.messages());
                }
                assertThat(taken).hasSize(50);
                try (Connection c = db.connect()) {
                    MessageStore.prepareWriter(c);
                    c.setAutoCommit(false);
                    assertThat(MessageStore.write(c, taken, Instant.now())).isEqualTo(50);
                    c.commit();
                }
                ghost.close();
            }
            assertThat(ingestor.stats().path("queue").path("waiting").asLong()).isEqualTo(50);
            ingestor.startWorkers(1);
            Http.await(Duration.ofSeconds(20), () -> ingestor.ingestStats().batchedMessages() == 50
                    && ingestor.stats().path("queue").path("waiting").asLong() == 0
                    && ingestor.stats().path("queue").path("unacknowledged").asLong() == 0);
            assertThat(TestDatabase.queryLong(db, "SELECT count(*) FROM messages")).isEqualTo(50);
            assertThat(ingestor.stats().path("redelivered_skipped").asLong()).isEqualTo(50);
        }
    }

    @Test
    void brokerDownRefusesWithA503HealthSaysWhyAndNothingConfirmedIsLost() throws Exception {
        DatabaseSettings db = TestDatabase.freshDatabase();
        try (KafkaProcess kafka = KafkaProcess.start();
             IngestorServer ingestor = IngestorServer.start(IngestorConfig.builder(db).port(0).kafkaBootstrap(kafka.bootstrap())
                     .kafkaTopic(TestKafka.topic("down")).kafkaPartitions(2).workers(0).build())) {
            URI base = ingestor.baseUri();
            assertThat(Http.post(base, "/messages", "application/x-ndjson", batch("before-", 300)).status()).isEqualTo(202);
            kafka.kill();
            Http.Answer refused = Http.post(base, "/messages", "application/json", Http.message("during", 1, "m"));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.contentType()).isEqualTo("application/problem+json");
            assertThat(refused.body().path("detail").asText()).contains("Kafka");
            Http.Answer health = Http.get(base, "/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body().path("queue").path("reachable").asBoolean()).isFalse();
            assertThat(health.body().path("queue").path("reason").asText()).startsWith("Kafka (" + kafka.bootstrap() + ")");
            assertThat(health.body().path("publishing").asText()).startsWith("refused");
            ingestor.startWorkers(2);
            kafka.restart();
            Http.await(Duration.ofSeconds(30), () -> Http.post(base, "/messages", "application/json", Http.message("after", 1, "m")).status() == 202);
            Http.await(Duration.ofSeconds(30), () -> TestDatabase.queryLong(db, "SELECT count(*) FROM messages") == 301);
            assertThat(TestDatabase.queryLong(db, "SELECT count(*) FROM messages WHERE id = 'during'")).isZero();
            Http.await(Duration.ofSeconds(10), () -> Http.get(base, "/health").status() == 200);
        }
    }
}
