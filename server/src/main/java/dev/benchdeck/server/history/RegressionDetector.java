package dev.benchdeck.server.history;

import dev.benchdeck.server.run.RunCompleted;
import dev.benchdeck.server.run.RunLabels;
import dev.benchdeck.server.run.RunRepository;
import dev.benchdeck.server.run.RunSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Checks every completed run against its scenario's history, per step and metric, with the scenario's detection
 * settings, and stores what the tests find as alerts. Comparable runs: the same scenario, completed, the same step
 * (index and label), the same branch (runs without one compare with runs without one); values marked false positives
 * stay out. A failing check is logged and never changes how the run ended.
 */
@Component
class RegressionDetector {

    private static final Logger log = LoggerFactory.getLogger(RegressionDetector.class);

    private final RunRepository runs;
    private final HistoryRepository history;
    private final AlertRepository alerts;
    private final DetectionSettingsRepository settings;
    private final ApplicationEventPublisher events;
    private final Timer checkTime;

    RegressionDetector(RunRepository runs, HistoryRepository history, AlertRepository alerts, DetectionSettingsRepository settings,
                       ApplicationEventPublisher events, MeterRegistry meters) {
        // what bench/history measures: a completed run's whole check (history read, every test, alerts stored)
        this.checkTime = Timer.builder("benchdeck.regression.check").description("the regression check of a completed run")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.runs = runs;
        this.history = history;
        this.alerts = alerts;
        this.settings = settings;
        this.events = events;
    }

    @EventListener
    void runCompleted(RunCompleted event) {
        try {
            long started = System.nanoTime();
            int stored = check(event.runId());
            checkTime.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            if (stored > 0) {
                log.info("Run {}: {} regression alert(s)", event.runId(), stored);
            }
        } catch (RuntimeException e) {
            log.warn("Run {}: the regression check failed ({})", event.runId(), e.toString());
        }
    }

    private static Map<String, Object> shape(RegressionCheck.RunFinding found, HistoryRepository.StepRow step, String metric) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("run_id", found.runId());
        alert.put("step_index", step.stepIndex());
        alert.put("step", step.stepLabel());
        alert.put("metric", metric);
        alert.put("test", found.finding().test());
        alert.put("value", found.finding().value());
        alert.put("baseline", found.finding().baseline());
        alert.put("message", found.finding().message());
        alert.put("details", found.finding().details());
        return alert;
    }

    /** Checks the run; returns how many new alerts were stored. */
    int check(long runId) {
        RunSummary run = runs.find(runId).orElse(null);
        if (run == null || run.scenarioId() == null) {
            return 0;
        }
        long scenarioId = run.scenarioId();
        DetectionSettings s = settings.get(scenarioId);
        if (!s.enabled()) {
            return 0;
        }
        String branch = run.labels().get(RunLabels.BRANCH);
        Map<String, String> sameBranch = branch == null ? Map.of() : Map.of(RunLabels.BRANCH, branch);
        int limit = Math.max(s.baselineRuns(), s.changePoint().window()) + 1;
        List<HistoryRepository.StepRow> rows = history.steps(scenarioId, sameBranch, branch == null, runId, null, limit);
        Set<String> falsePositives = alerts.falsePositives(scenarioId);
        RegressionCheck check = new RegressionCheck(s);
        List<Map<String, Object>> raised = new ArrayList<>();
        for (HistoryRepository.StepRow current : rows.stream().filter(r -> r.runId() == runId).toList()) {
            List<HistoryRepository.StepRow> earlier = rows.stream().filter(r -> r.runId() != runId
                    && r.stepIndex() == current.stepIndex() && r.stepLabel().equals(current.stepLabel())).toList();
            for (String name : s.metrics()) {
                HistoryMetric metric = HistoryMetric.byName(name).orElse(null);
                Double value = metric == null ? null : metric.read(current.figures()).orElse(null);
                if (value == null) {
                    continue;
                }
                List<RegressionCheck.Point> points = new ArrayList<>();
                for (HistoryRepository.StepRow row : earlier) {
                    metric.read(row.figures()).ifPresent(v -> points.add(new RegressionCheck.Point(row.runId(), v,
                            falsePositives.contains(AlertRepository.key(row.runId(), row.stepIndex(), name)))));
                }
                for (RegressionCheck.RunFinding found : check.check(metric, points,
                        new RegressionCheck.Point(runId, value, false))) {
                    if (alerts.insert(found.runId(), scenarioId, current.stepIndex(), current.stepLabel(), name, found.finding())) {
                        raised.add(shape(found, current, name));
                    }
                }
            }
        }
        if (!raised.isEmpty()) {
            events.publishEvent(new RegressionAlertsRaised(runId, raised));
        }
        return raised.size();
    }
}
