package dev.benchdeck.driver.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.RunStatus;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.engine.result.ThresholdVerdict;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A fake pipeline (an HTTP endpoint that writes the rows itself, into a table without a unique id) that answers 202
 * for every message but drops some and writes others twice, on purpose: the driver counts exactly those.
 */
@Timeout(60)
class LostAndDuplicatedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MESSAGES = 200;

    /** Writes each posted message (one JSON object) into {@code fake_sink}: none, one or two rows. */
    private static HttpServer fakePipeline(String db, LongPredicate drop, LongPredicate twice) throws Exception {
        TestSink.execute(db, "CREATE TABLE fake_sink (msg_id text NOT NULL, seen_at timestamptz NOT NULL DEFAULT now());"
                + " CREATE INDEX ON fake_sink (msg_id)");
        Connection c = TestSink.connect(db);
        PreparedStatement insert = c.prepareStatement("INSERT INTO fake_sink (msg_id) VALUES (?)");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/messages", exchange -> {
            JsonNode message = JSON.readTree(exchange.getRequestBody());
            String id = message.path("id").asText();
            long seq = Long.parseLong(id.substring(id.length() - 12));
            int rows = drop.test(seq) ? 0 : twice.test(seq) ? 2 : 1;
            try {
                synchronized (insert) {
                    for (int i = 0; i < rows; i++) {
                        insert.setString(1, id);
                        insert.executeUpdate();
                    }
                }
                exchange.sendResponseHeaders(202, -1);
            } catch (java.sql.SQLException e) {
                exchange.sendResponseHeaders(500, -1);
            }
            exchange.close();
        });
        server.start();
        return server;
    }

    private static long count(LongPredicate p) {
        long n = 0;
        for (long seq = 0; seq < MESSAGES; seq++) {
            n += p.test(seq) ? 1 : 0;
        }
        return n;
    }

    @Test
    void aSinkThatDropsAndDuplicatesIsCountedMessageByMessage() throws Exception {
        String db = TestSink.freshDatabase();
        LongPredicate drop = seq -> seq % 10 == 3;
        LongPredicate twice = seq -> seq % 7 == 0;
        HttpServer fake = fakePipeline(db, drop, twice);
        List<IntervalSnapshot> intervals = new CopyOnWriteArrayList<>();
        try {
            RunResult result = IngestRuns.run("""
                    name: faulty sink
                    target:
                      http: {url: 'http://127.0.0.1:%d/messages'}
                      sink: %s
                    workload: {driver: ingest, grace: 2500ms}
                    load: {model: closed, users: 4, requests: %d}
                    thresholds: ['lost = 0', 'duplicated = 0']
                    """.formatted(fake.getAddress().getPort(),
                    TestSink.sinkYaml(db, "table: fake_sink, id_column: msg_id, timestamp_column: seen_at"), MESSAGES), intervals);

            long lost = count(drop);
            long duplicated = count(seq -> twice.test(seq) && !drop.test(seq));
            assertThat(lost).isPositive();
            assertThat(duplicated).isPositive();
            assertThat(result.status()).as(result.failure()).isEqualTo(RunStatus.COMPLETED);
            StepResult step = result.steps().getFirst();
            assertThat(step.errors()).isZero();
            assertThat(step.counts()).containsEntry("sent", (long) MESSAGES).containsEntry("lost", lost)
                    .containsEntry("duplicated", duplicated).containsEntry("delivered", MESSAGES - lost);
            assertThat(step.latencies().get("e2e").summary().count()).isEqualTo(MESSAGES - lost);
            // the pipeline never drained: no drain time, and the lost messages stayed in the backlog (the intervals go
            // on while the driver waits) until the grace ran out
            assertThat(step.latencies()).doesNotContainKey("drain");
            assertThat(intervals).anyMatch(i -> i.gauges().get("backlog") == lost);
            assertThat(result.verdicts()).extracting(ThresholdVerdict::passed).containsExactly(false, false);
            List<Double> actual = new ArrayList<>();
            result.verdicts().forEach(v -> actual.add(v.actual()));
            assertThat(actual).containsExactly((double) lost, (double) duplicated);
        } finally {
            fake.stop(0);
        }
    }
}
