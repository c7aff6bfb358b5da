package dev.benchdeck.server.ingestor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.server.system.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The cards' and the series' figures as read from an ingestor's GET /stats: one definition each. */
class IngestorPointTest {

    private static JsonNode stats(String series) {
        return Json.read("""
                {"total_messages": 1200, "throughput_msgs_per_s": 300, "total_batches": 40, "mean_batch_size": 30.0,
                 "e2e_latency_ms": {"p50": 2.5, "p95": 7.0, "p99": 12.0, "count": 1200},
                 "queue": {"kind": "postgres", "waiting": 15, "unacknowledged": 5},
                 "workers": {"alive": 2},
                 "simulations": [{"id": "sim-1-a", "count": 500, "rate": 0.0, "published": 500, "state": "done", "started_at": "x"}],
                 "series": %s}""".formatted(series));
    }

    @Test
    void queueDepthIsWaitingPlusUnacknowledgedAndTheCardsCarryTheIngestorsOwnFigures() {
        IngestorStats s = IngestorStats.of(7, Instant.EPOCH, stats("[]"));
        assertThat(s.status()).isEqualTo("connected");
        assertThat(s.queueDepth()).isEqualTo(20);
        assertThat(s.totalMessages()).isEqualTo(1200);
        assertThat(s.throughputMsgsPerS()).isEqualTo(300.0);
        assertThat(s.meanBatchSize()).isEqualTo(30.0);
        assertThat(s.e2eP99Ms()).isEqualTo(12.0);
        assertThat(s.workersAlive()).isEqualTo(2);
        assertThat(s.simulations()).extracting(IngestorStats.Simulation::state).containsExactly("done");
    }

    @Test
    void anUnreadableQueueHasNoDepthAndSaysWhy() {
        JsonNode body = Json.read("{\"total_messages\": 3, \"queue\": {\"kind\": \"redis\", \"waiting\": null, \"unacknowledged\": null, \"error\": \"refused\"}}");
        IngestorStats s = IngestorStats.of(7, Instant.EPOCH, body);
        assertThat(s.queueDepth()).isNull();
        assertThat(s.error()).isEqualTo("queue: refused");
    }

    @Test
    void aPointsLatencyIsTheIngestorsLastSecondAndAGapWhenThatSecondStoredNothing() {
        String busy = "[{\"t\": 1, \"msgs_per_s\": 0, \"e2e_p95_ms\": 0, \"e2e_p99_ms\": 0}, {\"t\": 2, \"msgs_per_s\": 250, \"e2e_p95_ms\": 4.5, \"e2e_p99_ms\": 9.0}]";
        JsonNode body = stats(busy);
        IngestorPoint point = IngestorPoint.of(2000, IngestorStats.of(7, Instant.EPOCH, body), body.get("series"));
        assertThat(point.e2eP95Ms()).isEqualTo(4.5);
        assertThat(point.e2eP99Ms()).isEqualTo(9.0);
        assertThat(point.msgsPerS()).isEqualTo(300.0);
        assertThat(point.queueDepth()).isEqualTo(20);

        JsonNode idle = stats("[{\"t\": 1, \"msgs_per_s\": 0, \"e2e_p95_ms\": 0, \"e2e_p99_ms\": 0}]");
        IngestorPoint quiet = IngestorPoint.of(2000, IngestorStats.of(7, Instant.EPOCH, idle), idle.get("series"));
        assertThat(quiet.e2eP95Ms()).as("0 ms would be a figure no message had").isNull();
        assertThat(IngestorPoint.gap(5).msgsPerS()).isNull();
    }

    @Test
    void theSeriesKeepsItsLastPointsOnly() {
        IngestorSeries series = new IngestorSeries();
        for (int i = 0; i < IngestorSeries.CAPACITY + 20; i++) {
            series.add(IngestorPoint.gap(i), IngestorStats.disconnected(7, Instant.EPOCH, "x"));
        }
        assertThat(series.points()).hasSize(IngestorSeries.CAPACITY);
        assertThat(series.points().getFirst().t()).isEqualTo(20);
        assertThat(series.latest().status()).isEqualTo("disconnected");
    }
}
