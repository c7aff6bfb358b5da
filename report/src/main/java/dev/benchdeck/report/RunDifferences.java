package dev.benchdeck.report;

import dev.benchdeck.engine.result.EnvironmentInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What differed between the runs besides the figures: each later run's plan against the baseline's as a
 * unified diff, the environment (Benchdeck version, Java, CPUs, operating system) and the labels, a row
 * per item with each run's value.
 */
public record RunDifferences(List<PlanDiff> plans, List<Row> environment, List<Row> labels) {

    /** The plan of {@code other} against the baseline's: {@code diff} empty when the same, {@code null} with {@code unavailable} saying why. */
    public record PlanDiff(String baseline, String other, @Nullable String diff, @Nullable String unavailable) {
    }

    /** One item and its value in each run ({@code null} where the run does not have it). */
    public record Row(String name, List<@Nullable String> values, boolean differs) {
    }

    static RunDifferences of(List<ReportRun> runs) {
        ReportRun baseline = runs.get(0);
        List<PlanDiff> plans = new ArrayList<>();
        for (ReportRun other : runs.subList(1, runs.size())) {
            if (baseline.planText() == null || other.planText() == null) {
                plans.add(new PlanDiff(baseline.name(), other.name(), null, "the plan as run is not in "
                        + (baseline.planText() == null ? baseline : other).name()));
            } else {
                plans.add(new PlanDiff(baseline.name(), other.name(),
                        UnifiedDiff.of(baseline.planText(), other.planText(), baseline.name(), other.name()), null));
            }
        }
        List<Row> environment = new ArrayList<>();
        environment.add(row("plan name", runs, r -> r.result().plan()));
        environment.add(row("benchdeck version", runs, r -> env(r, EnvironmentInfo::benchdeckVersion)));
        environment.add(row("java", runs, r -> env(r, EnvironmentInfo::java)));
        environment.add(row("cpus", runs, r -> env(r, e -> String.valueOf(e.cpus()))));
        environment.add(row("os", runs, r -> env(r, EnvironmentInfo::os)));
        TreeSet<String> keys = new TreeSet<>();
        runs.forEach(r -> keys.addAll(r.labels().keySet()));
        List<Row> labels = keys.stream().map(key -> row(key, runs, r -> r.labels().get(key))).toList();
        return new RunDifferences(plans, environment, labels);
    }

    private static @Nullable String env(ReportRun run, Function<EnvironmentInfo, String> field) {
        return run.result().environment() == null ? null : field.apply(run.result().environment());
    }

    private static Row row(String name, List<ReportRun> runs, Function<ReportRun, @Nullable String> value) {
        List<@Nullable String> values = runs.stream().map(value).toList();
        return new Row(name, values, values.stream().distinct().count() > 1);
    }
}
