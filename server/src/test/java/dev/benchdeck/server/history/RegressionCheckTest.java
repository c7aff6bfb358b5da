package dev.benchdeck.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RegressionCheckTest {

    private static final HistoryMetric P99 = HistoryMetric.byName("latency.p99").orElseThrow();

    private static List<RegressionCheck.Point> points(double[] values, long firstId) {
        List<RegressionCheck.Point> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new RegressionCheck.Point(firstId + i, values[i], false));
        }
        return points;
    }

    @Test
    void aSlowedRunRaisesTheTTestWithTheDefaults() {
        var check = new RegressionCheck(DetectionSettings.defaults());
        var earlier = points(BaselineTestsTest.noise(new Random(5), 12, 20, 0.10), 1);
        var findings = check.check(P99, earlier, new RegressionCheck.Point(99, 45, false));
        assertThat(findings).extracting(f -> f.finding().test()).contains("t_test");
        assertThat(findings).allMatch(f -> f.runId() == 99 || f.finding().test().equals("change_point"));
    }

    @Test
    void tooFewRunsMeanNoBaselineTestButStillStaticLimits() {
        var settings = new DetectionSettings(null, null, null, null,
                java.util.Map.of("latency.p99", new DetectionSettings.Limit(30.0, null)), null, null, null, null, null);
        var check = new RegressionCheck(settings);
        var findings = check.check(P99, points(new double[] {20, 21}, 1), new RegressionCheck.Point(3, 45, false));
        assertThat(findings).extracting(f -> f.finding().test()).containsExactly("static");
    }

    @Test
    void falsePositivesStayOutOfTheBaseline() {
        var check = new RegressionCheck(DetectionSettings.defaults());
        List<RegressionCheck.Point> earlier = new ArrayList<>(points(new double[] {20, 21, 19, 20}, 1));
        earlier.add(new RegressionCheck.Point(5, 90, true)); // a spike someone marked a false positive
        assertThat(check.baseline(earlier).orElseThrow().mean()).isEqualTo(20);
        assertThat(check.baseline(earlier).orElseThrow().size()).isEqualTo(4);
    }

    @Test
    void baselineIsTheLastNRuns() {
        var settings = new DetectionSettings(null, null, 3, 2, null, null, null, null, null, null);
        var baseline = new RegressionCheck(settings).baseline(points(new double[] {100, 100, 10, 20, 30}, 1)).orElseThrow();
        assertThat(baseline.values()).containsExactly(10, 20, 30);
    }

    @Test
    void aChangePointIsPutOnTheRunWhereTheLevelChanged() {
        var check = new RegressionCheck(DetectionSettings.defaults());
        double[] values = BaselineTestsTest.noise(new Random(6), 24, 20, 0.05);
        for (int i = 18; i < values.length; i++) {
            values[i] *= 1.3;
        }
        var series = points(values, 100);
        var found = check.changePoint(P99, series).orElseThrow();
        assertThat(found.runId()).isEqualTo(118);
        assertThat((double) found.finding().details().get("change_percent")).isBetween(20.0, 40.0);
        // an improvement of the same size is no alert
        for (int i = 18; i < values.length; i++) {
            values[i] /= 1.69;
        }
        assertThat(check.changePoint(P99, points(values, 100))).isEmpty();
    }

    @Test
    void noiseRaisesNoChangePoint() {
        var check = new RegressionCheck(DetectionSettings.defaults());
        Random random = new Random(8);
        int flagged = 0;
        for (int i = 0; i < 30; i++) {
            flagged += check.changePoint(P99, points(BaselineTestsTest.noise(random, 30, 20, 0.10), 1)).isPresent() ? 1 : 0;
        }
        assertThat(flagged).isLessThanOrEqualTo(1);
    }

    @Test
    void settingsProblemsHaveTheirPaths() {
        var bad = new DetectionSettings(null, List.of("latency.p99", "speed"), 5, 8,
                java.util.Map.of("nope", new DetectionSettings.Limit(1.0, null)), null, null,
                new DetectionSettings.TTest(true, 1.5), null, new DetectionSettings.ChangePoint(null, 0.999, 100, null, null, null));
        assertThat(bad.problems()).extracting(p -> p.path())
                .containsExactlyInAnyOrder("metrics[1]", "min_baseline_runs", "static_limits.nope", "t_test.confidence",
                        "change_point.permutations");
        assertThat(DetectionSettings.defaults().problems()).isEmpty();
    }
}
