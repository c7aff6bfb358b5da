package dev.benchdeck.report;

import static dev.benchdeck.report.TestRuns.intervals;
import static dev.benchdeck.report.TestRuns.spread;
import static dev.benchdeck.report.TestRuns.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.result.RunStatus;
import dev.benchdeck.engine.result.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    /** Two steps: 100 requests evenly 1..100 ms, then 100 evenly 101..200 ms; the new run's second step is 20 % slower. */
    static ReportRun sweep(String name, double slowdown) {
        StepResult first = step(0, "users=2", 10, 0, spread(100, 1, 100));
        double[] second = spread(100, 101, 200);
        for (int i = 0; i < second.length; i++) {
            second[i] *= slowdown;
        }
        StepResult slow = step(1, "users=4", 10, 2, second);
        List<IntervalSnapshot> iv = new ArrayList<>(intervals(0, "users=2", 0, constant(10, 10), constant(10, 99)));
        iv.addAll(intervals(1, "users=4", 10, constant(10, 10), constant(10, 198 * slowdown)));
        return ReportRun.of(name, TestRuns.run("sweep", List.of(first, slow), iv));
    }

    @Test
    void figuresComeFromTheHistogramsAndTheMergedOneForAllSteps() {
        Comparison c = Comparison.of(List.of(sweep("base.json", 1), sweep("new.json", 1.2)), ComparisonOptions.DEFAULTS);
        assertThat(c.steps()).extracting(Comparison.StepComparison::label).containsExactly("users=2", "users=4", "all steps");

        Comparison.StepComparison second = c.steps().get(1);
        // the 99th of 100 values 101..200 is 199; ×1.2 is 238.8 (HdrHistogram keeps 3 significant digits)
        assertThat(value(second, "latency.p99", 0)).isCloseTo(199, withinPercentage(0.1));
        assertThat(value(second, "latency.p99", 1)).isCloseTo(238.8, withinPercentage(0.1));
        assertThat(value(second, "latency.p50", 0)).isCloseTo(150, withinPercentage(0.1));
        assertThat(value(second, "latency.max", 1)).isCloseTo(240, withinPercentage(0.1));
        Comparison.Change change = row(second, "latency.p99").changes().get(0);
        assertThat(change.absolute()).isCloseTo(39.8, within(0.3));
        assertThat(change.percent()).isCloseTo(20, within(0.2));
        assertThat(value(second, "error_rate", 0)).isCloseTo(2.0, within(1e-9)); // per cent
        assertThat(value(second, "throughput", 0)).isCloseTo(10, within(1e-9));

        // all steps: the 198th of the 200 values 1..200, from the merged histogram; averaging the steps' p99 would give 149
        Comparison.StepComparison all = c.steps().get(2);
        assertThat(all.index()).isEqualTo(-1);
        assertThat(value(all, "latency.p99", 0)).isCloseTo(198, withinPercentage(0.1));
        assertThat(value(all, "latency.p50", 0)).isCloseTo(100, withinPercentage(0.1));
        assertThat(value(all, "requests", 0)).isEqualTo(200);
        assertThat(row(all, "latency.p99").changes().get(0).verdict()).isEqualTo(Comparison.Verdict.NOT_TESTED);
    }

    @Test
    void aSignificantSlowdownIsARegressionAndTheSameRunIsNot() {
        Comparison c = Comparison.of(List.of(sweep("base.json", 1), sweep("new.json", 1.2)), ComparisonOptions.DEFAULTS);
        // the intervals' p99 is constant in each run and 20 % higher in the new one
        Comparison.Change p99 = row(c.steps().get(1), "latency.p99").changes().get(0);
        assertThat(p99.verdict()).isEqualTo(Comparison.Verdict.REGRESSION);
        assertThat(p99.significance().method()).isEqualTo(BlockBootstrap.METHOD);
        assertThat(row(c.steps().get(1), "latency.p95").changes().get(0).verdict()).isEqualTo(Comparison.Verdict.NOT_TESTED);
        assertThat(row(c.steps().get(1), "latency.p95").changes().get(0).notTested()).contains("intervals do not carry");
        assertThat(row(c.steps().get(0), "latency.p99").changes().get(0).verdict())
                .isEqualTo(Comparison.Verdict.NO_SIGNIFICANT_CHANGE);
        assertThat(c.regressionFound()).isTrue();
        assertThat(c.regressions()).extracting(f -> f.step() + " " + f.metric().metric())
                .contains("step 2 users=4 latency.p99").noneMatch(s -> s.startsWith("step 1"));

        // at 99.99 % the bootstrap draws enough resamples for a p-value below 0.0001
        Comparison strict = Comparison.of(List.of(sweep("base.json", 1), sweep("new.json", 1.2)),
                ComparisonOptions.DEFAULTS.withConfidence(0.9999));
        assertThat(row(strict.steps().get(1), "latency.p99").changes().get(0).significance().resamples()).isEqualTo(200_000);
        assertThat(strict.regressionFound()).isTrue();

        Comparison same = Comparison.of(List.of(sweep("a.json", 1), sweep("b.json", 1)), ComparisonOptions.DEFAULTS);
        assertThat(same.regressionFound()).isFalse();
    }

    @Test
    void higherThroughputIsBetterAndLowerIsARegression() {
        ReportRun base = TestRuns.noisyRun("base.json", 1, 60, 1000, 20);
        ReportRun faster = TestRuns.noisyRun("faster.json", 11, 60, 1300, 20);
        ReportRun slower = TestRuns.noisyRun("slower.json", 21, 60, 700, 20);
        Comparison c = Comparison.of(List.of(base, faster, slower), ComparisonOptions.DEFAULTS);
        Comparison.MetricRow throughput = row(c.steps().get(0), "throughput");
        assertThat(throughput.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(throughput.changes()).extracting(Comparison.Change::verdict)
                .containsExactly(Comparison.Verdict.IMPROVEMENT, Comparison.Verdict.REGRESSION);
        assertThat(throughput.changes().get(1).run()).isEqualTo("slower.json");
    }

    @Test
    void theSameInputGivesTheSameFigures() {
        List<ReportRun> runs = List.of(TestRuns.noisyRun("a", 1, 30, 500, 10), TestRuns.noisyRun("b", 2, 30, 510, 10));
        Significance first = row(Comparison.of(runs, ComparisonOptions.DEFAULTS).steps().get(0), "throughput").changes().get(0).significance();
        Significance again = row(Comparison.of(runs, ComparisonOptions.DEFAULTS).steps().get(0), "throughput").changes().get(0).significance();
        assertThat(again).isEqualTo(first);
    }

    @Test
    void runsOfDifferentDriversSayWhatCanBeCompared() {
        ReportRun http = sweep("http.json", 1).withPlan("name: a\n", "http");
        ReportRun jdbc = sweep("jdbc.json", 1).withPlan("name: a\n", "jdbc");
        assertThatThrownBy(() -> Comparison.of(List.of(http, jdbc), ComparisonOptions.DEFAULTS))
                .isInstanceOf(IncomparableRunsException.class)
                .hasMessageContaining("http.json is a run of the http driver and jdbc.json is a run of the jdbc driver")
                .hasMessageContaining("Comparable are runs of the same driver whose steps have the same number and label");
    }

    @Test
    void runsWithoutCommonStepsListTheirSteps() {
        ReportRun rate = ReportRun.of("rate.json", TestRuns.run("open", List.of(step(0, "rate=100/s", 10, 0, 1, 2, 3)), List.of()));
        assertThatThrownBy(() -> Comparison.of(List.of(sweep("sweep.json", 1), rate), ComparisonOptions.DEFAULTS))
                .isInstanceOf(IncomparableRunsException.class)
                .hasMessageContaining("no common steps (sweep.json has 1 users=2, 2 users=4; rate.json has 1 rate=100/s)");
        assertThatThrownBy(() -> Comparison.of(List.of(rate), ComparisonOptions.DEFAULTS))
                .hasMessage("a comparison takes 2 to 5 runs, not 1");
        assertThatThrownBy(() -> new ComparisonOptions(1.5, 2000, 1)).hasMessageContaining("confidence: must be between 0 and 1");
    }

    @Test
    void aRunStillGoingIsMarkedPartialAndStepsOnlyOneRunHasAreNoted() {
        ReportRun done = sweep("done.json", 1);
        StepResult only = step(0, "users=2", 4, 0, spread(40, 1, 100));
        ReportRun running = new ReportRun("running.json", TestRuns.run("sweep", RunStatus.CANCELLED, List.of(only), List.of()),
                "running", null, null, Map.of("branch", "main"));
        assertThat(running.partial()).isTrue();
        assertThat(done.partial()).isFalse();
        Comparison c = Comparison.of(List.of(done, running), ComparisonOptions.DEFAULTS);
        assertThat(c.runs().get(1).partial()).isTrue();
        assertThat(c.notes()).contains("running.json is partial: the run is still going: these are the figures so far")
                .anyMatch(n -> n.contains("step 2 users=4 of the baseline is in no other run"));
        assertThat(c.steps()).hasSize(1); // not the same steps: no "all steps"
        assertThat(c.differences().labels()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("branch");
            assertThat(row.values()).containsExactly(null, "main");
            assertThat(row.differs()).isTrue();
        });
    }

    @Test
    void thePlansAreDiffedAndTheEnvironmentSideBySide() {
        ReportRun a = sweep("a.json", 1).withPlan("name: sweep\nload:\n  users: 2\n  duration: 10s\n", "http");
        ReportRun b = sweep("b.json", 1).withPlan("name: sweep\nload:\n  users: 4\n  duration: 10s\n", "http");
        RunDifferences d = Comparison.of(List.of(a, b), ComparisonOptions.DEFAULTS).differences();
        assertThat(d.plans().get(0).diff()).isEqualTo("--- a.json\n+++ b.json\n@@ -1,4 +1,4 @@\n name: sweep\n load:\n-  users: 2\n"
                + "+  users: 4\n   duration: 10s\n");
        assertThat(d.environment()).extracting(RunDifferences.Row::name).containsExactly("plan name", "benchdeck version", "java",
                "cpus", "os");
        assertThat(d.environment()).noneMatch(RunDifferences.Row::differs);
        assertThat(Comparison.of(List.of(sweep("x", 1), sweep("y", 1)), ComparisonOptions.DEFAULTS).differences().plans().get(0)
                .unavailable()).isEqualTo("the plan as run is not in x");
    }

    @Test
    void streamFiguresAreComparedWhereTheRunsHaveThem() {
        StepResult plain = step(0, "users=2", 10, 0, spread(50, 10, 60));
        Map<String, dev.benchdeck.engine.result.Distribution> latencies = new java.util.HashMap<>(plain.latencies());
        org.HdrHistogram.Histogram ttft = new org.HdrHistogram.Histogram(3);
        for (int i = 1; i <= 100; i++) {
            ttft.recordValue(i * 1000L); // 1..100 ms
        }
        latencies.put(StepResult.TTFT, dev.benchdeck.engine.result.Distribution.of(ttft));
        StepResult streaming = new StepResult(0, "users=2", 10, 50, 50, 0, Map.of(), 0, 5, 0, latencies, List.of(),
                dev.benchdeck.engine.result.StreamFigures.of(50, 5000, 50, 45, 10), false, null);
        ReportRun a = ReportRun.of("a", TestRuns.run("llm", List.of(streaming), List.of()));
        ReportRun b = ReportRun.of("b", TestRuns.run("llm", List.of(streaming), List.of()));
        Comparison.StepComparison step = Comparison.of(List.of(a, b), ComparisonOptions.DEFAULTS).steps().get(0);
        assertThat(value(step, "ttft.p99", 0)).isCloseTo(99, withinPercentage(0.1));
        assertThat(value(step, "output_tokens_per_second", 0)).isEqualTo(500.0);
        assertThat(value(step, "goodput", 1)).isEqualTo(4.5);
        assertThat(row(step, "ttft.p50").changes().get(0).notTested()).startsWith("too few measured intervals (0 and 0");
        assertThat(step.metrics()).noneMatch(m -> m.metric().startsWith("itl."));

        Comparison plainOnly = Comparison.of(List.of(sweep("x", 1), sweep("y", 1)), ComparisonOptions.DEFAULTS);
        assertThat(plainOnly.steps().get(0).metrics()).noneMatch(m -> m.metric().startsWith("ttft."));
        ReportRun plainRun = ReportRun.of("plain", TestRuns.run("llm", List.of(plain), List.of()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Comparison.of(List.of(plainRun, a), ComparisonOptions.DEFAULTS))
                .hasMessageContaining("plain is a run of requests and a is a run of token streams");
    }

    static double[] constant(int n, double value) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, value);
        return v;
    }

    static Comparison.MetricRow row(Comparison.StepComparison step, String metric) {
        return step.metrics().stream().filter(m -> m.metric().equals(metric)).findFirst().orElseThrow(() -> new AssertionError(metric));
    }

    static Double value(Comparison.StepComparison step, String metric, int run) {
        return row(step, metric).values().get(run);
    }
}
