package dev.benchdeck.driver.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.record.LatencySummary;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.RunStatus;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.engine.result.ThresholdVerdict;
import dev.benchdeck.ingestor.IngestorConfig;
import dev.benchdeck.ingestor.IngestorServer;
import dev.benchdeck.ingestor.store.DatabaseSettings;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The driver against the real ingestor (PostgreSQL queue, embedded PostgreSQL): bursts of N arrive exactly once. */
@Timeout(120)
class IngestorPipelineTest {

    private final List<IntervalSnapshot> intervals = new CopyOnWriteArrayList<>();

    static IngestorServer ingestor(String jdbcUrl) throws Exception {
        DatabaseSettings db = new DatabaseSettings(jdbcUrl, TestSink.postgres().user(), TestSink.postgres().password());
        return IngestorServer.start(IngestorConfig.builder(db).port(0).build());
    }

    @Test
    void aBurstOfSingleMessagesArrivesOnceEachWithASaneEndToEndDistribution() throws Exception {
        String db = TestSink.freshDatabase();
        try (IngestorServer ingestor = ingestor(db)) {
            RunResult result = IngestRuns.run("""
                    name: burst
                    target:
                      http: {url: '%s/messages'}
                      sink: %s
                    workload: {driver: ingest, poll_interval: 5ms, grace: 10s}
                    load: {model: closed, users: 32, requests: 1000}
                    thresholds: ['lost = 0', 'duplicated = 0', 'delivered = 1000', 'e2e.p99 < 5s']
                    """.formatted(ingestor.baseUri(), TestSink.sinkYaml(db, "")), intervals);

            assertThat(result.status()).as(result.failure()).isEqualTo(RunStatus.COMPLETED);
            StepResult step = result.steps().getFirst();
            assertThat(step.requests()).as(step.toString()).isEqualTo(1000);
            assertThat(step.errors()).isZero();
            assertThat(step.counts()).containsEntry("sent", 1000L).containsEntry("delivered", 1000L)
                    .containsEntry("lost", 0L).containsEntry("duplicated", 0L);
            LatencySummary e2e = step.latencies().get("e2e").summary();
            LatencySummary publish = step.latencies().get("latency").summary();
            assertThat(e2e.count()).isEqualTo(1000);
            // a message is visible only after its publish was confirmed (the ingestor answers once queued), and the
            // batch workers need at least one commit after that
            assertThat(e2e.min()).isPositive();
            assertThat(e2e.p50()).isLessThanOrEqualTo(e2e.p99()).isLessThan(5000);
            assertThat(e2e.p50()).isGreaterThanOrEqualTo(publish.min());
            assertThat(step.latencies()).containsKeys("e2e_stamped", "drain");
            assertThat(step.latencies().get("drain").summary().count()).isEqualTo(1);
            assertThat(result.verdicts()).allMatch(ThresholdVerdict::passed);
            assertThat(TestSink.queryLong(db, "SELECT count(*) FROM messages")).isEqualTo(1000);
            assertThat(intervals).isNotEmpty();
            assertThat(intervals.getLast().gauges()).containsKeys("sent", "visible", "backlog");
            assertThat(intervals.getLast().gauges().get("backlog")).isZero();
        }
    }

    @Test
    void batchesAsJsonArraysAndNdjsonCountEveryMessageAcrossSteps() throws Exception {
        String db = TestSink.freshDatabase();
        try (IngestorServer ingestor = ingestor(db)) {
            for (String format : List.of("json", "ndjson")) {
                RunResult result = IngestRuns.run("""
                        name: batches
                        target:
                          http: {url: '%s/messages', format: %s}
                          sink: %s
                        workload: {driver: ingest, batch_size: 50}
                        load: {model: closed, steps: [{users: 4, requests: 40}, {users: 2, requests: 20}]}
                        """.formatted(ingestor.baseUri(), format, TestSink.sinkYaml(db, "")), intervals);

                assertThat(result.status()).as(result.failure()).isEqualTo(RunStatus.COMPLETED);
                assertThat(result.steps()).hasSize(2);
                assertThat(result.steps().get(0).counts()).containsEntry("delivered", 2000L).containsEntry("lost", 0L)
                        .containsEntry("duplicated", 0L);
                assertThat(result.steps().get(1).counts()).containsEntry("delivered", 1000L).containsEntry("lost", 0L);
                assertThat(result.overall().counts()).containsEntry("delivered", 3000L);
                assertThat(result.steps().get(1).latencies().get("e2e").summary().count()).isEqualTo(1000);
            }
            assertThat(TestSink.queryLong(db, "SELECT count(*) FROM messages")).isEqualTo(6000);
        }
    }
    @Test
    void anOpenRateSweepKeepsUpWithEveryRate() throws Exception {
        String db = TestSink.freshDatabase();
        try (IngestorServer ingestor = ingestor(db)) {
            RunResult result = IngestRuns.run("""
                    name: sweep
                    target:
                      http: {url: '%s/messages'}
                      sink: %s
                    workload: {driver: ingest}
                    load: {model: open, arrival: poisson, duration: 1s, steps: [{rate: 100}, {rate: 300}]}
                    """.formatted(ingestor.baseUri(), TestSink.sinkYaml(db, "")), intervals);

            assertThat(result.status()).as(result.failure()).isEqualTo(RunStatus.COMPLETED);
            for (StepResult step : result.steps()) {
                assertThat(step.counts().get("sent")).as(step.label()).isPositive().isEqualTo(step.ok());
                assertThat(step.counts()).as(step.label()).containsEntry("delivered", step.counts().get("sent"))
                        .containsEntry("lost", 0L).containsEntry("duplicated", 0L);
            }
            assertThat(result.steps().get(1).counts().get("sent")).isGreaterThan(result.steps().get(0).counts().get("sent"));
        }
    }
}
