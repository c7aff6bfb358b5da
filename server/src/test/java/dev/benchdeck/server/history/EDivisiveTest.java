package dev.benchdeck.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EDivisiveTest {

    private final EDivisive method = new EDivisive(0.01, 199, 3, 1234);

    @Test
    void oneStepIsFoundWhereItIs() {
        double[] series = BaselineTestsTest.noise(new Random(1), 40, 100, 0.05);
        for (int i = 25; i < series.length; i++) {
            series[i] += 20; // +20 %: four standard deviations of the noise
        }
        var points = method.changePoints(series);
        assertThat(points).hasSize(1);
        assertThat(points.getFirst().index()).isEqualTo(25);
        assertThat(points.getFirst().meanAfter() - points.getFirst().meanBefore()).isBetween(15.0, 25.0);
        assertThat(points.getFirst().pValue()).isLessThanOrEqualTo(0.01);
    }

    @Test
    void twoStepsAreBothFound() {
        double[] series = BaselineTestsTest.noise(new Random(2), 45, 100, 0.03);
        for (int i = 15; i < series.length; i++) {
            series[i] += i < 30 ? 15 : -15;
        }
        assertThat(method.changePoints(series)).extracting(EDivisive.ChangePoint::index).containsExactly(15, 30);
    }

    @Test
    void noiseHasNoChangePoint() {
        Random random = new Random(3);
        int flagged = 0;
        for (int i = 0; i < 50; i++) {
            flagged += method.changePoints(BaselineTestsTest.noise(random, 30, 100, 0.10)).isEmpty() ? 0 : 1;
        }
        assertThat(flagged).isLessThanOrEqualTo(2);
    }

    @Test
    void theSameSeriesGivesTheSameAnswer() {
        double[] series = BaselineTestsTest.noise(new Random(4), 20, 100, 0.05);
        for (int i = 12; i < 20; i++) {
            series[i] *= 1.08;
        }
        assertThat(method.changePoints(series)).isEqualTo(method.changePoints(series));
    }

    @Test
    void bestSplitOfAPerfectStep() {
        var split = method.bestSplit(new double[] {1, 1, 1, 1, 5, 5, 5, 5});
        assertThat(split.tau()).isEqualTo(4);
        // between 2/(4·4)·16·4 = 8, within 0 and 0: Q = 4·4/8 · 8 = 16
        assertThat(split.statistic()).isEqualTo(16);
    }
}
