package dev.benchdeck.engine.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.benchdeck.engine.driver.JourneyTrace;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.result.JourneyFigures;
import dev.benchdeck.engine.result.ResultMerger;
import dev.benchdeck.engine.result.StepResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Journey traces become per-step, per-group and per-check figures; outside the window and for stopped users they do not. */
class JourneyRecordingTest {

    private static final long MS = 1_000_000L;

    private static Outcome iteration(long start, long stepMs, boolean checkPassed) {
        JourneyTrace trace = new JourneyTrace(
                List.of(new JourneyTrace.StepSample("login", stepMs * MS, JourneyTrace.OK, 0),
                        new JourneyTrace.StepSample("pay", stepMs * MS, checkPassed ? JourneyTrace.OK : JourneyTrace.CHECK_FAILED, (stepMs + 1) * MS)),
                List.of(new JourneyTrace.GroupSample("checkout", 2 * stepMs * MS, (stepMs + 1) * MS)),
                List.of(new JourneyTrace.CheckSample("paid", checkPassed)), false, null);
        return Outcome.success(Timings.of(start, start + 3 * stepMs * MS)).withJourney(trace);
    }

    private static StepResult record(int inWindow, int outOfWindow, int stopped, int failedChecks) {
        StepRecorder recorder = new StepRecorder(0);
        for (int i = 0; i < inWindow + outOfWindow; i++) {
            recorder.started();
            recorder.record(i * 10 * MS, iteration(i * 10 * MS, 4, i >= failedChecks), i < inWindow);
        }
        for (int i = 0; i < stopped; i++) {
            recorder.started();
            recorder.record(0, Outcome.success(Timings.of(0, 0)).withJourney(JourneyTrace.stopped("feeder f ran dry")), true);
        }
        assertThat(recorder.inFlight()).isZero();
        return recorder.result(0, "users=1", 1.0, false, null);
    }

    @Test
    void measuredIterationsGiveStepGroupAndCheckFigures() {
        StepResult result = record(10, 5, 2, 3);

        assertThat(result.requests()).isEqualTo(10);
        assertThat(result.latency().summary().p50()).isCloseTo(12.0, within(0.1));
        JourneyFigures journey = result.journey();
        assertThat(journey.iterations()).isEqualTo(10);
        assertThat(journey.steps()).containsOnlyKeys("login", "pay");
        assertThat(journey.steps().keySet()).containsExactly("login", "pay");
        assertThat(journey.steps().get("pay").checkFailed()).isEqualTo(3);
        assertThat(journey.steps().get("pay").ok()).isEqualTo(7);
        assertThat(journey.steps().get("login").latency().summary().p99()).isCloseTo(4.0, within(0.01));
        assertThat(journey.groups().get("checkout").summary().count()).isEqualTo(10);
        assertThat(journey.checks().get("paid")).isEqualTo(new JourneyFigures.CheckCount(7, 3));
        assertThat(journey.usersStopped()).isEqualTo(2);
        assertThat(journey.stopReason()).isEqualTo("feeder f ran dry");
        assertThat(result.metric("checks")).isCloseTo(0.7, within(1e-9));
        assertThat(result.metric("step[login].p99")).isCloseTo(4.0, within(0.01));
        assertThat(result.metric("group[checkout].p95")).isCloseTo(8.0, within(0.01));
        assertThat(result.metric("step[nope].p99")).isNull();
        assertThat(StepResult.unitOf("checks")).isEqualTo("%");
        assertThat(StepResult.unitOf("group[checkout].p95")).isEqualTo("ms");
    }

    @Test
    void stepsMergeExactly() {
        StepResult a = record(10, 0, 0, 3);
        StepResult b = record(30, 0, 1, 0);
        JourneyFigures merged = ResultMerger.merge("all", List.of(a, b)).journey();

        assertThat(merged.iterations()).isEqualTo(40);
        assertThat(merged.checks().get("paid")).isEqualTo(new JourneyFigures.CheckCount(37, 3));
        assertThat(merged.steps().get("pay").latency().summary().count()).isEqualTo(40);
        assertThat(merged.groups().get("checkout").summary().count()).isEqualTo(40);
        assertThat(merged.usersStopped()).isEqualTo(1);
        assertThat(merged.sample()).isEqualTo(a.journey().sample());
    }

    @Test
    void theSampleIsAnIterationWhoseStepsAllPassedElseTheFirst() {
        JourneyFigures.JourneySample sample = record(10, 0, 0, 3).journey().sample();

        assertThat(sample.steps()).containsExactly(new JourneyFigures.JourneySpan("login", 0, 4000, "ok"),
                new JourneyFigures.JourneySpan("pay", 5000, 4000, "ok"));
        assertThat(sample.groups()).containsExactly(new JourneyFigures.JourneySpan("checkout", 5000, 8000, null));
        assertThat(record(2, 0, 0, 2).journey().sample().steps().get(1).outcome()).isEqualTo("check_failed");
    }

    @Test
    void aLongRunsSampleIsRarelyItsFirstIteration() {
        StepRecorder recorder = new StepRecorder(0);
        for (int i = 0; i < 1000; i++) {
            recorder.started();
            recorder.record(i * 10 * MS, iteration(i * 10 * MS, i == 0 ? 7 : 4, true), true);
        }
        // the first (7 ms steps) stays with probability (63/64)^999, about 1.5e-7
        assertThat(recorder.result(0, "users=1", 1.0, false, null).journey().sample().steps().get(0).micros()).isEqualTo(4000);
    }

    @Test
    void aSingleRequestWorkloadHasNoJourney() {
        StepRecorder recorder = new StepRecorder(0);
        recorder.started();
        recorder.record(0, Outcome.success(Timings.of(0, MS)), true);
        StepResult result = recorder.result(0, "users=1", 1.0, false, null);
        assertThat(result.journey()).isNull();
        assertThat(ResultMerger.merge("all", List.of(result)).journey()).isNull();
        assertThat(result.metric("checks")).isNull();
    }
}
