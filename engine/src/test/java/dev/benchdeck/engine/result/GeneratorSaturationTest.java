package dev.benchdeck.engine.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class GeneratorSaturationTest {

    private static Distribution micros(long value, int count) {
        Histogram h = new Histogram(3);
        h.recordValueWithCount(value, count);
        return Distribution.of(h);
    }

    @Test
    void theLimitIsOneMillisecondOrATenthOfTheLatencyMedianWhicheverIsLarger() {
        // latency 4 ms: the limit is 1 ms
        assertThat(GeneratorSaturation.limitMs(Map.of(StepResult.LATENCY, micros(4_000, 10), StepResult.SCHEDULE_LAG, micros(500, 10))))
                .isEqualTo(1.0);
        assertThat(GeneratorSaturation.saturated(Map.of(StepResult.LATENCY, micros(4_000, 10), StepResult.SCHEDULE_LAG, micros(900, 10))))
                .isFalse();
        assertThat(GeneratorSaturation.saturated(Map.of(StepResult.LATENCY, micros(4_000, 10), StepResult.SCHEDULE_LAG, micros(1_500, 10))))
                .isTrue();
        // latency 200 ms: a 15 ms lag is within its 20 ms limit, a 25 ms lag is not
        assertThat(GeneratorSaturation.limitMs(Map.of(StepResult.LATENCY, micros(200_000, 10), StepResult.SCHEDULE_LAG, micros(0, 10))))
                .isCloseTo(20.0, org.assertj.core.api.Assertions.within(0.1));
        assertThat(GeneratorSaturation.saturated(Map.of(StepResult.LATENCY, micros(200_000, 10), StepResult.SCHEDULE_LAG, micros(15_000, 10))))
                .isFalse();
        assertThat(GeneratorSaturation.saturated(Map.of(StepResult.LATENCY, micros(200_000, 10), StepResult.SCHEDULE_LAG, micros(25_000, 10))))
                .isTrue();
    }

    @Test
    void theClosedModelsThinkLagIsJudgedTheSameWayAndScheduleLagComesFirst() {
        assertThat(GeneratorSaturation.saturated(Map.of(StepResult.LATENCY, micros(4_000, 10), StepResult.THINK_LAG, micros(900, 10))))
                .isFalse();
        assertThat(GeneratorSaturation.saturated(Map.of(StepResult.LATENCY, micros(4_000, 10), StepResult.THINK_LAG, micros(1_500, 10))))
                .isTrue();
        // a merged result of open and closed steps is judged by the open model's schedule lag
        assertThat(GeneratorSaturation.lagName(Map.of(StepResult.SCHEDULE_LAG, micros(100, 10), StepResult.THINK_LAG, micros(9_000, 10))))
                .isEqualTo(StepResult.SCHEDULE_LAG);
    }

    @Test
    void withoutALagDistributionThereIsNothingToJudge() {
        assertThat(GeneratorSaturation.limitMs(Map.of(StepResult.LATENCY, micros(4_000, 10)))).isNull();
        assertThat(GeneratorSaturation.saturated(Map.of())).isFalse();
    }
}
