package dev.benchdeck.server.history;

import dev.benchdeck.server.run.RunLabels;
import dev.benchdeck.server.scenario.Scenario;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Builds a scenario's history from its steps' stored figures, with the baselines and alerts marked. */
@Service
class HistoryService {

    private final HistoryRepository history;
    private final AlertRepository alerts;
    private final DetectionSettingsRepository settings;

    HistoryService(HistoryRepository history, AlertRepository alerts, DetectionSettingsRepository settings) {
        this.history = history;
        this.alerts = alerts;
        this.settings = settings;
    }

    ScenarioHistory history(Scenario scenario, List<String> metrics, @Nullable Integer step, Map<String, String> labels, int limit) {
        List<HistoryRepository.StepRow> rows = history.steps(scenario.id(), labels, false, null, step, limit);
        List<Long> runIds = rows.stream().map(HistoryRepository.StepRow::runId).distinct().toList();
        Map<String, List<ScenarioHistory.AlertMark>> marks = new LinkedHashMap<>();
        for (Alert a : alerts.forRuns(runIds)) {
            marks.computeIfAbsent(a.runId() + "/" + a.stepIndex(), k -> new ArrayList<>())
                    .add(new ScenarioHistory.AlertMark(a.id(), a.metric(), a.test(), a.status(), a.message()));
        }
        Set<String> falsePositives = alerts.falsePositives(scenario.id());
        DetectionSettings detection = settings.get(scenario.id());
        Map<String, List<HistoryRepository.StepRow>> bySteps = new LinkedHashMap<>();
        rows.stream().sorted(java.util.Comparator.comparingInt(HistoryRepository.StepRow::stepIndex))
                .forEach(r -> bySteps.computeIfAbsent(r.stepIndex() + "/" + r.stepLabel(), k -> new ArrayList<>()).add(r));
        Set<String> seen = new java.util.LinkedHashSet<>();
        List<ScenarioHistory.StepHistory> steps = new ArrayList<>();
        for (List<HistoryRepository.StepRow> stepRows : bySteps.values()) {
            Map<String, ScenarioHistory.BaselineMark> baselines = baselines(stepRows, metrics, detection, falsePositives);
            Set<Long> inBaseline = new HashSet<>();
            baselines.values().forEach(b -> inBaseline.addAll(b.runIds()));
            List<ScenarioHistory.Point> points = new ArrayList<>();
            for (HistoryRepository.StepRow row : stepRows) {
                Map<String, Double> values = HistoryMetric.readAll(row.figures(), metrics);
                seen.addAll(values.keySet());
                points.add(new ScenarioHistory.Point(row.runId(), row.number(), row.at(), row.source(), row.labels(), values,
                        inBaseline.contains(row.runId()), marks.getOrDefault(row.runId() + "/" + row.stepIndex(), List.of())));
            }
            HistoryRepository.StepRow first = stepRows.getFirst();
            steps.add(new ScenarioHistory.StepHistory(first.stepIndex(), first.stepLabel(), points, baselines));
        }
        List<ScenarioHistory.MetricInfo> infos = HistoryMetric.names().stream().filter(seen::contains)
                .map(n -> HistoryMetric.byName(n).orElseThrow())
                .map(m -> new ScenarioHistory.MetricInfo(m.name(), m.unit(), m.direction() == Direction.HIGHER_IS_WORSE ? "higher_is_worse" : "lower_is_worse"))
                .toList();
        return new ScenarioHistory(scenario.id(), scenario.name(), infos, steps);
    }

    /** The baseline a next run on the newest point's branch would get, per metric (as the detector builds it). */
    private static Map<String, ScenarioHistory.BaselineMark> baselines(List<HistoryRepository.StepRow> rows, List<String> metrics,
                                                                       DetectionSettings detection, Set<String> falsePositives) {
        Map<String, ScenarioHistory.BaselineMark> baselines = new LinkedHashMap<>();
        String branch = rows.getLast().labels().get(RunLabels.BRANCH);
        List<HistoryRepository.StepRow> comparable = rows.stream()
                .filter(r -> Objects.equals(r.labels().get(RunLabels.BRANCH), branch)).toList();
        RegressionCheck check = new RegressionCheck(detection);
        for (String name : metrics.isEmpty() ? HistoryMetric.names() : metrics) {
            HistoryMetric metric = HistoryMetric.byName(name).orElseThrow();
            List<RegressionCheck.Point> points = new ArrayList<>();
            for (HistoryRepository.StepRow row : comparable) {
                metric.read(row.figures()).ifPresent(v -> points.add(new RegressionCheck.Point(row.runId(), v,
                        falsePositives.contains(AlertRepository.key(row.runId(), row.stepIndex(), name)))));
            }
            List<RegressionCheck.Point> usable = points.stream().filter(p -> !p.excluded()).toList();
            List<RegressionCheck.Point> last = usable.subList(Math.max(0, usable.size() - detection.baselineRuns()), usable.size());
            check.baseline(points).ifPresent(b -> baselines.put(name,
                    new ScenarioHistory.BaselineMark(b.mean(), b.sd(), b.size(), last.stream().map(RegressionCheck.Point::runId).toList())));
        }
        return baselines;
    }
}
