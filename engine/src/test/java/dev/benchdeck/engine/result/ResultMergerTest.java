package dev.benchdeck.engine.result;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.engine.plan.Plan;
import dev.benchdeck.engine.record.HistogramCodec;
import dev.benchdeck.engine.testkit.Plans;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ResultMergerTest {

    private static StepResult step(int index, Histogram h, long errors, double seconds) {
        return new StepResult(index, "users=" + index, seconds, h.getTotalCount(), h.getTotalCount() - errors, errors,
                errors > 0 ? Map.of("http_5xx", errors) : Map.of(), 0, h.getTotalCount() / seconds,
                (double) errors / h.getTotalCount(), Map.of(StepResult.LATENCY, Distribution.of(h)), List.of(), null, false, null);
    }

    @Test
    void mergesHistogramsExactlyInsteadOfAveragingPercentiles() {
        SplittableRandom random = new SplittableRandom(7);
        Histogram fast = new Histogram(3);
        Histogram slow = new Histogram(3);
        Histogram all = new Histogram(3);
        for (int i = 0; i < 10_000; i++) {
            long f = 100 + random.nextInt(900);
            long s = 50_000 + random.nextInt(50_000);
            fast.recordValue(f);
            all.recordValue(f);
            if (i % 10 == 0) {
                slow.recordValue(s);
                all.recordValue(s);
            }
        }
        StepResult merged = ResultMerger.merge("overall", List.of(step(0, fast, 0, 10), step(1, slow, 100, 10)));

        assertThat(merged.requests()).isEqualTo(11_000);
        assertThat(merged.errors()).isEqualTo(100);
        assertThat(merged.throughput()).isEqualTo(550.0);
        assertThat(merged.latency().summary().p99()).isEqualTo(all.getValueAtPercentile(99) / 1000.0);
        assertThat(merged.latency().summary().p50()).isEqualTo(all.getValueAtPercentile(50) / 1000.0);
        assertThat(HistogramCodec.decode(merged.latency().histogram())).isEqualTo(all);
    }

    @Test
    void thresholdsCheckTheOverallResultOrEachStep() {
        Histogram h = new Histogram(3);
        h.recordValue(5_000);
        StepResult one = step(0, h, 0, 1);
        Histogram slow = new Histogram(3);
        slow.recordValue(500_000);
        StepResult two = step(1, slow, 0, 1);
        Plan plan = Plans.withLoad("  users: 1", "thresholds: ['p99 < 250ms per step', 'max < 1s', 'ttfb.p99 < 1ms']");
        List<ThresholdVerdict> verdicts = ThresholdEvaluator.evaluate(plan.thresholds(), List.of(one, two),
                ResultMerger.merge("overall", List.of(one, two)));

        assertThat(verdicts).extracting(ThresholdVerdict::scope).containsExactly("step 1 users=0", "step 2 users=1", "overall", "overall");
        assertThat(verdicts).extracting(ThresholdVerdict::passed).containsExactly(true, false, true, false);
        assertThat(verdicts.get(3).actual()).isNull(); // nobody measured ttfb: no evidence is no pass
    }

    @Test
    void theMergeIsPartialWhenAStepWasAndItsCpuFiguresAreWeightedBySeconds() {
        Histogram h = new Histogram(3);
        h.recordValue(1_000);
        StepResult whole = withCpu(step(0, h, 0, 30), false, CpuFigures.of(2, 1.0, 0.0, "this step"));
        StepResult cut = withCpu(step(1, h, 0, 10), true, CpuFigures.of(2, 0.6, 0.4, "this step"));

        StepResult merged = ResultMerger.merge("overall", List.of(whole, cut));
        assertThat(merged.partial()).isTrue();
        assertThat(merged.cpu().processCores()).isEqualTo(0.9); // (1.0 × 30 + 0.6 × 10) / 40
        assertThat(merged.cpu().otherCores()).isEqualTo(0.1);
        assertThat(merged.cpu().warning()).isNull(); // not above 0.10

        assertThat(ResultMerger.merge("overall", List.of(whole)).partial()).isFalse();
        assertThat(ResultMerger.merge("overall", List.of(whole), true).partial()).isTrue();
        assertThat(ResultMerger.merge("overall", List.of(step(0, h, 0, 1))).cpu()).isNull();
    }

    private static StepResult withCpu(StepResult s, boolean partial, CpuFigures cpu) {
        return new StepResult(s.index(), s.label(), s.measuredSeconds(), s.requests(), s.ok(), s.errors(), s.errorsByClass(),
                s.dropped(), s.throughput(), s.errorRate(), s.latencies(), s.errorSamples(), s.stream(), partial, cpu);
    }

    @Test
    void verdictsCarryTheUnitTheirActualValueIsIn() {
        Histogram h = new Histogram(3);
        h.recordValue(1_734);
        StepResult step = step(0, h, 0, 2); // 1 request, 0 errors, 0.5/s
        Plan plan = Plans.withLoad("  users: 1",
                "thresholds: ['p99 < 250ms', 'error_rate < 1%', 'throughput > 0.1/s', 'errors <= 10', 'service_time.p50 < 1s']");
        List<ThresholdVerdict> verdicts = ThresholdEvaluator.evaluate(plan.thresholds(), List.of(step),
                ResultMerger.merge("overall", List.of(step)));
        assertThat(verdicts).extracting(ThresholdVerdict::unit).containsExactly("ms", "%", "/s", "", "ms");
        assertThat(verdicts.get(0).actual()).isEqualTo(1.734);
        assertThat(verdicts.get(1).actual()).isEqualTo(0.0);
        assertThat(verdicts.get(4).actual()).isNull(); // not measured, whatever its unit

        Histogram failing = new Histogram(3);
        for (int i = 0; i < 8; i++) {
            failing.recordValue(1_000);
        }
        StepResult oneInEight = step(0, failing, 1, 1);
        Plan rate = Plans.withLoad("  users: 1", "thresholds: ['error_rate < 20%']");
        ThresholdVerdict verdict = ThresholdEvaluator.evaluate(rate.thresholds(), List.of(oneInEight), oneInEight).get(0);
        assertThat(verdict.actual()).isEqualTo(12.5); // in %, as the threshold is written
        assertThat(verdict.passed()).isTrue();
    }

    @Test
    void tokenMetricsAreInTokens() {
        assertThat(StepResult.unitOf("output_tokens.p50")).isEqualTo("tokens");
        assertThat(StepResult.unitOf("request_tokens_per_second.p99")).isEqualTo("tokens/s");
        assertThat(StepResult.unitOf("output_tokens_per_second")).isEqualTo("tokens/s");
        assertThat(StepResult.unitOf("ttft.p99")).isEqualTo("ms");
        assertThat(StepResult.unitOf("dropped")).isEmpty();
    }
}
