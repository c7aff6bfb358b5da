package dev.benchdeck.driver.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.RunStatus;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.engine.testkit.RedisProcess;
import dev.benchdeck.ingestor.IngestorConfig;
import dev.benchdeck.ingestor.IngestorServer;
import dev.benchdeck.ingestor.store.DatabaseSettings;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Redis entry against a real redis-server: XADD into the ingestor's own stream, LPUSH into a list nobody reads. */
@Timeout(120)
class RedisEntryTest {

    private final List<IntervalSnapshot> intervals = new CopyOnWriteArrayList<>();

    @Test
    void messagesAddedToTheIngestorsStreamArriveOnceEach() throws Exception {
        String db = TestSink.freshDatabase();
        String stream = "test:" + System.nanoTime();
        DatabaseSettings settings = new DatabaseSettings(db, TestSink.postgres().user(), TestSink.postgres().password());
        try (RedisProcess redis = RedisProcess.start();
             IngestorServer ingestor = IngestorServer.start(IngestorConfig.builder(settings).port(0).redisUrl(redis.url())
                     .stream(stream).build())) {
            RunResult result = IngestRuns.run("""
                    name: redis stream
                    target:
                      redis: {url: '%s', stream: '%s'}
                      sink: %s
                    workload: {driver: ingest, batch_size: 20}
                    load: {model: open, rate: 200, requests: 50}
                    """.formatted(redis.url(), stream, TestSink.sinkYaml(db, "")), intervals);

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
    void messagesPushedToAListNobodyReadsAreThereInRedisAndLostInTheSink() throws Exception {
        String db = TestSink.freshDatabase();
        TestSink.execute(db, "CREATE TABLE messages (id text PRIMARY KEY, inserted_at timestamptz NOT NULL)");
        try (RedisProcess redis = RedisProcess.start()) {
            RunResult result = IngestRuns.run("""
                    name: redis list
                    target:
                      redis: {url: '%s', list: inbox, encoding: json}
                      sink: %s
                    workload: {driver: ingest, grace: 500ms}
                    load: {model: closed, users: 2, requests: 30}
                    """.formatted(redis.url(), TestSink.sinkYaml(db, "")), intervals);

            assertThat(result.status()).as(result.failure()).isEqualTo(RunStatus.COMPLETED);
            assertThat(result.steps().getFirst().counts()).containsEntry("sent", 30L).containsEntry("lost", 30L)
                    .containsEntry("delivered", 0L);
            RedisClient client = RedisClient.create(redis.url().toString());
            try (StatefulRedisConnection<String, String> c = client.connect()) {
                assertThat(c.sync().llen("inbox")).isEqualTo(30);
                assertThat(c.sync().lindex("inbox", 0)).startsWith("{\"id\":\"bd-").contains("\"created_at\":\"");
            } finally {
                client.shutdown();
            }
        }
    }
}
