package dev.benchdeck.ingestor;

import dev.benchdeck.engine.testkit.RedisProcess;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.ingestor.store.DatabaseSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pipeline on each queue (PostgreSQL, Redis Streams, Kafka): messages go in, rows come out once, in batches by size
 * and by wait; reads, stats, health, the simulator and the live feed.
 */
class PipelineTest {

    static IngestorConfig.Builder config(String queue, DatabaseSettings db, RedisProcess redis) {
        IngestorConfig.Builder b = IngestorConfig.builder(db).port(0).stream("test:" + System.nanoTime());
        return switch (queue) {
            case "redis" -> b.redisUrl(redis.url());
            // two partitions: the two workers of a default ingestor get one each
            case "kafka" -> b.kafkaBootstrap(TestKafka.shared().bootstrap()).kafkaTopic(TestKafka.topic("pipeline")).kafkaPartitions(2);
            default -> b;
        };
    }

    static RedisProcess redisFor(String queue) throws Exception {
        return queue.equals("redis") ? RedisProcess.startDurable() : null;
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "redis", "kafka"})
    void messagesAreStoredOnceAndReadBack(String queue) throws Exception {
        DatabaseSettings db = TestDatabase.freshDatabase();
        try (RedisProcess redis = redisFor(queue);
             IngestorServer ingestor = IngestorServer.start(config(queue, db, redis).build())) {
            URI base = ingestor.baseUri();
            Http.Answer one = Http.post(base, "/messages", "application/json", Http.message("m-1", 5, "hello\\tworld\\\\n"));
            assertThat(one.status()).isEqualTo(202);
            assertThat(one.body().path("ids").get(0).asText()).isEqualTo("m-1");
            Http.Answer gen = Http.post(base, "/messages", "application/x-ndjson", Http.message(null, 6, "a") + "\n" + Http.message(null, 7, "b") + "\n");
            assertThat(gen.status()).isEqualTo(202);
            String generated = gen.body().path("ids").get(1).asText();
            assertThat(generated).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            // the same id again, alone and inside a batch, once the first is stored (until then two workers may race
            // and either copy may win: an id stands for one message, its content is not compared): still one row
            Http.await(Duration.ofSeconds(10), () -> Http.get(base, "/messages/m-1").status() == 200);
            assertThat(Http.post(base, "/messages", "application/json", Http.message("m-1", 5, "again")).status()).isEqualTo(202);
            assertThat(Http.post(base, "/messages", "application/json", "[" + Http.message("m-1", 5, "x") + "," + Http.message("m-2", 5, "y") + "]")
                    .status()).isEqualTo(202);
            Http.await(Duration.ofSeconds(10), () -> TestDatabase.queryLong(db, "SELECT count(*) FROM messages") == 4
                    && ingestor.stats().path("queue").path("waiting").asLong() == 0 && ingestor.stats().path("queue").path("unacknowledged").asLong() == 0);
            Thread.sleep(300);
            assertThat(TestDatabase.queryLong(db, "SELECT count(*) FROM messages")).isEqualTo(4);
            Http.Answer m1 = Http.get(base, "/messages/m-1");
            assertThat(m1.status()).isEqualTo(200);
            assertThat(m1.body().path("content").asText()).isEqualTo("hello\tworld\\n");
            assertThat(Http.get(base, "/messages/" + generated).body().path("user_id").asLong()).isEqualTo(7);
            JsonNode newest = Http.get(base, "/messages?limit=2").body().path("messages");
            assertThat(newest).hasSize(2);
            assertThat(newest.get(0).path("inserted_at").asText()).isGreaterThanOrEqualTo(newest.get(1).path("inserted_at").asText());
            Http.await(Duration.ofSeconds(3), () -> Http.get(base, "/stats").body().path("e2e_latency_ms").path("count").asLong() >= 6);
            JsonNode stats = Http.get(base, "/stats").body();
            assertThat(stats.path("total_messages").asLong()).isEqualTo(4);
            assertThat(stats.path("accepted").asLong()).isEqualTo(6);
            assertThat(stats.path("redelivered_skipped").asLong()).isEqualTo(2);
            assertThat(stats.path("workers").path("alive").asInt()).isEqualTo(2);
            assertThat(stats.path("queue").path("kind").asText()).isEqualTo(queue);
            JsonNode health = Http.get(base, "/health").body();
            assertThat(health.path("status").asText()).isEqualTo("ok");
            assertThat(Http.get(base, "/metrics").raw()).contains("ingestor_messages_total 4");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "redis", "kafka"})
    void batchesAreCutBySize(String queue) throws Exception {
        DatabaseSettings db = TestDatabase.freshDatabase();
        try (RedisProcess redis = redisFor(queue);
             IngestorServer ingestor = IngestorServer.start(config(queue, db, redis).workers(0).batchSize(500)
                     .batchWait(Duration.ofMillis(500)).build())) {
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i < 1200; i++) {
                batch.append(Http.message("s-" + i, i, "m")).append('\n');
            }
            assertThat(Http.post(ingestor.baseUri(), "/messages", "application/x-ndjson", batch.toString()).status()).isEqualTo(202);
            ingestor.startWorkers(1);
            Http.await(Duration.ofSeconds(10), () -> TestDatabase.queryLong(db, "SELECT count(*) FROM messages") == 1200);
            Http.await(Duration.ofSeconds(2), () -> ingestor.ingestStats().batches() == 3 && ingestor.ingestStats().batchedMessages() == 1200);
            // 500 + 500 by size, then the 200 left once the wait ran out
            assertThat(ingestor.ingestStats().batches()).isEqualTo(3);
            assertThat(TestDatabase.queryLong(db, "SELECT count(DISTINCT inserted_at) FROM messages")).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "redis", "kafka"})
    void batchesAreCutByWait(String queue) throws Exception {
        DatabaseSettings db = TestDatabase.freshDatabase();
        try (RedisProcess redis = redisFor(queue);
             IngestorServer ingestor = IngestorServer.start(config(queue, db, redis).workers(1).batchSize(500)
                     .batchWait(Duration.ofMillis(400)).build())) {
            Thread.sleep(300);
            for (int i = 0; i < 5; i++) {
                assertThat(Http.post(ingestor.baseUri(), "/messages", "application/json", Http.message("w-" + i, i, "m")).status()).isEqualTo(202);
                Thread.sleep(20);
            }
            // the counters move just after the commit, so wait for both the rows and the batch count
            Http.await(Duration.ofSeconds(5), () -> TestDatabase.queryLong(db, "SELECT count(*) FROM messages") == 5
                    && ingestor.ingestStats().batches() >= 1);
            // five messages 20 ms apart all arrived within the 400 ms wait of the first: one batch
            assertThat(ingestor.ingestStats().batches()).isEqualTo(1);
            Thread.sleep(600);
            assertThat(Http.post(ingestor.baseUri(), "/messages", "application/json", Http.message("w-late", 1, "m")).status()).isEqualTo(202);
            Http.await(Duration.ofSeconds(5), () -> ingestor.ingestStats().batches() == 2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "redis", "kafka"})
    void aSimulatedBurstDrainsAndTheLiveFeedShowsIt(String queue) throws Exception {
        DatabaseSettings db = TestDatabase.freshDatabase();
        try (RedisProcess redis = redisFor(queue);
             IngestorServer ingestor = IngestorServer.start(config(queue, db, redis).build())) {
            HttpURLConnection feed = (HttpURLConnection) ingestor.baseUri().resolve("/events").toURL().openConnection();
            feed.setReadTimeout(10_000);
            assertThat(feed.getResponseCode()).isEqualTo(200);
            assertThat(feed.getContentType()).isEqualTo("text/event-stream");
            BufferedReader events = new BufferedReader(new InputStreamReader(feed.getInputStream(), StandardCharsets.UTF_8));
            Http.Answer sim = Http.post(ingestor.baseUri(), "/simulate", "application/json", "{\"count\":500,\"content\":\"burst {n}\"}");
            assertThat(sim.status()).isEqualTo(202);
            String id = sim.body().path("id").asText();
            Http.await(Duration.ofSeconds(10), () -> TestDatabase.queryLong(db, "SELECT count(*) FROM messages") == 500);
            assertThat(Http.get(ingestor.baseUri(), "/simulate/" + id).body().path("state").asText()).isEqualTo("done");
            boolean sawStats = false;
            boolean sawMessages = false;
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            String line;
            while ((!sawStats || !sawMessages) && System.nanoTime() < deadline && (line = events.readLine()) != null) {
                sawStats |= line.equals("event: stats");
                sawMessages |= line.startsWith("data: {\"count\":") && line.contains("burst ");
            }
            feed.disconnect();
            assertThat(sawStats).isTrue();
            assertThat(sawMessages).isTrue();
        }
    }
}
