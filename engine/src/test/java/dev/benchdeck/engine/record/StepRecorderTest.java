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
        StepResult result = recorder.result(0, "rate=100/s", 1.0);
        assertThat(result.latencies().get(StepResult.SERVICE_TIME).summary().max()).isCloseTo(2.0, within(0.01));
        assertThat(result.latency().summary().p50()).isCloseTo(2.0, within(0.01));
        assertThat(result.latency().summary().p95()).isCloseTo(502.0, within(1.0));
        assertThat(result.latency().summary().max()).isCloseTo(1002.0, within(1.0));
        assertThat(recorder.inFlight()).isZero();
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

        IntervalSnapshot live = recorder.interval(1000 * MS, 0, 1.0, 0, "x", IntervalSnapshot.Phase.MEASURE, 1, java.util.Map.of("pool.active", 3.0));
        assertThat(live.completed()).isEqualTo(2);
        assertThat(live.errors()).isEqualTo(1);
        assertThat(live.gauges()).containsEntry("pool.active", 3.0);
        assertThat(live.dropped()).isEqualTo(2);

        StepResult result = recorder.result(0, "x", 1.0);
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
        assertThat(recorder.result(0, "x", 1).requests()).isZero();
    }
}
