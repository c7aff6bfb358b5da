package dev.benchdeck.engine.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.result.StepResult;
import org.junit.jupiter.api.Test;

class StepRecorderTest {

    private static final long MS = 1_000_000L;

    @Test
    void latencyCountsFromTheIntendedStartAndServiceTimeFromTheSend() {
        // 90 requests start on time and take 2 ms; 10 were due during a 1 s stall and could only be sent at its end
        StepRecorder recorder = new StepRecorder(0);
        for (int i = 0; i < 90; i++) {
            long intended = i * 10 * MS;
            recorder.started();
            recorder.record(intended, Outcome.success(Timings.of(intended, intended + 2 * MS)), true);
        }
        for (int i = 0; i < 10; i++) {
            long intended = 1000 * MS + i * 100 * MS;
            long send = 2000 * MS;
            recorder.started();
            recorder.record(intended, Outcome.success(Timings.of(send, send + 2 * MS)), true);
        }
        StepResult result = recorder.result(0, "rate=100/s", 1.0, false, null);
        assertThat(result.latencies().get(StepResult.SERVICE_TIME).summary().max()).isCloseTo(2.0, within(0.01));
        assertThat(result.latency().summary().p50()).isCloseTo(2.0, within(0.01));
        assertThat(result.latency().summary().p95()).isCloseTo(502.0, within(1.0));
        assertThat(result.latency().summary().max()).isCloseTo(1002.0, within(1.0));
        assertThat(recorder.inFlight()).isZero();
    }

    @Test
    void scheduledRequestsKeepTheirLagFromIntendedStartToWhenTheDriverBeganThem() {
        StepRecorder recorder = new StepRecorder(0);
        for (int i = 0; i < 99; i++) {
            long intended = i * 10 * MS;
            recorder.started();
            recorder.record(intended, Outcome.success(Timings.of(intended + MS / 10, intended + 5 * MS)), true, true);
        }
        // began 3 ms late, then waited 40 ms for a pooled connection: the wait is connect_wait, not lag
        recorder.started();
        recorder.record(990 * MS, Outcome.success(new Timings(1033 * MS, Timings.NONE, 1035 * MS, Timings.NONE, 40 * MS)), true, true);
        IntervalSnapshot live = recorder.interval(1000 * MS, 0, 1.0, 0, "x", IntervalSnapshot.Phase.MEASURE, 1, java.util.Map.of(), null);
        StepResult result = recorder.result(0, "rate=100/s", 1.0, false, null);

        var lag = result.latencies().get(StepResult.SCHEDULE_LAG).summary();
        assertThat(lag.count()).isEqualTo(100);
        assertThat(lag.p50()).isCloseTo(0.1, within(0.001));
        assertThat(lag.max()).isCloseTo(3.0, within(0.01));
        assertThat(live.lagP99()).isCloseTo(0.1, within(0.001));
        // a p99 of 0.1 ms is within the 1 ms limit
        assertThat(result.generatorSaturated()).isFalse();
        assertThat(result.metric("schedule_lag.p99")).isCloseTo(0.1, within(0.001));
    }

    @Test
    void unscheduledRequestsHaveNoLag() {
        StepRecorder recorder = new StepRecorder(0);
        recorder.started();
        recorder.record(0, Outcome.success(Timings.of(5 * MS, 6 * MS)), true);
        assertThat(recorder.interval(MS, 0, 1.0, 0, "x", IntervalSnapshot.Phase.MEASURE, 1, java.util.Map.of(), null).lagP99()).isNull();
        assertThat(recorder.result(0, "x", 1.0, false, null).latencies()).doesNotContainKey(StepResult.SCHEDULE_LAG);
    }

    @Test
    void outcomesOutsideTheWindowShowLiveButNotInResults() {
        StepRecorder recorder = new StepRecorder(0);
        recorder.started();
        recorder.record(0, Outcome.success(Timings.of(0, MS)), false);
        recorder.started();
        recorder.record(0, Outcome.failure("timeout", "read timed out", Timings.of(0, 5 * MS)), true);
        recorder.dropped(true);
        recorder.dropped(false);

        IntervalSnapshot live = recorder.interval(1000 * MS, 0, 1.0, 0, "x", IntervalSnapshot.Phase.MEASURE, 1, java.util.Map.of("pool.active", 3.0), null);
        assertThat(live.completed()).isEqualTo(2);
        assertThat(live.errors()).isEqualTo(1);
        assertThat(live.gauges()).containsEntry("pool.active", 3.0);
        assertThat(live.dropped()).isEqualTo(2);

        StepResult result = recorder.result(0, "x", 1.0, false, null);
        assertThat(result.requests()).isEqualTo(1);
        assertThat(result.errorsByClass()).containsEntry("timeout", 1L);
        assertThat(result.dropped()).isEqualTo(1);
        assertThat(result.errorSamples()).singleElement().extracting(s -> s.message()).isEqualTo("read timed out");
    }

    @Test
    void nothingIsRecordedAfterClose() {
        StepRecorder recorder = new StepRecorder(0);
        recorder.started();
        recorder.close();
        recorder.record(0, Outcome.failure("reset", "aborted", Timings.of(0, MS)), true);
        assertThat(recorder.inFlight()).isZero();
        assertThat(recorder.result(0, "x", 1, false, null).requests()).isZero();
    }

    @Test
    void tokenStreamsGiveTtftItlTpotE2eTokensAndGoodput() {
        StepRecorder recorder = new StepRecorder(0, new dev.benchdeck.engine.stream.ServiceLevels(
                java.time.Duration.ofMillis(250), null, null));
        // a good stream: TTFT 200 ms, gaps 20/30 ms, usage says 4 tokens
        long[] fast = {200 * MS, 220 * MS, 250 * MS};
        recorder.started();
        recorder.record(0, Outcome.success(Timings.of(0, 300 * MS), fast,
                dev.benchdeck.engine.stream.StreamTimeline.of(0, fast, 300 * MS, 4L)), true);
        // a slow first token (counted tokens: 2), misses the TTFT objective
        long[] slow = {400 * MS, 410 * MS};
        recorder.started();
        recorder.record(0, Outcome.success(Timings.of(0, 500 * MS), slow,
                dev.benchdeck.engine.stream.StreamTimeline.of(0, slow, 500 * MS, null)), true);
        // a stream cut by an in-stream error: its tokens count, it is not good
        long[] cut = {100 * MS};
        recorder.started();
        recorder.record(0, Outcome.failure("stream_error", "overloaded", Timings.of(0, 150 * MS), cut,
                dev.benchdeck.engine.stream.StreamTimeline.of(0, cut, 150 * MS, null)), true);

        IntervalSnapshot live = recorder.interval(1000 * MS, 0, 1.0, 0, "users=3", IntervalSnapshot.Phase.MEASURE, 3,
                java.util.Map.of(), null);
        assertThat(live.outputTokens()).isEqualTo(7);
        assertThat(live.ttftP50()).isCloseTo(200.0, within(0.5));
        assertThat(live.ttftP99()).isCloseTo(400.0, within(0.5));

        StepResult result = recorder.result(0, "users=3", 2.0, false, null);
        assertThat(result.latencies().get(StepResult.TTFT).summary().count()).isEqualTo(3);
        assertThat(result.latencies().get(StepResult.TTFT).summary().max()).isCloseTo(400.0, within(0.5));
        assertThat(result.latencies().get(StepResult.ITL).summary().count()).isEqualTo(3); // 20, 30, 10
        assertThat(result.latencies().get(StepResult.TPOT).summary().count()).isEqualTo(2); // (50/3) and 10
        assertThat(result.latencies().get(StepResult.E2E).summary().max()).isCloseTo(500.0, within(0.5));
        assertThat(result.latencies().get(StepResult.REQUEST_TOKENS_PER_SECOND).summary().max())
                .isCloseTo(4 / 0.3, within(0.05));
        // output tokens per request, stored ×1000 so that the summary reads in tokens: 4, 2 and 1
        // (HdrHistogram reports a bucket's highest value: 4.001 for 4 at 3 significant digits)
        var tokens = result.latencies().get(StepResult.OUTPUT_TOKENS).summary();
        assertThat(tokens.count()).isEqualTo(3);
        assertThat(tokens.min()).isEqualTo(1.0);
        assertThat(tokens.p50()).isCloseTo(2.0, within(0.002));
        assertThat(tokens.max()).isCloseTo(4.0, within(0.004));
        assertThat(result.metric("output_tokens.p99")).isCloseTo(4.0, within(0.004));
        assertThat(result.stream().streams()).isEqualTo(3);
        assertThat(result.stream().outputTokens()).isEqualTo(4 + 2 + 1);
        assertThat(result.stream().tokenSource()).isEqualTo("mixed");
        assertThat(result.stream().goodRequests()).isEqualTo(1);
        assertThat(result.metric("goodput")).isEqualTo(0.5);
        assertThat(result.metric("output_tokens_per_second")).isEqualTo(3.5);
        assertThat(result.metric("ttft.p50")).isNotNull();

        // the token source is written to JSON, and JSON with it reads back
        try {
            var mapper = dev.benchdeck.engine.result.ResultJson.mapper();
            String json = mapper.writeValueAsString(result);
            assertThat(mapper.readTree(json).at("/stream/token_source").asText()).isEqualTo("mixed");
            assertThat(mapper.readValue(json, StepResult.class).stream()).isEqualTo(result.stream());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }

        StepResult merged = dev.benchdeck.engine.result.ResultMerger.merge("overall", java.util.List.of(result, result));
        assertThat(merged.stream().outputTokens()).isEqualTo(14);
        assertThat(merged.stream().goodput()).isEqualTo(0.5);
        assertThat(result.stream().contentEvents()).isEqualTo(3 + 2 + 1);
        assertThat(result.stream().coalescedEvents()).isZero();
        assertThat(merged.stream().contentEvents()).isEqualTo(12);
    }

    @Test
    void eventsThatCameInOneReadAreCountedAsCoalesced() {
        StepRecorder recorder = new StepRecorder(0);
        long[] batched = {100 * MS, 100 * MS, 100 * MS, 150 * MS};
        recorder.started();
        recorder.record(0, Outcome.success(Timings.of(0, 160 * MS), batched,
                dev.benchdeck.engine.stream.StreamTimeline.of(0, batched, 160 * MS, null)), true);
        StepResult result = recorder.result(0, "users=1", 1.0, false, null);
        assertThat(result.stream().contentEvents()).isEqualTo(4);
        assertThat(result.stream().coalescedEvents()).isEqualTo(2);
        // two of the three gaps are the 0 of one read
        assertThat(result.latencies().get(StepResult.ITL).summary().p50()).isZero();
        StepResult merged = dev.benchdeck.engine.result.ResultMerger.merge("overall", java.util.List.of(result, result));
        assertThat(merged.stream().coalescedEvents()).isEqualTo(4);
    }

    @Test
    void plainRequestsHaveNoStreamFigures() {
        StepRecorder recorder = new StepRecorder(0);
        recorder.started();
        recorder.record(0, Outcome.success(Timings.of(0, MS)), true);
        StepResult result = recorder.result(0, "x", 1.0, false, null);
        assertThat(result.stream()).isNull();
        assertThat(result.latencies()).containsOnlyKeys(StepResult.LATENCY, StepResult.SERVICE_TIME);
        assertThat(result.metric("goodput")).isNull();
        assertThat(result.metric("ttft.p50")).isNull();

        IntervalSnapshot live = recorder.interval(1000 * MS, 0, 1.0, 0, "x", IntervalSnapshot.Phase.MEASURE, 1, java.util.Map.of(), null);
        assertThat(live.p50()).isEqualTo(1.0);
        assertThat(live.outputTokens()).isNull();
        assertThat(live.ttftP50()).isNull();
        assertThat(live.ttftP99()).isNull();
        assertThat(live.cpuProcess()).isNull();
    }

    @Test
    void anIntervalWithoutCompletionsHasNoLatencyFigures() {
        StepRecorder recorder = new StepRecorder(0);
        recorder.started(); // in flight, not done
        IntervalSnapshot live = recorder.interval(1000 * MS, 0, 1.0, 0, "x", IntervalSnapshot.Phase.WARMUP, 1, java.util.Map.of(), null);
        assertThat(live.completed()).isZero();
        assertThat(live.throughput()).isZero();
        assertThat(live.p50()).isNull();
        assertThat(live.p90()).isNull();
        assertThat(live.p99()).isNull();
        assertThat(live.max()).isNull();
        assertThat(live.inFlight()).isEqualTo(1);
    }

    @Test
    void theWaitForAPooledConnectionIsItsOwnDistributionOutsideServiceTime() {
        StepRecorder recorder = new StepRecorder(0);
        // intended at 0, waited 30 ms for a connection, then 10 ms to the first byte and 20 ms in all
        recorder.started();
        recorder.record(0, Outcome.success(new Timings(30 * MS, 40 * MS, 50 * MS, Timings.NONE, 30 * MS)), true);
        StepResult result = recorder.result(0, "x", 1.0, false, null);
        assertThat(result.latencies().get(StepResult.CONNECT_WAIT).summary().max()).isCloseTo(30.0, within(0.05));
        assertThat(result.latencies().get(StepResult.SERVICE_TIME).summary().max()).isCloseTo(20.0, within(0.05));
        assertThat(result.latencies().get(StepResult.TTFB).summary().max()).isCloseTo(10.0, within(0.05));
        assertThat(result.latency().summary().max()).isCloseTo(50.0, within(0.05));
    }
}
