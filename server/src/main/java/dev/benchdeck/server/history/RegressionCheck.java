package dev.benchdeck.server.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The check of one metric of one step of a new run against that step's history, as a scenario's settings say:
 * the baseline tests against the mean (and spread) of the last N comparable runs, then E-divisive change points over
 * the last {@code window} runs, the new one included. Values marked false positives take no part in either.
 */
public final class RegressionCheck {

    /** The permutation test's seed: fixed, so that the same history always gives the same change points. */
    static final long CHANGE_POINT_SEED = 0x5EED_BE7CL;

    private final DetectionSettings settings;

    public RegressionCheck(DetectionSettings settings) {
        this.settings = settings;
    }

    /** One run's value of the metric; {@code excluded} when an alert on it was marked a false positive. */
    public record Point(long runId, double value, boolean excluded) {
    }

    /** A finding on a run (the new one, or for a change point the run where the change began). */
    public record RunFinding(long runId, Finding finding) {
    }

    /** The baseline of a new run: the last N earlier points not excluded (empty when fewer than the minimum). */
    public Optional<Baseline> baseline(List<Point> earlier) {
        List<Point> usable = earlier.stream().filter(p -> !p.excluded()).toList();
        List<Point> last = usable.subList(Math.max(0, usable.size() - settings.baselineRuns()), usable.size());
        if (last.size() < settings.minBaselineRuns()) {
            return Optional.empty();
        }
        return Optional.of(Baseline.of(last.stream().mapToDouble(Point::value).toArray()));
    }

    /** What the tests find on {@code current}, given the points before it (oldest first). */
    public List<RunFinding> check(HistoryMetric metric, List<Point> earlier, Point current) {
        List<RunFinding> findings = new ArrayList<>();
        Optional<Baseline> baseline = baseline(earlier);
        for (BaselineTest test : settings.baselineTests(metric.name())) {
            if (test instanceof StaticLimit || baseline.isPresent()) {
                test.check(current.value(), baseline.orElse(Baseline.of(new double[0])), metric.direction())
                        .ifPresent(f -> findings.add(new RunFinding(current.runId(), f)));
            }
        }
        if (settings.changePoint().enabled()) {
            List<Point> series = new ArrayList<>(earlier);
            series.add(current);
            changePoint(metric, series).ifPresent(findings::add);
        }
        return findings;
    }

    /**
     * The last change point of the series' window, when it is a change for the worse of at least the minimum size:
     * the level the series is at now began there, worse than before.
     */
    Optional<RunFinding> changePoint(HistoryMetric metric, List<Point> series) {
        DetectionSettings.ChangePoint cp = settings.changePoint();
        List<Point> usable = series.stream().filter(p -> !p.excluded()).toList();
        List<Point> window = usable.subList(Math.max(0, usable.size() - cp.window()), usable.size());
        double[] values = window.stream().mapToDouble(Point::value).toArray();
        List<EDivisive.ChangePoint> points = new EDivisive(1 - cp.confidence(), cp.permutations(), cp.minSegment(), CHANGE_POINT_SEED)
                .changePoints(values);
        if (points.isEmpty()) {
            return Optional.empty();
        }
        EDivisive.ChangePoint last = points.getLast();
        if (last.meanBefore() == 0) {
            return Optional.empty();
        }
        double change = (last.meanAfter() - last.meanBefore()) / Math.abs(last.meanBefore()) * 100;
        if (metric.direction().worse(change) < cp.minChangePercent()) {
            return Optional.empty();
        }
        Point at = window.get(last.index());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("p_value", last.pValue());
        details.put("statistic", last.statistic());
        details.put("mean_before", last.meanBefore());
        details.put("mean_after", last.meanAfter());
        details.put("change_percent", change);
        details.put("runs_examined", window.size());
        details.put("runs_after", window.size() - last.index());
        return Optional.of(new RunFinding(at.runId(), new Finding("change_point", at.value(), last.meanBefore(), details,
                String.format(java.util.Locale.ROOT, "the level changed at this run: mean %s before, %s after (%+.1f %%, p = %.3g, %d runs examined)",
                        BaselineTest.format(last.meanBefore()), BaselineTest.format(last.meanAfter()), change, last.pValue(), window.size()))));
    }
}
