package dev.benchdeck.ingestor;

import dev.benchdeck.engine.testkit.RedisProcess;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.ingestor.message.Message;
import dev.benchdeck.ingestor.queue.Delivery;
import dev.benchdeck.ingestor.queue.QueueConsumer;
import dev.benchdeck.ingestor.queue.redis.RedisStreamQueue;
import dev.benchdeck.ingestor.store.DatabaseSettings;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Workers that die, a Redis that goes away, a database that goes away: nothing confirmed is lost or doubled. */
class FaultTest {

    private static String batch(String prefix, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(Http.message(prefix + i, i, "m")).append('\n');
        }
        return b.toString();
    }

    @Test
    void xautoclaimTakesOverWhatADeadWorkerLeftPending() throws Exception {
        DatabaseSettings db = TestDatabase.freshDatabase();
        String stream = "test:claim:" + System.nanoTime();
        try (RedisProcess redis = RedisProcess.startDurable();
             IngestorServer ingestor = IngestorServer.start(IngestorConfig.builder(db).port(0).redisUrl(redis.url()).stream(stream)
                     .workers(0).claimAfter(Duration.ofMillis(600)).build())) {
            assertThat(Http.post(ingestor.baseUri(), "/messages", "application/x-ndjson", batch("c-", 50)).status()).isEqualTo(202);
            // a worker of another ingestor takes them all, then dies without acknowledging
            try (RedisStreamQueue other = RedisStreamQueue.open(redis.url(), stream, "benchdeck-ingestors", Duration.ofMillis(600))) {
                QueueConsumer ghost = other.consumer("ghost-w0");
                Delivery taken = ghost.take(500, Duration.ofMillis(50));
                assertThat(taken.size()).isEqualTo(50);
                ghost.close();
            }
            assertThat(ingestor.stats().path("queue").path("unacknowledged").asLong()).isEqualTo(50);
            ingestor.startWorkers(1);
            Http.await(Duration.ofSeconds(10), () -> TestDatabase.queryLong(db, "SELECT count(*) FROM messages") == 50);
            Http.await(Duration.ofSeconds(5), () -> ingestor.stats().path("queue").path("unacknowledged").asLong() == 0);
            assertThat(ingestor.stats().path("queue").path("waiting").asLong()).isZero();
        }
    }

    @Test
    void aRedeliveredBatchMakesNoSecondRow() throws Exception {
        DatabaseSettings db = TestDatabase.freshDatabase();
        String stream = "test:redeliver:" + System.nanoTime();
        try (RedisProcess redis = RedisProcess.startDurable();
             IngestorServer ingestor = IngestorServer.start(IngestorConfig.builder(db).port(0).redisUrl(redis.url()).stream(stream).build());
             RedisStreamQueue queue = RedisStreamQueue.open(redis.url(), stream, "benchdeck-ingestors", Duration.ofSeconds(30))) {
            List<Message> same = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                same.add(new Message("r-" + i, i, 1, "m", Instant.now()));
            }
            // the same entries queued three times, as a queue redelivering after a lost acknowledgement would
            for (int round = 0; round < 3; round++) {
                queue.publish(same).join();
            }
            Http.await(Duration.ofSeconds(10), () -> ingestor.stats().path("queue").path("waiting").asLong() == 0
                    && ingestor.ingestStats().batchedMessages() == 60);
            assertThat(TestDatabase.queryLong(db, "SELECT count(*) FROM messages")).isEqualTo(20);
            assertThat(ingestor.stats().path("redelivered_skipped").asLong()).isEqualTo(40);
        }
    }

    @Test
    void redisDownRefusesWithA503HealthSaysWhyAndNothingConfirmedIsLost() throws Exception {
        DatabaseSettings db = TestDatabase.freshDatabase();
        try (RedisProcess redis = RedisProcess.startDurable();
             IngestorServer ingestor = IngestorServer.start(IngestorConfig.builder(db).port(0).redisUrl(redis.url())
                     .stream("test:down:" + System.nanoTime()).workers(0).build())) {
            URI base = ingestor.baseUri();
            assertThat(Http.post(base, "/messages", "application/x-ndjson", batch("before-", 300)).status()).isEqualTo(202);
            redis.kill();
            Http.Answer refused = Http.post(base, "/messages", "application/json", Http.message("during", 1, "m"));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.contentType()).isEqualTo("application/problem+json");
            assertThat(refused.body().path("detail").asText()).contains("Redis");
            Http.Answer health = Http.get(base, "/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body().path("queue").path("reachable").asBoolean()).isFalse();
            assertThat(health.body().path("queue").path("reason").asText()).contains("Redis");
            ingestor.startWorkers(2);
            Thread.sleep(500);
            redis.restart();
            Http.await(Duration.ofSeconds(15), () -> Http.post(base, "/messages", "application/json", Http.message("after", 1, "m")).status() == 202);
            Http.await(Duration.ofSeconds(15), () -> TestDatabase.queryLong(db, "SELECT count(*) FROM messages") == 301);
            assertThat(TestDatabase.queryLong(db, "SELECT count(*) FROM messages WHERE id = 'during'")).isZero();
            Http.await(Duration.ofSeconds(5), () -> Http.get(base, "/health").status() == 200);
        }
    }

    @Test
    void databaseDownWithRedisKeepsQueueingHealthSaysWhyAndWritingResumes() throws Exception {
        try (TestDatabase pg = TestDatabase.dedicated(); RedisProcess redis = RedisProcess.startDurable()) {
            DatabaseSettings db = pg.settings();
            try (IngestorServer ingestor = IngestorServer.start(IngestorConfig.builder(db).port(0).redisUrl(redis.url())
                    .stream("test:dbdown:" + System.nanoTime()).build())) {
                URI base = ingestor.baseUri();
                assertThat(Http.post(base, "/messages", "application/x-ndjson", batch("a-", 100)).status()).isEqualTo(202);
                Http.await(Duration.ofSeconds(10), () -> TestDatabase.queryLong(db, "SELECT count(*) FROM messages") == 100);
                pg.stop();
                assertThat(Http.post(base, "/messages", "application/x-ndjson", batch("b-", 100)).status()).isEqualTo(202);
                Http.Answer health = Http.get(base, "/health");
                assertThat(health.status()).isEqualTo(503);
                JsonNode d = health.body().path("database");
                assertThat(d.path("reachable").asBoolean()).isFalse();
                assertThat(d.path("reason").asText()).startsWith("PostgreSQL");
                assertThat(health.body().path("publishing").asText()).startsWith("accepted");
                assertThat(Http.get(base, "/messages?limit=5").status()).isEqualTo(503);
                pg.startAgain();
                Http.await(Duration.ofSeconds(30), () -> TestDatabase.queryLong(db, "SELECT count(*) FROM messages") == 200);
                Http.await(Duration.ofSeconds(5), () -> Http.get(base, "/health").status() == 200);
                assertThat(TestDatabase.queryLong(db, "SELECT count(DISTINCT id) FROM messages")).isEqualTo(200);
            }
        }
    }

    @Test
    void databaseDownWithThePostgresQueueRefusesWith503AndResumes() throws Exception {
        try (TestDatabase pg = TestDatabase.dedicated()) {
            DatabaseSettings db = pg.settings();
            try (IngestorServer ingestor = IngestorServer.start(IngestorConfig.builder(db).port(0).build())) {
                URI base = ingestor.baseUri();
                assertThat(Http.post(base, "/messages", "application/x-ndjson", batch("a-", 100)).status()).isEqualTo(202);
                pg.stop();
                Http.Answer refused = Http.post(base, "/messages", "application/json", Http.message("during", 1, "m"));
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.body().path("detail").asText()).contains("PostgreSQL");
                Http.Answer health = Http.get(base, "/health");
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.body().path("database").path("reason").asText()).startsWith("PostgreSQL");
                pg.startAgain();
                Http.await(Duration.ofSeconds(20), () -> Http.post(base, "/messages", "application/json", Http.message("after", 1, "m")).status() == 202);
                Http.await(Duration.ofSeconds(20), () -> TestDatabase.queryLong(db, "SELECT count(*) FROM messages") == 101);
                assertThat(TestDatabase.queryLong(db, "SELECT count(*) FROM ingest_queue")).isZero();
            }
        }
    }
}
