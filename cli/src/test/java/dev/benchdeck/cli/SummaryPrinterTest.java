package dev.benchdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.engine.result.CpuFigures;
import dev.benchdeck.engine.result.Distribution;
import dev.benchdeck.engine.result.ResultMerger;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.RunStatus;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.engine.result.ThresholdVerdict;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class SummaryPrinterTest {

    private static StepResult step(int index, boolean partial, CpuFigures cpu) {
        Histogram h = new Histogram(3);
        h.recordValue(1_734);
        return new StepResult(index, "users=" + (index + 1), 10, 1, 1, 0, Map.of(), 0, 0.1, 0,
                Map.of(StepResult.LATENCY, Distribution.of(h)), List.of(), null, partial, cpu);
    }

    private static String print(List<StepResult> steps, List<ThresholdVerdict> verdicts) {
        RunResult result = new RunResult("summary", RunStatus.CANCELLED, null, 0, 1000, null, steps,
                ResultMerger.merge("overall", steps), verdicts, List.of(), List.of());
        StringWriter out = new StringWriter();
        SummaryPrinter.print(new PrintWriter(out), result);
        return out.toString();
    }

    private static StepResult openStep(int index, long lagMicros) {
        Histogram latency = new Histogram(3);
        latency.recordValueWithCount(4_000, 100);
        Histogram lag = new Histogram(3);
        lag.recordValueWithCount(lagMicros, 100);
        return new StepResult(index, "rate=" + (index + 1) * 1000 + "/s", 10, 100, 100, 0, Map.of(), 0, 10, 0,
                Map.of(StepResult.LATENCY, Distribution.of(latency), StepResult.SCHEDULE_LAG, Distribution.of(lag)), List.of(), null, false, null);
    }

    @Test
    void theOpenModelsScheduleLagIsShownPerStepAndASaturatedStepIsWarnedAbout() {
        String text = print(List.of(openStep(0, 200), openStep(1, 3_000)), List.of());
        assertThat(text).contains("schedule lag (intended start → the driver began the request; the generator's own delay):")
                .containsPattern("step 1 rate=1000/s: p50 0\\.200ms +p99 0\\.200ms +max 0\\.200ms \\(limit 1\\.00ms\\)\\n")
                .containsPattern("step 2 rate=2000/s: p50 3\\.00ms .*SATURATED")
                .contains("warning: step 2 rate=2000/s: generator saturated: latency includes Benchdeck's own delay")
                .doesNotContain("warning: step 1");
        assertThat(print(List.of(step(0, false, null)), List.of())).doesNotContain("schedule lag");
    }

    @Test
    void closedModelUsersLateForTheirThinkTimeAreShownAndWarnedAbout() {
        Histogram latency = new Histogram(3);
        latency.recordValueWithCount(4_000, 100);
        Histogram lag = new Histogram(3);
        lag.recordValueWithCount(6_000, 100);
        StepResult closed = new StepResult(0, "users=50", 10, 100, 100, 0, Map.of(), 0, 10, 0,
                Map.of(StepResult.LATENCY, Distribution.of(latency), StepResult.THINK_LAG, Distribution.of(lag)), List.of(), null, false, null);
        assertThat(print(List.of(closed), List.of()))
                .contains("think lag (how much longer than their think time users slept; the generator's own delay):")
                .containsPattern("step 1 users=50: p50 6\\.00ms .*SATURATED")
                .contains("warning: step 1 users=50: generator saturated")
                .doesNotContain("schedule lag");
    }

    @Test
    void coalescedStreamEventsAreCountedUnderTheStreamTable() {
        Histogram ttft = new Histogram(3);
        ttft.recordValue(200_000);
        StepResult streamed = new StepResult(0, "users=1", 10, 1, 1, 0, Map.of(), 0, 0.1, 0, Map.of(StepResult.LATENCY, Distribution.of(ttft),
                StepResult.TTFT, Distribution.of(ttft)), List.of(), dev.benchdeck.engine.result.StreamFigures.of(1, 30, 0, 1, 10, 30, 12),
                false, null);
        assertThat(print(List.of(streamed), List.of())).contains("  coalesced: 12 of 30 content events (40.0%) came in one read with the event"
                + " before them; each of their gaps counts as an ITL of 0");
        StepResult paced = new StepResult(0, "users=1", 10, 1, 1, 0, Map.of(), 0, 0.1, 0, Map.of(StepResult.LATENCY, Distribution.of(ttft)),
                List.of(), dev.benchdeck.engine.result.StreamFigures.of(1, 30, 0, 1, 10, 30, 0), false, null);
        assertThat(print(List.of(paced), List.of())).doesNotContain("coalesced");
    }

    @Test
    void partialStepsAreMarked() {
        String text = print(List.of(step(0, false, null), step(1, true, null)), List.of());
        assertThat(text).containsPattern("(?m)^1 +users=1 ").containsPattern("(?m)^2\\* +users=2 ")
                .contains("* partial: the step ended before its planned duration or request count");
        assertThat(print(List.of(step(0, false, null)), List.of())).doesNotContain("partial");
    }

    @Test
    void verdictsShowTheirUnits() {
        String text = print(List.of(step(0, false, null)), List.of(
                new ThresholdVerdict("p99 < 250ms", "overall", 1.734, "ms", true),
                new ThresholdVerdict("error_rate < 1%", "overall", 12.5, "%", false),
                new ThresholdVerdict("throughput > 100/s", "overall", 1200.0, "/s", true),
                new ThresholdVerdict("errors <= 10", "overall", 3.0, "", true),
                new ThresholdVerdict("ttfb.p95 < 20ms", "overall", null, "ms", false)));
        assertThat(text).contains("actual 1.734 ms").contains("actual 12.50%").contains("actual 1200/s")
                .containsPattern("errors <= 10 +overall +actual 3\\n").contains("actual not measured");
    }

    @Test
    void otherProcessesCpuIsShownAndWarnedAboutUnderTheSummary() {
        String quiet = print(List.of(step(0, false, CpuFigures.of(2, 0.93, 0.04, "this step"))), List.of());
        assertThat(quiet).contains("cpu over the measured time: benchdeck 0.93 of 2 cores, other processes 0.04")
                .doesNotContain("warning");

        String busy = print(List.of(step(0, false, CpuFigures.of(2, 0.9, 0.05, "this step")),
                step(1, false, CpuFigures.of(2, 0.9, 0.35, "this step"))), List.of());
        assertThat(busy).contains("cpu over the measured time: benchdeck 0.90 of 2 cores, other processes 0.20")
                .contains("warning: step 2 users=2: other processes used 0.35 of a core during this step; the figures may be distorted")
                .contains("warning: other processes used 0.20 of a core during the run; the figures may be distorted");
        assertThat(busy.strip()).endsWith("the figures may be distorted");

        assertThat(print(List.of(step(0, false, null)), List.of())).doesNotContain("cpu over");
    }
}
