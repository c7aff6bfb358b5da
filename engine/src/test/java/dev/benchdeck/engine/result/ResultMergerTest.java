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
                (double) errors / h.getTotalCount(), Map.of(StepResult.LATENCY, Distribution.of(h)), List.of(), null);
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
}
